import { createHmac, randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** scrypt parameters of new password hashes; one comment per option. */
export const PASSWORD_HASH_DEFAULTS = {
  /** CPU/memory cost: 2^15 uses 32 MiB per hash (one of OWASP's recommended scrypt settings: N=2^15, r=8, p=3). */
  N: 2 ** 15,
  /** Block size. */
  r: 8,
  /** Parallelisation: more sequential work at the same memory. */
  p: 3,
  /** Bytes of random salt, per user. */
  saltBytes: 16,
  /** Bytes of derived key. */
  keyBytes: 32,
} as const;

/** Longest password accepted (bytes are hashed, so this only bounds the work per login). */
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_MIN_LENGTH = 10;

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, { ...options, maxmem: 256 * (options.N ?? 0) * (options.r ?? 0) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Stored form: `scrypt-hmac$N$r$p$<salt b64>$<mac b64>` with mac = HMAC-SHA256(pepper, scrypt(password,
 * salt)); self-describing, so parameters can be raised later. The pepper is the server-side secret
 * (auth/secret.ts), never stored in Neo4j.
 *
 * Why HMAC over the scrypt output (rather than scrypt over an HMAC of the password): the slow,
 * salted scrypt work stays exactly the standard construction, and the pepper is one fast keyed step
 * at the end. Without the pepper, the stored mac cannot be compared with scrypt(guess, salt), so a
 * leaked row (a dump, the Cypher console) cannot be cracked offline; with it, each guess still
 * costs a full scrypt. Either order gives that; this one keeps the pepper out of scrypt's input.
 */
export const PASSWORD_HASH_SCHEME = 'scrypt-hmac';

/** The pepper's HMAC of a scrypt key. */
const macOf = (pepper: Buffer, key: Buffer): Buffer => createHmac('sha256', pepper).update(key).digest();

export async function hashPassword(password: string, pepper: Buffer): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = PASSWORD_HASH_DEFAULTS;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, { N, r, p });
  return [PASSWORD_HASH_SCHEME, N, r, p, salt.toString('base64'), macOf(pepper, key).toString('base64')].join('$');
}

/** Raised for a stored hash from before the pepper (`scrypt$…`): it can never verify; reset the password. */
export class UnpepperedPasswordHashError extends Error {
  constructor() {
    super('auth/passwords: this password hash has the old unpeppered format (scrypt$…) and is no longer accepted; set a new password with `npm run users -- passwd --username <name>`');
    this.name = 'UnpepperedPasswordHashError';
  }
}

/**
 * Constant-time check of a password against a stored hash; false for a malformed hash. Throws
 * UnpepperedPasswordHashError for an old-format hash (fails closed, but says why).
 */
export async function verifyPassword(password: string, stored: string, pepper: Buffer): Promise<boolean> {
  const parts = stored.split('$');
  if (parts[0] === 'scrypt' && parts.length === 6) throw new UnpepperedPasswordHashError();
  if (parts.length !== 6 || parts[0] !== PASSWORD_HASH_SCHEME) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64');
  const expected = Buffer.from(parts[5] as string, 'base64');
  // Bounded so that an edited row cannot make a login allocate gigabytes.
  if (![N, r, p].every(Number.isInteger) || N > 2 ** 20 || r > 32 || p > 16 || expected.length !== 32) return false;
  const key = await derive(password, salt, PASSWORD_HASH_DEFAULTS.keyBytes, { N, r, p });
  return timingSafeEqual(macOf(pepper, key), expected);
}

/**
 * A hash of a random password, checked when the username is unknown so that a login takes the
 * same time whether or not the user exists.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(pepper: Buffer): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'), pepper);
  return dummyHash;
}
