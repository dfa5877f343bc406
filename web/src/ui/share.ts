/**
 * "Share / Embed": saves what is on the canvas as a view (POST /api/views: the actors, the
 * filters, the positions as a preset layout, a title, a caption, live or pinned), then offers the
 * snippets: an <iframe>, the one-line <script> + <sightline-graph> element, and a plain link.
 */
import type { Core } from 'cytoscape';
import type { CreatedView } from '../../../server/src/views/contract.js';
import type { ViewFilters } from '../graph/view-state.js';
import { clear, h } from './dom.js';
import { csrfHeaders } from './login.js';

/** Bounds the server enforces (server/src/views/definition.ts VIEW_LIMITS). */
const MAX_ACTORS = 200;
const TITLE_MAX = 200;
const CAPTION_MAX = 1000;

export interface ShareSource {
  cy: Core;
  filters: ViewFilters;
}

const escapeAttr = (v: string) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The three snippets for a saved view. */
export function snippets(view: CreatedView, title: string): { iframe: string; element: string; link: string } {
  const origin = new URL(view.embedUrl).origin;
  return {
    iframe: `<iframe src="${view.embedUrl}" width="720" height="560" title="${escapeAttr(title)}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    element: `<script src="${origin}/embed.js" async></script><sightline-graph view="${view.id}" title="${escapeAttr(title)}"></sightline-graph>`,
    link: view.url,
  };
}

/** Resolves once no node of `cy` is moving (a layout's animation), or after `capMs`: a view stores where the nodes end up. */
function nodesSettled(cy: Core, capMs = 3000): Promise<void> {
  const until = performance.now() + capMs;
  return new Promise((resolve) => {
    const check = () => {
      // Element#animated() is missing from Cytoscape's typings.
      if (performance.now() > until || cy.nodes().filter((n) => (n as unknown as { animated(): boolean }).animated()).empty()) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

async function createView(source: ShareSource, title: string, caption: string, mode: 'live' | 'pinned'): Promise<CreatedView> {
  await nodesSettled(source.cy);
  const nodes = source.cy.nodes().slice(0, MAX_ACTORS);
  const positions = Object.fromEntries(nodes.map((n) => [n.id(), { x: Math.round(n.position().x), y: Math.round(n.position().y) }]));
  const f = source.filters;
  const body = {
    title,
    ...(caption ? { caption } : {}),
    mode,
    definition: {
      kind: 'actors',
      actorIds: nodes.map((n) => n.id()),
      depth: 0,
      filters: { ...(f.types.length ? { types: f.types } : {}), ...(f.kinds.length ? { kinds: f.kinds } : {}), ...(f.statuses.length ? { statuses: f.statuses } : {}) },
      ...(f.asOf ? { asOf: f.asOf } : {}),
    },
    layout: { name: 'preset', positions },
  };
  // With SIGHTLINE_VIEWS_REQUIRE_AUTH a logged-in editor's cookie write needs its CSRF token.
  const response = await fetch('/api/views', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...csrfHeaders() }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => null)) as { data?: CreatedView; error?: { message?: string } } | null;
  if (!response.ok || !json?.data) throw new Error(json?.error?.message ?? `The server answered ${response.status}.`);
  return json.data;
}

function snippetField(label: string, value: string, name: string): HTMLElement {
  const area = h('textarea', { className: 'share__code', readonly: true, rows: 3, 'data-snippet': name, 'aria-label': label });
  area.value = value;
  const copy = h('button', { type: 'button', className: 'btn btn--small', onclick: () => void navigator.clipboard?.writeText(value).catch(() => area.select()) }, 'Copy');
  return h('div', { className: 'field' }, h('label', {}, label), area, copy);
}

/** Wires the Share / Embed button to its dialog. */
export function attachShare(source: () => ShareSource, button: HTMLButtonElement): void {
  const dialog = h('dialog', { id: 'share-dialog', className: 'share', 'aria-labelledby': 'share-title' });
  document.body.append(dialog);
  const update = () => {
    button.disabled = source().cy.nodes().empty();
  };
  // Cytoscape fires add/remove once per element: coalesce a batch (an expansion, a scene) into
  // one check, or loading N elements would scan the canvas N times.
  let queued = false;
  source().cy.on('add remove', () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      update();
    });
  });
  update();

  button.addEventListener('click', () => {
    clear(dialog);
    const title = h('input', { id: 'share-title-input', type: 'text', maxlength: TITLE_MAX, required: true, value: 'Sightline graph' });
    const caption = h('textarea', { id: 'share-caption', maxlength: CAPTION_MAX, rows: 2 });
    const live = h('input', { type: 'radio', name: 'share-mode', value: 'live', checked: true, id: 'share-live' });
    const pinned = h('input', { type: 'radio', name: 'share-mode', value: 'pinned', id: 'share-pinned' });
    const out = h('div', { className: 'share__out', 'aria-live': 'polite' });
    const form = h(
      'form',
      { method: 'dialog', className: 'tool__body' },
      h('h2', { id: 'share-title' }, 'Share / Embed this graph'),
      h('p', { className: 'muted' }, `Saves the ${Math.min(MAX_ACTORS, source().cy.nodes().length)} actors on the canvas, the filters and the positions as a view. A view never changes: saving again makes a new one.`),
      h('div', { className: 'field' }, h('label', { for: 'share-title-input' }, 'Title'), title),
      h('div', { className: 'field' }, h('label', { for: 'share-caption' }, 'Caption (optional)'), caption),
      h(
        'fieldset',
        { className: 'field' },
        h('legend', {}, 'Mode'),
        h('label', {}, live, ' Live: re-read on every load, new evidence appears'),
        h('br'),
        h('label', {}, pinned, ' Pinned: a snapshot of the graph as it is now'),
      ),
      h('div', { className: 'field--row' }, h('button', { type: 'submit', className: 'btn btn--primary', id: 'share-save' }, 'Save view'), h('button', { type: 'button', className: 'btn', onclick: () => dialog.close() }, 'Close')),
      out,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clear(out);
      out.append(h('p', { className: 'muted' }, 'Saving…'));
      void createView(source(), title.value.trim(), caption.value.trim(), pinned.checked ? 'pinned' : 'live')
        .then((view) => {
          const s = snippets(view, title.value.trim());
          clear(out);
          out.append(
            h('p', {}, `Saved (${view.mode}, ${view.createdAt.slice(0, 10)}). `, h('a', { href: view.embedUrl, target: '_blank', rel: 'noopener' }, 'Preview the embed ↗')),
            snippetField('Embed (iframe)', s.iframe, 'iframe'),
            snippetField('Embed (auto-resizing element)', s.element, 'element'),
            snippetField('Link', s.link, 'link'),
          );
        })
        .catch((error: unknown) => {
          clear(out);
          out.append(h('p', { className: 'error', role: 'alert' }, (error as Error).message));
        });
    });
    dialog.append(form);
    dialog.showModal();
    title.select();
  });
}
