import type { Request } from 'express';
import { AppError } from '../../errors.js';
import { parse } from '../../middlewares/validate.js';
import { confirmBodySchema, confirmQuerySchema } from './actors.schema.js';

/**
 * A deletion must name what it deletes a second time: `?confirm=<id>` or body `{"confirm": "<id>"}`
 * equal to the id in the path; otherwise 400 CONFIRMATION_REQUIRED and nothing changes.
 */
export function assertConfirmed(req: Request, id: string): void {
  const query = parse(confirmQuerySchema, req.query, 'query');
  const body = parse(confirmBodySchema, req.body ?? undefined, 'body');
  const confirm = query.confirm ?? body?.confirm;
  if (confirm !== id) {
    throw new AppError(400, 'CONFIRMATION_REQUIRED', `curation: to delete ${JSON.stringify(id)}, repeat its id as ?confirm=${id} (or {"confirm": "${id}"})`);
  }
}
