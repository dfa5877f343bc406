import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiTokenRow, AuthRepository, UserRow } from '../repositories/auth-repository.js';
import { generateApiToken } from './api-tokens.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import type { Role } from './roles.js';
import { authSecret } from './secret.js';

/** Name of an API token (what it is for: "ci", "importer"): 1–64 letters, digits, space, `.`, `_`, `-`. */
export const tokenNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, ".", "_" and "-"');

/** A new password: 10 to 1024 characters. */
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/**
 * Creates an API token; `token` is returned this once and never stored (only its keyed hash).
 * `secret`: the server-side secret (default: this process's, auth/secret.ts).
 */
export async function createApiToken(repository: AuthRepository, name: string, role: Role, secret?: Buffer): Promise<{ token: string; record: ApiTokenRow }> {
  const fresh = generateApiToken(secret ?? (await authSecret()));
  const record = await repository.createToken({ id: fresh.id, name, role, hash: fresh.hash, createdAt: new Date().toISOString() });
  return { token: fresh.token, record };
}

/** The fields of a user that may be shown (never the password hash). */
export type PublicUser = Omit<UserRow, 'passwordHash'>;
export const publicUser = ({ passwordHash: _hidden, ...user }: UserRow): PublicUser => user;

/**
 * Creates a user with a peppered scrypt password hash (auth/passwords.ts); throws UserExistsError
 * when the username is taken. `secret`: the pepper (default: this process's, auth/secret.ts).
 */
export async function createUser(repository: AuthRepository, username: string, role: Role, password: string, secret?: Buffer): Promise<PublicUser> {
  if (await repository.findUser(username)) throw new UserExistsError(username);
  const user = await repository.createUser({
    id: randomUUID(),
    username,
    role,
    passwordHash: await hashPassword(password, secret ?? (await authSecret())),
    createdAt: new Date().toISOString(),
  });
  return publicUser(user);
}

export class UserExistsError extends Error {
  constructor(username: string) {
    super(`auth/accounts: a user named ${JSON.stringify(username)} already exists`);
    this.name = 'UserExistsError';
  }
}
