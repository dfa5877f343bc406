import { Router } from 'express';
import { openApiDocument } from '../../openapi/document.js';
import { renderDocsPage } from '../../openapi/html.js';

/** How long clients may cache the document and the page (they change only with a deploy). */
const DOCS_MAX_AGE_SECONDS = 300;

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every /api endpoint, generated from the zod
 * schemas the routes validate with. GET /api/docs: a self-contained HTML page rendered from it.
 */
export function docsRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', `public, max-age=${DOCS_MAX_AGE_SECONDS}`).json(openApiDocument());
  });
  router.get('/docs', (req, res) => {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.set('Cache-Control', `public, max-age=${DOCS_MAX_AGE_SECONDS}`).type('html').send(renderDocsPage(origin));
  });
  return router;
}
