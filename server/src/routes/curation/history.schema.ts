import { z } from 'zod';
import { CURATION_DEFAULTS } from '../../curation/defaults.js';

/** Query of GET /api/actors/:id/history and /api/relationships/:id/history. */
export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CURATION_DEFAULTS.historyLimit).default(CURATION_DEFAULTS.historyLimit),
});
