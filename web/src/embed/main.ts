/**
 * The embed page (web/embed.html, served at /embed/<viewId>): a view with pan/zoom, hover
 * highlight and a details card per edge (its evidence) or actor; title, caption, the live/pinned
 * badge with its date, "data as of", the sources of the visible edges and a link to the explorer.
 * Its own small bundle: no explorer, editor or console code, no layout code (positions come from
 * the server). The view comes inline in the served page (else GET /api/views/:id); an edge's card
 * reads GET /api/relationships/:id.
 */
import './embed.css';
import type { Core } from 'cytoscape';
import type { RelationshipDetail } from '../../../server/src/contracts/relationships.js';
import type { ViewCitation, ViewResource } from '../../../server/src/views/contract.js';
import type { CyNodeData } from '../graph/types.js';
import { byId, clear, externalLink, h } from '../ui/dom.js';
import { renderEdgeCard, renderNodeCard } from './card.js';
import { postSize } from './frame.js';
import { createEmbedCanvas, fit } from './graph.js';
import { readInlineView } from './inline-data.js';
import { desiredHeight, explorerHref, readEmbedParams } from './location.js';

declare global {
  interface Window {
    /** The Cytoscape instance, for browser tests. */
    cy?: Core;
    /** When the first frame with the view's elements was drawn (ms since navigation start), for the benchmark. */
    sightlineEmbed?: { renderedAt: number; nodes: number };
  }
}

/** Most sources listed in the footer; the rest are counted. */
const MAX_SOURCES_LISTED = 6;

const root = byId('embed');
const params = readEmbedParams(window.location.pathname, window.location.search);

async function getData<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'omit' });
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { message?: string } } | null;
  if (!response.ok || !body || body.data === undefined) {
    throw new Error(response.status === 404 ? 'This view does not exist (or no longer exists).' : (body?.error?.message ?? `The server answered ${response.status}.`));
  }
  return body.data;
}

const formatDate = (iso: string) => iso.slice(0, 10);
const formatDateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function setState(state: 'loading' | 'ready' | 'error'): void {
  root.dataset.state = state;
  root.setAttribute('aria-busy', String(state === 'loading'));
}

function showMessage(text: string | null): void {
  const el = byId('embed-message');
  el.textContent = text ?? '';
  el.hidden = !text;
}

function citationItem(c: ViewCitation): HTMLElement {
  return h('li', {}, externalLink(c.url, `${c.publisher}, “${c.title}”`), c.publishedAt ? ` (${c.publishedAt})` : '');
}

/** A query view's parameters, short: " (actor: microsoft, limit: 50)". */
function queryParamsText(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  const text = parts.join('; ');
  return text ? ` (${text.length > 120 ? `${text.slice(0, 119)}…` : text})` : '';
}

function renderFooter(view: ViewResource): void {
  const badge = byId('embed-badge');
  badge.className = `badge badge--${view.mode}`;
  badge.textContent = view.mode === 'pinned' ? `Pinned ${formatDate(view.createdAt)}` : 'Live';
  badge.title = view.mode === 'pinned' ? 'A snapshot of the graph when the view was saved' : 'Read from the graph on every load: new evidence appears';
  const definition = view.definition;
  const asOf = definition.kind === 'actors' && definition.asOf ? ` · relationships as of ${definition.asOf}` : '';
  const from = definition.kind === 'query' ? ` · saved query “${definition.queryId}”${queryParamsText(definition.params)}` : '';
  byId('embed-asof').textContent = `Data as of ${view.mode === 'pinned' ? formatDate(view.dataAsOf) : formatDateTime(view.dataAsOf)}${asOf}${from}`;
  const explore = byId<HTMLAnchorElement>('embed-explore');
  const ids = view.elements.nodes.map((n) => n.data.id);
  explore.href = definition.kind === 'actors' ? explorerHref(view.id, ids, definition.filters, definition.asOf) : explorerHref(view.id, ids, {}, undefined);
  const sources = byId('embed-sources');
  clear(sources);
  if (view.citations.length === 0) {
    sources.append(h('span', { className: 'muted' }, 'Sources: none (no relationships shown).'));
    return;
  }
  const listed = view.citations.slice(0, MAX_SOURCES_LISTED);
  const more = view.citations.length - listed.length;
  sources.append(
    h('strong', {}, 'Sources: '),
    h('ol', { className: 'embed__citations' }, listed.map(citationItem)),
    ...(more > 0 ? [h('span', {}, ` and ${more} more`)] : []),
  );
}

