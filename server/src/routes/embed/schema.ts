/**
 * Zod schemas of the embed routes (outside /api): /embed/:file, /oembed, and the view page's
 * `?view=`. Unknown query parameters are ignored.
 */
import { z } from 'zod';
import { VIEW_ID_PATTERN } from '../../views/view-id.js';

/** `/embed/<id>`, `/embed/<id>.png`, `/embed/<id>.svg`. */
export const embedFileParamsSchema = z.object({
  file: z
    .string()
    .regex(/^[0-9A-Za-z]{16}(\.png|\.svg)?$/, 'must be a view id, optionally with .png or .svg')
    .transform((file) => {
      const [id, ext] = file.split('.');
      return { id: id as string, format: (ext ?? 'html') as 'html' | 'png' | 'svg' };
    }),
});

const single = z.string({ error: 'must be given once, as a single value' });
const dimension = single
  .regex(/^\d{1,5}$/, 'must be a positive integer')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be a positive integer'));

/** GET /oembed query (oEmbed 1.0). */
export const oembedQuerySchema = z.object({
  /** The view page or embed URL of a view of this server. */
  url: single.min(1).max(2000),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
  /** json (default) or xml (answered 501, as the spec allows). */
  format: single.pipe(z.enum(['json', 'xml'], { error: 'must be json or xml' })).default('json'),
});

/** Theme of the rendered images (`?theme=dark`). */
export const imageQuerySchema = z.object({
  theme: single.pipe(z.enum(['light', 'dark'], { error: 'must be light or dark' })).optional(),
});

/** The view page: `/?view=<id>` (anything else is the plain explorer). */
export const viewPageQuerySchema = z.object({ view: single.regex(VIEW_ID_PATTERN) });
