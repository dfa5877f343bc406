import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../server/src/paths.js';

/**
 * Where results are written: tests/bench/results (the figures of record), or BENCH_RESULTS_DIR for
 * exploratory runs on a shared, noisy machine that must not overwrite them.
 */
export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? join(REPO_ROOT, 'tests', 'bench', 'results');

/** Machine facts written beside every result, so figures are read in context. */
export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** Writes <name>.json (all figures) and <name>.md (the table README shows). */
export async function writeResults(name: string, json: unknown, markdown: string): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(RESULTS_DIR, `${name}.md`), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  console.log(`\n${markdown}\nwritten: ${join(RESULTS_DIR, name)}.{json,md}`);
}
