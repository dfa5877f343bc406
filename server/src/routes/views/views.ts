import { Router, type RequestHandler } from 'express';
import { requireRoleIf } from '../../auth/require-role.js';
import { rateLimited } from '../../middlewares/rate-limit.js';
import { parseBody, parseParams } from '../../middlewares/validate.js';
import { presentCreatedView, presentView } from '../../presenters/view.js';
import type { ViewOptions } from '../../views/options.js';
import type { ViewService } from '../../views/service.js';
import { publicOrigin, viewUrls } from '../../views/urls.js';
import { sendData } from '../respond.js';
import { createViewBodySchema, viewParamsSchema } from './schema.js';

/** Per-client limit of view creations per minute; over it: 429 RATE_LIMITED with RateLimit headers. */
const creationRateLimit = (perMinute: number): RequestHandler =>
  rateLimited(`at most ${perMinute} views may be created per minute per client; retry later`, { windowMs: 60_000, limit: perMinute });

/**
 * Saved views:
 *   POST /views      create a view (immutable; previousVersionOf makes a new version): 201;
 *                    with `requireAuth` (SIGHTLINE_VIEWS_REQUIRE_AUTH) only an editor may (401/403,
 *                    and a cookie login must send its X-CSRF-Token)
 *   GET  /views/:id  the view, what it shows (live: now; pinned: at save time), its citations
 */
export function viewRoutes(service: ViewService, options: ViewOptions, requireAuth = false): Router {
  const router = Router();

  router.post('/views', requireRoleIf(requireAuth, 'editor'), creationRateLimit(options.ratePerMinute), async (req, res) => {
    const input = parseBody(createViewBodySchema, req);
    const { view } = await service.create(input);
    const urls = viewUrls(publicOrigin(req, options.publicUrl), view.id);
    res.set('Location', `/api/views/${view.id}`);
    sendData(res, presentCreatedView(view, urls), { status: 201 });
  });

  router.get('/views/:id', async (req, res) => {
    const { id } = parseParams(viewParamsSchema, req);
    const loaded = await service.load(id);
    const urls = viewUrls(publicOrigin(req, options.publicUrl), id);
    // A pinned view never changes; a live one is read again on every load (revalidated by ETag).
    sendData(res, presentView(loaded, urls), loaded.view.mode === 'pinned' ? { maxAge: 3600 } : {});
  });

  return router;
}
