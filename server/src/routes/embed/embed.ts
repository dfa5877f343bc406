import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { AppError, notFound } from '../../errors.js';
import { parse, parseQuery } from '../../middlewares/validate.js';
import { presentView } from '../../presenters/view.js';
import { ImageCache, IMAGE_CACHE_DEFAULTS } from '../../views/image-cache.js';
import { oembedResponse } from '../../views/oembed.js';
import type { ViewOptions } from '../../views/options.js';
import { inlineDataBlock, splitAtBodyEnd } from '../../views/inline-data.js';
import { injectHead, viewHeadTags } from '../../views/page-meta.js';
import type { ViewService } from '../../views/service.js';
import { renderViewSvg, svgToPng, type ImageTheme } from '../../views/svg.js';
import { publicOrigin, viewIdFromUrl, viewUrls } from '../../views/urls.js';
import { VIEW_ID_PATTERN } from '../../views/view-id.js';
import { embedFileParamsSchema, imageQuerySchema, oembedQuerySchema, viewPageQuerySchema } from './schema.js';

export interface EmbedRoutesOptions extends ViewOptions {
  /** Built web assets (embed.html, index.html). */
  webDist: string;
  logger: Logger;
}

const etagOf = (body: Buffer | string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Pages and files for embedding, outside /api:
 *   GET /embed/:id        the embed page (web/embed.html) with the view's meta tags and its data inline
 *   GET /embed/:id.png    the view rendered by the server (1200×630; ?theme=dark)
 *   GET /embed/:id.svg    the same as SVG
 *   GET /oembed?url=…     oEmbed 1.0 JSON (format=xml: 501; a URL that is not a view: 404)
 *   GET /?view=:id        the view page: the explorer with the view's meta tags and oEmbed discovery
 */
export function embedRoutes(service: ViewService, options: EmbedRoutesOptions): Router {
  const router = Router();
  const images = new ImageCache();
  const pages = new Map<string, string>();

  async function page(name: 'embed.html' | 'index.html'): Promise<string> {
    const cached = pages.get(name);
    if (cached) return cached;
    try {
      const html = await readFile(join(options.webDist, name), 'utf8');
      pages.set(name, html);
      return html;
    } catch {
      throw new AppError(404, 'NOT_FOUND', `the web page ${name} is not built (npm run build:web)`);
    }
  }

  // Pages are sent with no-cache: revalidated on every load (Express's ETag answers 304 when
  // nothing changed: a pinned view's page, until a new web build). A live view's embed page holds
  // data read at this request: it is never reused without asking, and has no ETag.
  function sendHtml(res: Response, html: string): void {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.status(200).send(html);
  }

  /** The view page (/?view=): the explorer with the view's meta tags; false when the view is unknown. */
  async function sendViewPage(req: Request, res: Response, id: string): Promise<boolean> {
    const found = await service.find(id);
    if (!found) return false;
    sendHtml(res, injectHead(await page('index.html'), viewHeadTags(found.view, viewUrls(publicOrigin(req, options.publicUrl), id))));
    return true;
  }

  /**
   * The embed page with the view's meta tags and, inline, the view's data exactly as
   * GET /api/views/:id answers it; false when the view is unknown. The view is read while the
   * template is, and resolved at the same time. A pinned view's page goes out whole (with an ETag:
   * it never changes). A live view's page is streamed: everything up to the data block as soon as
   * the view is known to exist, so the browser fetches and compiles the scripts while the server
   * resolves the view, then the block and the end of the page. If resolving fails, the page ends
   * without the block (it then asks the API itself, which reports the error).
   */
  async function sendEmbedPage(req: Request, res: Response, id: string): Promise<boolean> {
    const loading = service.load(id).then(
      (loaded) => ({ loaded }),
      (error: unknown) => ({ error }),
    );
    const [template, found] = await Promise.all([page('embed.html'), service.find(id)]);
    if (!found) return false;
    const urls = viewUrls(publicOrigin(req, options.publicUrl), id);
    const [before, after] = splitAtBodyEnd(injectHead(template, viewHeadTags(found.view, urls)));
    const dataBlock = (result: Awaited<typeof loading>): string => {
      if ('loaded' in result) return inlineDataBlock(presentView(result.loaded, urls));
      options.logger.warn({ module: 'embed', id, err: result.error }, 'view not resolved for the embed page; sent without inline data');
      return '';
    };
    if (found.view.mode === 'pinned') {
      sendHtml(res, `${before}${dataBlock(await loading)}${after}`);
      return true;
    }
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.status(200);
    res.write(before);
    if (typeof res.flush === 'function') res.flush(); // past the compression middleware's buffer
    res.end(`${dataBlock(await loading)}${after}`);
    return true;
  }

  async function sendImage(req: Request, res: Response, id: string, format: 'png' | 'svg'): Promise<void> {
    const { theme } = parseQuery(imageQuerySchema, req);
    const key = `${id}:${format}:${theme ?? 'style'}`;
    let image = images.get(key);
    if (!image) {
      const loaded = await service.load(id);
      const started = performance.now();
      const svg = renderViewSvg(loaded.view, loaded.resolved, (theme ?? loaded.view.style.theme ?? 'light') as ImageTheme);
      const body = format === 'svg' ? Buffer.from(svg, 'utf8') : svgToPng(svg);
      const renderMs = Math.round((performance.now() - started) * 10) / 10;
      const pinned = loaded.view.mode === 'pinned';
      image = { body, etag: etagOf(body), expires: pinned ? Infinity : Date.now() + IMAGE_CACHE_DEFAULTS.liveTtlMs, renderMs };
      images.set(key, image);
      options.logger.debug({ module: 'embed', id, format, renderMs, bytes: body.length }, 'view image rendered');
    }
    res.set({
      'Content-Type': format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png',
      'Cache-Control': image.expires === Infinity ? 'public, max-age=31536000, immutable' : `public, max-age=${IMAGE_CACHE_DEFAULTS.liveTtlMs / 1000}`,
      ETag: image.etag,
      'Server-Timing': `render;dur=${image.renderMs}`,
    });
    // An SVG opened on its own is a document: it may run nothing and load nothing.
    if (format === 'svg') res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (req.get('if-none-match') === image.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).send(image.body);
  }

  router.get('/embed/:file', async (req, res) => {
    const { file } = parse(embedFileParamsSchema, req.params, 'params');
    if (file.format !== 'html') return sendImage(req, res, file.id, file.format);
    if (!(await sendEmbedPage(req, res, file.id))) throw notFound(`view ${JSON.stringify(file.id)}`);
  });

  router.get('/oembed', async (req, res) => {
    // Any site may ask (CMSs fetch it server-side; pages may fetch it from the browser).
    res.set('Access-Control-Allow-Origin', '*');
    const q = parseQuery(oembedQuerySchema, req);
    const origin = publicOrigin(req, options.publicUrl);
    const id = viewIdFromUrl(q.url, origin, VIEW_ID_PATTERN);
    const found = id ? await service.find(id) : null;
    if (!id || !found) throw new AppError(404, 'NOT_FOUND', 'the url is not a Sightline view of this server');
    if (q.format === 'xml') throw new AppError(501, 'NOT_IMPLEMENTED', 'only format=json is supported');
    res.set('Cache-Control', found.view.mode === 'pinned' ? 'public, max-age=86400' : 'public, max-age=300');
    res.status(200).json(oembedResponse(found.view, viewUrls(origin, id), { maxwidth: q.maxwidth, maxheight: q.maxheight }));
  });

  router.get('/', async (req, res, next) => {
    const parsed = viewPageQuerySchema.safeParse(req.query);
    if (!parsed.success || !(await sendViewPage(req, res, parsed.data.view))) next();
  });

  return router;
}
