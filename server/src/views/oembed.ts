/**
 * oEmbed 1.0 (https://oembed.com): a "rich" response whose html is an <iframe> of the embed page,
 * sized to fit maxwidth / maxheight, with the server-rendered PNG as thumbnail.
 */
import { escapeHtml } from './page-meta.js';
import type { StoredView } from './service.js';
import { IMAGE_DEFAULTS } from './svg.js';
import type { ViewUrls } from './urls.js';

/** Size of an embed when the consumer sets no maximum (px); one comment per option. */
export const OEMBED_DEFAULTS = {
  /** Width of the iframe. */
  width: 720,
  /** Height of the iframe: room for the title, the graph and the sources line. */
  height: 560,
  /** Smallest size offered (a smaller maximum is still honoured: the spec says never exceed it). */
  minWidth: 200,
  minHeight: 200,
} as const;

export interface OembedSize {
  maxwidth?: number | undefined;
  maxheight?: number | undefined;
}

export function oembedResponse(view: StoredView, urls: ViewUrls, size: OembedSize) {
  const width = Math.min(OEMBED_DEFAULTS.width, size.maxwidth ?? Infinity);
  const height = Math.min(OEMBED_DEFAULTS.height, size.maxheight ?? Infinity);
  const html =
    `<iframe src="${escapeHtml(urls.embedUrl)}" width="${width}" height="${height}" title="${escapeHtml(view.title)}" ` +
    `style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  // The spec: a thumbnail must respect maxwidth/maxheight too; the PNG has one size, so it is left
  // out when it would not fit.
  const thumbnailFits = (size.maxwidth ?? Infinity) >= IMAGE_DEFAULTS.width && (size.maxheight ?? Infinity) >= IMAGE_DEFAULTS.height;
  return {
    type: 'rich' as const,
    version: '1.0' as const,
    title: view.title,
    provider_name: 'Sightline',
    provider_url: new URL(urls.url).origin + '/',
    html,
    width,
    height,
    // A pinned view never changes: consumers may keep it; a live one should be refetched.
    cache_age: view.mode === 'pinned' ? 86_400 : 300,
    ...(thumbnailFits ? { thumbnail_url: urls.imageUrl, thumbnail_width: IMAGE_DEFAULTS.width, thumbnail_height: IMAGE_DEFAULTS.height } : {}),
  };
}
