import { QUOTE_MAX_LENGTH, isPartialDate } from '../contracts/vocabulary.js';

/** Collapses whitespace and cuts to `max` characters (at a word boundary when one is near). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trim();
}

/** A verbatim excerpt fit for Claim.quote: the text's first QUOTE_MAX_LENGTH characters, and whether it was cut. */
export function quoteOf(text: string): { quote: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const quote = clip(flat, QUOTE_MAX_LENGTH);
  return { quote, cut: quote.length < flat.length };
}

/** `2025-04-07T12:00:00` -> `2025-04-07`; anything that is not a (partial) ISO date -> undefined. */
export function partialDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value.trim());
  return m && isPartialDate(m[1] as string) ? m[1] : undefined;
}

/** Today as YYYY-MM-DD (for "has this relationship ended?"). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Unique non-empty strings, trimmed and clipped, first occurrence first, at most `limit`. */
export function uniqueTexts(values: Iterable<string>, max: number, limit: number, exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map((v) => v.toLowerCase()));
  const out: string[] = [];
  for (const value of values) {
    const text = clip(value, max);
    if (text === '' || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}

/** An http(s) URL or undefined. */
export function httpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
