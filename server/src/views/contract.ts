/**
 * Response shapes of /api/views (for the OpenAPI document and, type-only, for the embed page).
 */
import { z } from 'zod';
import { cyElementsSchema } from '../contracts/elements.js';
import { positionSchema, viewDefinitionSchema, viewStyleSchema, VIEW_LAYOUTS, VIEW_MODES } from './definition.js';

export const viewUrlsSchema = z.object({
  url: z.string(),
  embedUrl: z.string(),
  oembedUrl: z.string(),
  imageUrl: z.string(),
  svgUrl: z.string(),
  scriptUrl: z.string(),
});

/** Body `data` of POST /api/views (201). */
export const createdViewSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  previousVersionOf: z.string().nullable(),
  createdAt: z.string(),
  mode: z.enum(VIEW_MODES),
  url: z.string(),
  embedUrl: z.string(),
  oembedUrl: z.string(),
  imageUrl: z.string(),
});

export const viewCitationSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleNote: z.string().nullable(),
  publisher: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  author: z.string().nullable(),
  /** Visible relationships with a claim citing this source. */
  edgeCount: z.number().int(),
  claimCount: z.number().int(),
});

/** Body `data` of GET /api/views/:id. */
export const viewResourceSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  previousVersionOf: z.string().nullable(),
  /** Views saved as new versions of this one. */
  newerVersions: z.array(z.string()),
  createdAt: z.string(),
  mode: z.enum(VIEW_MODES),
  title: z.string(),
  caption: z.string().nullable(),
  definition: viewDefinitionSchema,
  layout: z.object({ name: z.enum(VIEW_LAYOUTS) }),
  style: viewStyleSchema,
  /** When the graph shown was read: now (live) or the save time (pinned). */
  dataAsOf: z.string(),
  elements: cyElementsSchema,
  positions: z.record(z.string(), positionSchema),
  citations: z.array(viewCitationSchema),
  missingActors: z.array(z.string()),
  truncated: z.boolean(),
  urls: viewUrlsSchema,
});
export type ViewResource = z.infer<typeof viewResourceSchema>;
export type CreatedView = z.infer<typeof createdViewSchema>;
export type ViewCitation = z.infer<typeof viewCitationSchema>;
