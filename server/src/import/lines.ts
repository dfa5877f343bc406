import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a UTF-8 text file with their 1-based numbers (a BOM is dropped). */
export async function* numberedLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line += 1;
    yield { line, text: line === 1 ? raw.replace(/^\uFEFF/, '') : raw };
  }
}
