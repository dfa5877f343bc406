import { z } from 'zod';

/**
 * Opaque keyset cursors for paginated lists (GET /api/sources, GET /api/timeline): the sort key
 * of the last item returned, as base64url-encoded JSON. Clients pass `nextCursor` back
 * unchanged; the server decodes it with the list's own tuple schema, so a tampered or foreign
 * cursor is a 400 naming `cursor`, never a query on unchecked values.
 */

/** Longest cursor accepted (characters): sort keys are short strings and small integers. */
export const MAX_CURSOR_LENGTH = 2048;

/** The cursor of a sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** JSON of a base64url text, or undefined when it is not one. */
function decode(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A `cursor` query parameter (one value) decoding to a sort key that `key` accepts. */
export function cursorParam<T extends z.ZodType>(key: T) {
  return z
    .string({ error: 'must be given once, as a single value' })
    .max(MAX_CURSOR_LENGTH, 'is not a cursor this list returned')
    .transform((text, ctx) => {
      const parsed = key.safeParse(decode(text));
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor this list returned (pass nextCursor back unchanged)' });
        return z.NEVER;
      }
      return parsed.data as z.infer<T>;
    });
}
