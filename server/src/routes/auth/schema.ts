import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { roleSchema } from '../../auth/roles.js';

/** A username: 1–64 of letters, digits, `.`, `_`, `-`, starting with a letter or digit; compared lowercased. */
export const usernameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-", starting with a letter or digit')
  .transform((name) => name.toLowerCase());

/** Body of POST /api/auth/login. The password length is only bounded (the limit caps hashing work). */
export const loginBodySchema = z.object({
  username: usernameSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Who is logged in (GET /api/auth/me, POST /api/auth/login); null when nobody is. */
export const whoAmISchema = z
  .object({
    user: z.string().describe('The username, or the API token name for Bearer requests.'),
    role: roleSchema,
    kind: z.enum(['session', 'token']),
    expiresAt: z.string().nullable().describe('When the login session ends (ISO 8601); null for API tokens.'),
    csrfToken: z.string().nullable().describe('The X-CSRF-Token to send with writes made with the session cookie; null for API tokens.'),
  })
  .nullable();

export const csrfResponseSchema = z.object({ csrfToken: z.string() });
export const logoutResponseSchema = z.object({ loggedOut: z.boolean() });
