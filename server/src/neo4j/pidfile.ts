import { readFile, rm, writeFile } from 'node:fs/promises';

/** What Sightline records about the Neo4j process it started, so a later start can find leftovers. */
export interface PidRecord {
  /** The java process running Neo4j. */
  pid: number;
  /** The Node process that started (and owns) it. */
  ownerPid: number;
  boltPort: number;
  startedAt: string;
}

export async function readPidRecord(file: string): Promise<PidRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<PidRecord>;
    if (typeof value.pid !== 'number' || typeof value.ownerPid !== 'number') return undefined;
    return value as PidRecord;
  } catch {
    return undefined;
  }
}

export async function writePidRecord(file: string, record: PidRecord): Promise<void> {
  await writeFile(file, `${JSON.stringify(record)}\n`);
}

export async function removePidRecord(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** True when a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process (Linux /proc), or undefined where it cannot be read. */
export async function commandLineOf(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** Waits until the process is gone or the time is up; true when it is gone. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}
