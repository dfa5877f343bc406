import { z } from 'zod';

/** The roles, weakest first: admin ⊇ editor ⊇ reader. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** True when `held` grants at least what `needed` does. */
export function roleSatisfies(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
