/**
 * CSV of a result's rows (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, a quote or a line break, quotes doubled). Nested values are JSON-encoded (values.ts).
 */
import type { Value } from './types.js';
import { csvCellText } from './values.js';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula; prefix such text with a quote
 * (OWASP's advice for CSV injection) unless it is a plain number.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? `'${text}` : text;
}

export function rowsToCsv(columns: readonly string[], rows: readonly Record<string, Value>[]): string {
  const lines = [columns.map((c) => csvField(neutraliseFormula(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(neutraliseFormula(csvCellText(row[c])))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
