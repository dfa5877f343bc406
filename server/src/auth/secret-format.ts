/** The text form of the write-access secret (see secret.ts); no imports, so config can check it. */
export const AUTH_SECRET_MIN_BYTES = 32;

/** Name of the generated secret's file in SIGHTLINE_DATA_DIR. */
export const AUTH_SECRET_FILE = 'auth-secret';

export class AuthSecretError extends Error {
  constructor(message: string) {
    super(`auth/secret: ${message}`);
    this.name = 'AuthSecretError';
  }
}

/** The secret's bytes from its text form (hex, or base64/base64url); throws AuthSecretError. */
export function parseAuthSecret(text: string, origin = 'SIGHTLINE_AUTH_SECRET'): Buffer {
  const value = text.trim();
  let bytes: Buffer;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(value)) bytes = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) bytes = Buffer.from(value, 'base64') // Node reads both base64 alphabets;
  else throw new AuthSecretError(`${origin} must be hex or base64 (e.g. the output of: openssl rand -base64 32)`);
  if (bytes.length < AUTH_SECRET_MIN_BYTES) {
    throw new AuthSecretError(`${origin} must hold at least ${AUTH_SECRET_MIN_BYTES} bytes (it has ${bytes.length}): openssl rand -base64 32`);
  }
  return bytes;
}
