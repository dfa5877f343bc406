import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ReadMeter } from './meter.js';

/** The lines of a UTF-8 text file with their 1-based numbers (a BOM is dropped); `meter` counts the bytes read. */
export async function* numberedLines(path: string, meter?: ReadMeter): AsyncGenerator<{ line: number; text: string }> {
  const input = meter ? meter.open(path) : createReadStream(path);
  input.setEncoding('utf8');
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line += 1;
    yield { line, text: line === 1 ? raw.replace(/^\uFEFF/, '') : raw };
  }
}
