import { z } from 'zod';
import {
  QUOTE_MAX_LENGTH,
  claimStanceSchema,
  comparePartialDates,
  httpUrlSchema,
  partialDateSchema,
  relationshipStatusSchema,
  relationshipTypeSchema,
  slugSchema,
} from '../../contracts/vocabulary.js';
import { CURATION_DEFAULTS } from '../../curation/defaults.js';

const CONTROL = /[\u0000-\u001f\u007f]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v), { message: 'must not contain control characters' });
const text = (max: number) => z.string().trim().min(1).max(max);

/** A new source: reused instead when a source with the same url exists. */
export const newSourceSchema = z.strictObject({
  title: line(300),
  publisher: line(200),
  url: httpUrlSchema.optional(),
  publishedAt: partialDateSchema.optional(),
  author: line(200).optional(),
});

/** The source a claim cites: `{ id }` of an existing one (GET /api/search lists sources), or a new one. */
export const claimSourceSchema = z.union([z.strictObject({ id: slugSchema }), newSourceSchema]);

/** One claim: a short verbatim quote of the source, who asserts it and how. */
export const claimBodySchema = z.strictObject({
  /** Verbatim: kept exactly as sent (not trimmed), at most QUOTE_MAX_LENGTH characters. */
  quote: z
    .string()
    .max(QUOTE_MAX_LENGTH)
    .refine((v) => v.trim().length > 0, { message: 'must not be empty' }),
  attributedTo: line(200),
  stance: claimStanceSchema,
  note: text(1000).optional(),
  source: claimSourceSchema,
});

const claims = z.array(claimBodySchema).min(1, 'at least one claim is required').max(CURATION_DEFAULTS.maxClaimsPerRequest);

/** Body of POST /api/relationships: subject `source` -[type]-> object `target`, with at least one claim. */
export const createRelationshipBodySchema = z
  .strictObject({
    source: slugSchema,
    target: slugSchema,
    type: relationshipTypeSchema,
    status: relationshipStatusSchema,
    summary: text(500),
    since: partialDateSchema.optional(),
    until: partialDateSchema.optional(),
    claims,
  })
  .refine((r) => r.since === undefined || r.until === undefined || comparePartialDates(r.since, r.until) <= 0, {
    message: 'must not be before since',
    path: ['until'],
  });
export type CreateRelationshipBody = z.infer<typeof createRelationshipBodySchema>;

/** Body of POST /api/relationships/:id/claims. */
export const addEvidenceBodySchema = z.strictObject({ claims });
export type AddEvidenceBody = z.infer<typeof addEvidenceBodySchema>;

/** Body of POST /api/relationships/:id/end: the date it ended (not before its `since`). */
export const endRelationshipBodySchema = z.strictObject({ until: partialDateSchema });

/** Path parameters of the relationship write routes and of GET /api/relationships/:id/history. */
export const relationshipIdParamsSchema = z.object({ id: slugSchema });
