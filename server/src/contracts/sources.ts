import { z } from 'zod';
import { cyEdgeDataSchema, cyNodeDataSchema } from './elements.js';
import { pageSchema } from './query-params.js';
import { claimStanceSchema } from './vocabulary.js';

/** A source with how many claims quote it. */
export const sourceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Set when `title` is a descriptive title rather than the document's headline. */
  titleNote: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  author: z.string().nullable(),
  claimCount: z.number().int().nonnegative(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

/** The page block of GET /api/sources: offset paging and keyset (cursor) paging. */
export const sourcePageSchema = pageSchema.extend({
  /** Sources skipped before this page; null when the page was asked for by cursor. */
  offset: z.number().int().nullable(),
  /** Opaque cursor of the next page (pass it as `cursor`); null once a page comes back short. */
  nextCursor: z.string().nullable(),
});
export type SourcePage = z.infer<typeof sourcePageSchema>;

/** Body `data` of GET /api/sources. */
export const sourceListSchema = z.object({
  sources: z.array(sourceSummarySchema),
  page: sourcePageSchema,
});
export type SourceList = z.infer<typeof sourceListSchema>;

/** Another source, as cited by (or citing) this one. */
export const sourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** A claim drawn from the source, with the relationship it supports (null if that is missing). */
export const sourceClaimSchema = z.object({
  id: z.string(),
  quote: z.string(),
  attributedTo: z.string(),
  stance: claimStanceSchema,
  note: z.string().nullable(),
  relationship: z.object({ data: cyEdgeDataSchema }).nullable(),
});
export type SourceClaim = z.infer<typeof sourceClaimSchema>;

/** Body `data` of GET /api/sources/:id. */
export const sourceDetailSchema = z.object({
  source: sourceSummarySchema,
  /** Sources this one cites (Source CITES Source), and sources citing it. */
  cites: z.array(sourceRefSchema),
  citedBy: z.array(sourceRefSchema),
  claims: z.array(sourceClaimSchema),
  /** The actors at the ends of the supported relationships, so the client can draw the edges. */
  nodes: z.array(z.object({ data: cyNodeDataSchema })),
});
export type SourceDetail = z.infer<typeof sourceDetailSchema>;
