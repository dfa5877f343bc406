import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * API token format: `slt_<id>_<secret>`: `slt_` marks a Sightline token (easy to spot by secret
 * scanners), `<id>` (16 hex characters) is the public part used to find the stored record, and
 * `<secret>` is 256 random bits in base64url. Only HMAC-SHA256 of the whole token, keyed with the
 * server-side secret (auth/secret.ts), is stored: a 256-bit random secret needs no slow hash
 * (nothing to brute-force), and the key means a database reader cannot even confirm a token.
 */
export const TOKEN_PREFIX = 'slt_';
const TOKEN_PATTERN = /^slt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  id: string;
  /** The token to hand out once; never stored. */
  token: string;
  /** HMAC-SHA256 (hex) of `token` keyed with the server-side secret: what is stored. */
  hash: string;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** What is stored of an API token: HMAC-SHA256 (hex) keyed with the server-side secret. */
export function apiTokenHash(token: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(token, 'utf8').digest('hex');
}

/** A fresh random token, its id and its hash. */
export function generateApiToken(secret: Buffer): NewApiToken {
  const id = randomBytes(8).toString('hex');
  const token = `${TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: apiTokenHash(token, secret) };
}

/** The id of a well-formed token, or undefined for anything else. */
export function parseApiToken(token: string): { id: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { id: match[1] as string } : undefined;
}
