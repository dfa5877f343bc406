import { z } from 'zod';

/**
 * Query-string scalars. Express hands query values over as strings, or as arrays when a key is
 * repeated (`?limit=1&limit=2`); these accept exactly one plain decimal string, so an array, a
 * float, an exponent or a 400-digit number is a 400 naming the parameter, never a coerced guess.
 */
export function integerQueryParam(options: { min: number; max: number; default: number }) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${options.min} to ${options.max}`)
    .transform(Number)
    .pipe(z.number().int().min(options.min).max(options.max))
    .optional()
    .transform((v) => v ?? options.default);
}

/** Pagination by `limit` and `offset` (offset-based: the graph is small and changes rarely). */
export const PAGE_DEFAULTS = { limit: 20, maxLimit: 100, maxOffset: 100_000 } as const;

export const pageQuerySchema = z.object({
  limit: integerQueryParam({ min: 1, max: PAGE_DEFAULTS.maxLimit, default: PAGE_DEFAULTS.limit }),
  offset: integerQueryParam({ min: 0, max: PAGE_DEFAULTS.maxOffset, default: 0 }),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The page block of a paginated response. */
export const pageSchema = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  /** Items in the whole collection. */
  total: z.number().int().nonnegative(),
  /** Offset of the next page; null on the last page. */
  nextOffset: z.number().int().nullable(),
});
export type Page = z.infer<typeof pageSchema>;
