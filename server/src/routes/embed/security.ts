/**
 * Security headers (helmet) per area: the app keeps helmet's defaults (CSP frame-ancestors 'self',
 * X-Frame-Options SAMEORIGIN: not frameable by other sites); embed pages may be framed by any
 * origin or an allow-list (SIGHTLINE_EMBED_FRAME_ANCESTORS) under a strict CSP with no inline
 * script; the embed script, images and oEmbed may be loaded by other sites (CORP cross-origin).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Paths served with the embed policy. */
export function isEmbedPath(path: string): boolean {
  return path.startsWith('/embed/') || path === '/embed.js' || path === '/oembed';
}

export interface SecurityOptions {
  /** CSP frame-ancestors of /embed/*: ["*"] (any origin) or origins such as "https://news.example". */
  frameAncestors: string[];
}

/** helmet for the app, with its own configuration on the embed paths. */
export function securityHeaders(options: SecurityOptions): RequestHandler {
  const app = helmet();
  const embed = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Besides the page's CSS file: the one <style> element Cytoscape inserts
        // (`.__________cytoscape_container { position: relative; }`), by its hash. An embed browser
        // test fails on any CSP violation, so a Cytoscape upgrade that changes it is noticed.
        'style-src': ["'self'", "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"],
        // Cytoscape positions its canvases with style attributes.
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'object-src': ["'none'"],
        'frame-ancestors': options.frameAncestors.length > 0 ? options.frameAncestors : ["'none'"],
      },
    },
    // frame-ancestors governs framing; X-Frame-Options cannot express "any origin" or a list.
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // The embed is opened inside other sites' pages: no opener isolation needed.
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  return (req, res, next) => (isEmbedPath(req.path) ? embed(req, res, next) : app(req, res, next));
}
