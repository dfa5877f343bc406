/**
 * The public URLs of a view. The origin is SIGHTLINE_PUBLIC_URL when set, else the request's own
 * (protocol and Host; Express trusts X-Forwarded-* only from loopback proxies).
 */
import type { Request } from 'express';

export interface ViewUrls {
  /** The view page: the explorer at this view (carries oEmbed discovery and social-card meta). */
  url: string;
  /** The embeddable page (iframe src). */
  embedUrl: string;
  /** oEmbed JSON for the view page. */
  oembedUrl: string;
  /** Server-rendered images (social cards, places without JavaScript). */
  imageUrl: string;
  svgUrl: string;
  /** The one-line script that defines <sightline-graph>. */
  scriptUrl: string;
}

export function publicOrigin(req: Request, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function viewUrls(origin: string, id: string): ViewUrls {
  const url = `${origin}/?view=${id}`;
  return {
    url,
    embedUrl: `${origin}/embed/${id}`,
    oembedUrl: `${origin}/oembed?url=${encodeURIComponent(url)}&format=json`,
    imageUrl: `${origin}/embed/${id}.png`,
    svgUrl: `${origin}/embed/${id}.svg`,
    scriptUrl: `${origin}/embed.js`,
  };
}

/** The view id a URL of this origin points at (view page or embed page), else null. */
export function viewIdFromUrl(raw: string, origin: string, idPattern: RegExp): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const embed = /^\/embed\/([^/.]+)$/.exec(url.pathname);
  const id = embed ? embed[1] : url.pathname === '/' ? url.searchParams.get('view') : null;
  return id && idPattern.test(id) ? id : null;
}
