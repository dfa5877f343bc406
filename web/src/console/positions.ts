/** Positions in the editor text (pure). */
import type { ErrorPosition } from './types.js';

/** Absolute offset of a 1-based line/column in `text`, clamped to the text. */
export function offsetOf(text: string, position: Pick<ErrorPosition, 'line' | 'column'>): number {
  const lines = text.split('\n');
  const line = Math.min(Math.max(1, position.line), lines.length);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += (lines[i] as string).length + 1;
  return Math.min(offset + Math.max(0, position.column - 1), text.length);
}

/**
 * The range to underline for an error at `position`: the offset when it is inside the text (else
 * line/column), to the end of the word there (at least one character).
 */
export function errorRange(text: string, position: ErrorPosition): { from: number; to: number } {
  const valid = Number.isInteger(position.offset) && position.offset >= 0 && position.offset <= text.length;
  const from = Math.min(valid ? position.offset : offsetOf(text, position), Math.max(0, text.length - 1));
  const word = /^[^\s(){}[\],;]*/.exec(text.slice(from))?.[0].length ?? 0;
  return { from, to: Math.min(text.length, from + Math.max(1, word)) };
}
