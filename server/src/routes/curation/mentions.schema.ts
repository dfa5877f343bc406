import { z } from 'zod';
import { CURATION_DEFAULTS } from '../../curation/defaults.js';

/** Body of POST /api/mentions: a source's text, at most 100 KB of UTF-8. */
export const mentionsBodySchema = z.strictObject({
  text: z
    .string()
    .max(CURATION_DEFAULTS.mentionTextMaxBytes)
    .refine((t) => Buffer.byteLength(t, 'utf8') <= CURATION_DEFAULTS.mentionTextMaxBytes, {
      message: `must be at most ${CURATION_DEFAULTS.mentionTextMaxBytes} bytes of UTF-8`,
    }),
});
