import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';

/**
 * Generates a password for the embedded Neo4j: "sl" + 24 random bytes in base64url (34 characters).
 * The fixed prefix keeps it from starting with "-", which neo4j-admin would read as an option.
 */
export function generatePassword(): string {
  return `sl${randomBytes(24).toString('base64url')}`;
}

/** Reads the stored password, or undefined when there is none yet. */
export async function readPassword(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text.length > 0 ? text : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Stores the password readable by its owner only (mode 0600). */
export async function writePassword(file: string, password: string): Promise<void> {
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** What may be logged of a password: its first two characters and its length, never the rest. */
export function maskPassword(password: string): string {
  return `${password.slice(0, 2)}…(${password.length} chars)`;
}
