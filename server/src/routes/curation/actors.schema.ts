import { z } from 'zod';
import { actorKindSchema, actorSchema, slugSchema } from '../../contracts/vocabulary.js';

/** No control characters (tabs and newlines included) in one-line fields. HTML is just text: it is stored and shown as typed. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const oneLine = <S extends z.ZodString>(s: S) => s.refine((v) => !CONTROL.test(v), { message: 'must not contain control characters' });

const name = oneLine(actorSchema.shape.name);
const alias = oneLine(z.string().trim().min(1).max(200));
const aliases = z.array(alias).max(50);
const description = actorSchema.shape.description;
const country = actorSchema.shape.country.unwrap();
const url = actorSchema.shape.url.unwrap();
const wikidata = actorSchema.shape.wikidata.unwrap();

/** Body of POST /api/actors. The id is made from the name (a slug, made unique). */
export const createActorBodySchema = z.strictObject({
  name,
  kind: actorKindSchema,
  aliases: aliases.default([]),
  description,
  country: country.optional(),
  url: url.optional(),
  wikidata: wikidata.optional(),
});
export type CreateActorBody = z.infer<typeof createActorBodySchema>;

/**
 * Body of PATCH /api/actors/:id: the fields to change (null removes country, url or wikidata),
 * and `updatedAt` as last read from GET /api/actors/:id (`properties.updatedAt`, null if the
 * actor was never edited): a stale value is 409 CONFLICT.
 */
export const patchActorBodySchema = z
  .strictObject({
    updatedAt: z.string().max(40).nullable(),
    name: name.optional(),
    kind: actorKindSchema.optional(),
    aliases: aliases.optional(),
    description: description.optional(),
    country: country.nullable().optional(),
    url: url.nullable().optional(),
    wikidata: wikidata.nullable().optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'updatedAt'), { message: 'nothing to change', path: ['body'] });
export type PatchActorBody = z.infer<typeof patchActorBodySchema>;

/** Path parameters of the actor write routes and of GET /api/actors/:id/history. */
export const actorIdParamsSchema = z.object({ id: slugSchema });

/** Query of DELETE /api/actors/:id and /api/relationships/:id: `confirm` repeats the id. */
export const confirmQuerySchema = z.object({ confirm: z.string().max(200).optional() });
/** Body alternative of the confirmation (`{"confirm": "<id>"}`); the body may be absent. */
export const confirmBodySchema = z.object({ confirm: z.string().max(200).optional() }).optional();

/** Body of POST /api/actors/merge: `mergedId` is merged into `survivorId` (same entity). */
export const mergeActorsBodySchema = z.strictObject({ survivorId: slugSchema, mergedId: slugSchema });
export type MergeActorsBody = z.infer<typeof mergeActorsBodySchema>;
