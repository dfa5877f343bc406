/**
 * Per-view <head> tags injected into the served HTML of the embed page and the view page: title,
 * description, Open Graph and Twitter card (the server-rendered PNG), canonical link and oEmbed
 * discovery. Everything is HTML-escaped: titles and captions are user text.
 */
import type { StoredView } from './service.js';
import type { ViewUrls } from './urls.js';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The description used by link previews: the caption, else a sentence about the view. */
export function viewDescription(view: StoredView): string {
  if (view.caption) return view.caption;
  return view.mode === 'pinned'
    ? `A graph pinned on ${view.createdAt.slice(0, 10)} on Sightline: who does what to whom, and on whose word.`
    : 'A live graph on Sightline: who does what to whom, and on whose word.';
}

/** The tags, one per line. */
export function viewHeadTags(view: StoredView, urls: ViewUrls): string {
  const title = `${view.title} · Sightline`;
  const description = viewDescription(view);
  const tag = (html: string) => `    ${html}`;
  const meta = (attr: 'name' | 'property', key: string, content: string) => tag(`<meta ${attr}="${key}" content="${escapeHtml(content)}" />`);
  return [
    meta('name', 'description', description),
    tag(`<link rel="canonical" href="${escapeHtml(urls.url)}" />`),
    tag(`<link rel="alternate" type="application/json+oembed" href="${escapeHtml(urls.oembedUrl)}" title="${escapeHtml(view.title)}" />`),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', 'Sightline'),
    meta('property', 'og:title', view.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', urls.url),
    meta('property', 'og:image', urls.imageUrl),
    meta('property', 'og:image:width', '1200'),
    meta('property', 'og:image:height', '630'),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', view.title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', urls.imageUrl),
    meta('name', 'sightline:view', view.id),
  ]
    .join('\n')
    .concat(`\n    <title>${escapeHtml(title)}</title>`);
}

/** The page with its <title> replaced by the view's tags (inserted before </head>). */
export function injectHead(html: string, tags: string): string {
  const withoutTitle = html.replace(/<title>[^<]*<\/title>\s*/i, '');
  const at = withoutTitle.search(/<\/head>/i);
  if (at < 0) throw new Error('sightline/views: the page has no </head>');
  return `${withoutTitle.slice(0, at)}${tags}\n  ${withoutTitle.slice(at)}`;
}
