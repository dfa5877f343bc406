/**
 * The server-side secret ("pepper") of write access control. It keys the stored password hashes
 * and API-token hashes (HMAC-SHA256), and it is never stored in Neo4j, so whoever reads the
 * database (a dump, a backup, the Cypher console) holds nothing that can be checked against a
 * guessed password or token without it.
 *
 * Where it comes from (the app, the `users` and `tokens` CLIs alike):
 *   - SIGHTLINE_AUTH_SECRET: at least 32 bytes, as hex or base64/base64url. Required to be the SAME
 *     on every app instance and wherever the CLIs run (with several instances, set it explicitly);
 *   - else `${SIGHTLINE_DATA_DIR}/auth-secret`, generated once (32 random bytes, base64url) and kept
 *     with mode 0600, like the embedded Neo4j's password — the single-machine case.
 * Losing or changing it invalidates every password and API token (reset them with the CLIs).
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadConfig } from '../config/env.js';
import { AUTH_SECRET_MIN_BYTES, AuthSecretError, parseAuthSecret } from './secret-format.js';

export { AUTH_SECRET_FILE } from './secret-format.js';

async function readSecretFile(file: string): Promise<Buffer | undefined> {
  try {
    return parseAuthSecret(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The secret in `file`, created first when missing. Creation is atomic (written to a temporary
 * file, then hard-linked into place, which fails if another process got there first), so processes
 * starting together (the app and a CLI, parallel tests) all end up with the same secret.
 */
export async function loadOrCreateSecretFile(file: string): Promise<Buffer> {
  const existing = await readSecretFile(file);
  if (existing) return existing;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(AUTH_SECRET_MIN_BYTES).toString('base64url')}\n`, { mode: 0o600 });
  try {
    await chmod(temporary, 0o600);
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const created = await readSecretFile(file);
  if (!created) throw new AuthSecretError(`could not create ${file}`);
  return created;
}

/** The secret from an explicit value, else from (or into) the secret file. */
export async function loadAuthSecret(source: { value: string | undefined; file: string }): Promise<Buffer> {
  return source.value !== undefined ? parseAuthSecret(source.value) : loadOrCreateSecretFile(source.file);
}

let configured: Promise<Buffer> | undefined;

/** This process's secret, per the environment (see above); loaded once, on first use. */
export function authSecret(): Promise<Buffer> {
  if (!configured) {
    configured = loadAuthSecret(loadConfig().authSecret);
    configured.catch(() => {
      configured = undefined; // a failure (e.g. an unwritable data folder) is retried next time
    });
  }
  return configured;
}