function reportSize(view: ViewResource): void {
  const chrome = root.offsetHeight - byId('cy').offsetHeight;
  postSize(view.id, desiredHeight(window.innerWidth, chrome));
}

async function showEdge(cy: Core, id: string, card: HTMLElement): Promise<void> {
  const close = () => {
    card.hidden = true;
    cy.elements().unselect();
  };
  card.hidden = false;
  clear(card);
  card.append(h('p', { className: 'muted' }, 'Loading the evidence…'));
  try {
    const detail = await getData<RelationshipDetail>(`/api/relationships/${encodeURIComponent(id)}`);
    clear(card);
    card.append(...renderEdgeCard(detail, close));
  } catch (error) {
    clear(card);
    card.append(h('p', {}, (error as Error).message));
  }
}

function attachCard(cy: Core): void {
  const card = byId('embed-card');
  cy.on('tap', 'edge', (e) => void showEdge(cy, e.target.id(), card));
  cy.on('tap', 'node', (e) => {
    const data = e.target.data() as CyNodeData;
    card.hidden = false;
    clear(card);
    card.append(...renderNodeCard(data, data.kind.replace(/([a-z])([A-Z])/g, '$1 $2'), () => {
      card.hidden = true;
      cy.elements().unselect();
    }));
  });
  cy.on('tap', (e) => {
    if (e.target === cy) card.hidden = true;
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') card.hidden = true;
  });
}

async function main(): Promise<void> {
  if (!params.viewId) throw new Error('No view id in this address.');
  // The server inlines the view in the page it serves; without it (or for another view), ask the API.
  const view = readInlineView(document, params.viewId) ?? (await getData<ViewResource>(`/api/views/${params.viewId}`));
  const theme = params.theme ?? view.style.theme ?? 'light';
  document.documentElement.dataset.theme = theme;
  byId('embed-title').textContent = view.title;
  const caption = byId('embed-caption');
  caption.textContent = view.caption ?? '';
  caption.hidden = !view.caption;
  renderFooter(view);
  const cy = createEmbedCanvas(byId('cy'), view.elements, view.positions, { theme, interactive: params.interactive });
  window.cy = cy;
  // Cytoscape draws on the next animation frame: its first 'render' is the first frame with every element.
  cy.one('render', () => {
    window.sightlineEmbed = { renderedAt: performance.now(), nodes: cy.nodes().length };
  });
  if (params.interactive) attachCard(cy);
  if (view.elements.nodes.length === 0) showMessage('This view shows no actors (they may have been removed since it was saved).');
  else if (view.missingActors.length > 0) showMessage(`${view.missingActors.length} actor(s) of this view no longer exist.`);
  // Refit on resize until the reader pans or zooms themselves.
  let touched = false;
  const touch = () => {
    touched = true;
  };
  byId('cy').addEventListener('pointerdown', touch, { once: true });
  byId('cy').addEventListener('wheel', touch, { once: true, passive: true });
  cy.on('resize', () => {
    if (!touched) fit(cy);
  });
  window.addEventListener('resize', () => reportSize(view));
  reportSize(view);
  setState('ready');
}

main().catch((error: unknown) => {
  byId('embed-title').textContent = 'This view could not be shown';
  showMessage((error as Error).message);
  setState('error');
});
