import type { LoadedView, StoredView } from '../views/service.js';
import type { ViewUrls } from '../views/urls.js';

/** Fields of POST /api/views' answer: id, version, previousVersionOf, createdAt, mode, the URLs. */
export function presentCreatedView(view: StoredView, urls: ViewUrls) {
  return {
    id: view.id,
    version: view.version,
    previousVersionOf: view.previousVersionOf,
    createdAt: view.createdAt,
    mode: view.mode,
    url: urls.url,
    embedUrl: urls.embedUrl,
    oembedUrl: urls.oembedUrl,
    imageUrl: urls.imageUrl,
  };
}

/**
 * Fields of GET /api/views/:id: the stored view (id, version, previousVersionOf, newerVersions,
 * createdAt, mode, title, caption, definition, layout, style), what it shows (dataAsOf, elements,
 * positions, citations, missingActors, truncated) and its URLs.
 */
export function presentView({ view, resolved }: LoadedView, urls: ViewUrls) {
  return {
    id: view.id,
    version: view.version,
    previousVersionOf: view.previousVersionOf,
    newerVersions: view.newerVersions,
    createdAt: view.createdAt,
    mode: view.mode,
    title: view.title,
    caption: view.caption,
    definition: view.definition,
    layout: { name: view.layout.name },
    style: view.style,
    /** When the graph shown was read: now for a live view, the save time for a pinned one. */
    dataAsOf: resolved.resolvedAt,
    elements: resolved.elements,
    positions: resolved.positions,
    citations: resolved.citations,
    missingActors: resolved.missingActors,
    truncated: resolved.truncated,
    urls,
  };
}
