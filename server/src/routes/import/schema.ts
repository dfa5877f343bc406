import { z } from 'zod';
import { slugSchema } from '../../contracts/vocabulary.js';
import { columnMapJsonSchema } from '../../import/csv/column-map.js';
import { IMPORT_FORMATS } from '../../import/formats.js';

/** Largest batch a client may ask for. */
export const MAX_IMPORT_BATCH_SIZE = 50_000;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Fields of POST /api/import (multipart/form-data, besides the file parts `file` and, for CSV, an
 * optional second `relationships`).
 */
export const importFieldsSchema = z.object({
  format: z
    .enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` })
    .optional()
    .describe('ftm | csv | boycott-csv | cyjs; guessed from the file when omitted.'),
  dryRun: flag.optional().describe('true: validate and answer the report at once (200); nothing is written.'),
  batchSize: z
    .string()
    .regex(/^\d+$/, 'must be a positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_IMPORT_BATCH_SIZE))
    .optional()
    .describe(`Records per write transaction, 1..${MAX_IMPORT_BATCH_SIZE}.`),
  namespace: z
    .string()
    .regex(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be empty or a lowercase slug')
    .max(40)
    .optional()
    .describe('Id namespace (defaults: ftm "ftm", boycott-csv "boycott", csv and cyjs none).'),
  map: columnMapJsonSchema
    .optional()
    .describe(
      'CSV only: a column map as JSON text, as the CLI’s --map file: {"actors": {"name": "Company"}, "relationships": {"source": "From"}, "defaults": {"kind": "Company"}, "delimiter": ";"}. ' +
        'Keys are Sightline columns, values the file’s own headers (each must be in the file it maps); defaults fill fields the file lacks. ' +
        'Malformed JSON, an unknown Sightline column, a header the file lacks or a map with another format: 400 VALIDATION_FAILED, field "map".',
    ),
});
export type ImportFields = z.infer<typeof importFieldsSchema>;

/** Path parameters of GET /api/import/:jobId. */
export const importJobParamsSchema = z.object({ jobId: slugSchema });

/** Query of GET /api/import/:jobId/actors. */
export const importJobActorsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(40).describe('Most actors to list, 1..200 (default 40).'),
});

/** Body of GET /api/import/:jobId/actors: the actors the job created, most connected first. */
export const importJobActorsSchema = z.object({
  jobId: z.string(),
  total: z.number().describe('Actors the job created that still exist (not deleted or merged away).'),
  actors: z.array(z.object({ data: z.record(z.string(), z.unknown()), degree: z.number() })),
});

/** 202 body of POST /api/import (and, for a dry run, `data` is the report instead). */
export const importAcceptedSchema = z.object({
  jobId: z.string(),
  status: z.literal('queued'),
  statusUrl: z.string(),
  eventsUrl: z.string(),
});

const createdSchema = z.object({ actors: z.number(), relationships: z.number(), claims: z.number(), sources: z.number() });

/** Body of GET /api/import/:jobId (server/src/presenters/import-job.ts). */
export const importJobViewSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  phase: z.string(),
  format: z.string(),
  files: z.array(z.string()),
  batchSize: z.number(),
  lastCommittedBatch: z.number(),
  totalBatches: z.number(),
  rowsDone: z.number(),
  rowsTotal: z.number().describe('Rows to write (actors and relationships): known once the job is done (0 before).'),
  bytesRead: z.number().describe('Bytes of the input read so far (both passes), of bytesTotal.'),
  bytesTotal: z.number(),
  fraction: z.number().describe('0..1: bytesRead / bytesTotal while running, 1 once done.'),
  cancelRequested: z.string().nullable().describe('When a cancel was asked for (the job stops at its next batch), or null.'),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  created: createdSchema.nullable(),
  report: z.unknown(),
  error: z.string().nullable(),
});
