import { z } from 'zod';
import { slugSchema } from '../../contracts/vocabulary.js';
import { CITATION_FORMATS, EXPORT_FORMATS } from '../../exporters/index.js';

/** At most this many start actors per export. */
export const MAX_EXPORT_IDS = 50;

/** Neighbourhood depth of an export with ids. */
export const EXPORT_DEPTHS = [0, 1, 2, 3] as const;
export type ExportDepth = (typeof EXPORT_DEPTHS)[number];

/** `ids=a,b` or `ids=a&ids=b`: a list of actor slugs. */
const idsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  )
  .pipe(z.array(slugSchema).min(1, 'must list at least one actor id').max(MAX_EXPORT_IDS, `at most ${MAX_EXPORT_IDS} actor ids`))
  .optional()
  .describe('Actor ids (slugs), comma-separated or repeated. Omit to export the whole graph (refused with 413 over the export cap).');

/** GET /api/export query. */
export const exportQuerySchema = z.object({
  format: z
    .enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` })
    .describe(
      'cyjs: Cytoscape.js JSON; graphml: GraphML; gexf: GEXF 1.3 (Gephi); csv: zip of nodes/edges/claims/sources CSV; json: Sightline JSON (lossless); citations: the sources behind the exported edges; ftm: FollowTheMoney JSON lines (entities and interval entities, for Aleph/OpenSanctions tools).',
    ),
  ids: idsSchema,
  depth: z
    .string()
    .regex(/^[0-3]$/, 'must be 0, 1, 2 or 3')
    .transform((v) => Number(v) as ExportDepth)
    .optional()
    .describe('Neighbourhood depth around ids: 0 (the actors only) to 3; default 1. Ignored without ids.'),
  citationFormat: z
    .enum(CITATION_FORMATS, { error: `must be one of ${CITATION_FORMATS.join(', ')}` })
    .optional()
    .describe('With format=citations: json (default) or text (a numbered plain-text list).'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Default neighbourhood depth. */
export const DEFAULT_EXPORT_DEPTH: ExportDepth = 1;
