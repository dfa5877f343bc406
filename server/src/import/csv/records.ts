import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ReadMeter } from '../meter.js';

/**
 * The records of a CSV file with a header row, as column -> value, each with the 1-based line it
 * starts on (a quoted field may span lines). Malformed CSV is reported with the line csv-parse
 * stopped at. `delimiter` separates fields (a column map's; default ","); `meter` counts the bytes read.
 */
export async function* csvRecords(path: string, delimiter = ',', meter?: ReadMeter): AsyncGenerator<{ line: number; record: Record<string, string> } | { line: number; error: string }> {
  const parser = (meter ? meter.open(path) : createReadStream(path)).pipe(
    parse({ columns: (header: string[]) => header.map((h) => h.trim()), bom: true, delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: false }),
  );
  let previousEnd = 1;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number } }>) {
      // skipped empty lines between the previous record and this one move its first line down
      yield { line: previousEnd + 1 + (info.empty_lines - previousEmpty), record };
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    yield { line: e.lines ?? previousEnd + 1, error: `malformed CSV: ${e.message}` };
  }
}

/** The header row of a CSV file (trimmed column names). */
export async function csvHeader(path: string, delimiter = ','): Promise<string[]> {
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, to_line: 1 }));
  for await (const row of parser as AsyncIterable<string[]>) return row.map((h) => h.trim());
  return [];
}
