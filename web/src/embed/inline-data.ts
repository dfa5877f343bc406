/**
 * The view's data the server inlines in the embed page (server/src/views/inline-data.ts): a JSON
 * data block `<script type="application/json" id="sightline-view-data">` holding exactly what
 * GET /api/views/:id answers as `data`. Used only when it parses and is the view of this address;
 * otherwise (a page served without it, a copy saved elsewhere) the embed asks the API.
 */
import type { ViewResource } from '../../../server/src/views/contract.js';

/** The id of the data block; the server writes the same id. */
export const INLINE_VIEW_DATA_ID = 'sightline-view-data';

/** The inlined view when present, well-formed and of `viewId`; else null. */
export function readInlineView(doc: Pick<Document, 'getElementById'>, viewId: string): ViewResource | null {
  const block = doc.getElementById(INLINE_VIEW_DATA_ID);
  if (!block || block.getAttribute('type') !== 'application/json') return null;
  let data: unknown;
  try {
    data = JSON.parse(block.textContent ?? '');
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const view = data as Partial<ViewResource>;
  if (view.id !== viewId || !view.elements || !Array.isArray(view.elements.nodes) || !Array.isArray(view.elements.edges)) return null;
  return view as ViewResource;
}
