import './style.css';
import { api } from './api.js';
import { Explorer } from './app.js';
import type { PathMode } from './graph/view-state.js';
import { attachContextMenu } from './ui/context-menu.js';
import { byId } from './ui/dom.js';
import { canvasCitations, canvasCyjs, canvasGraphml, canvasSvg, download } from './ui/export.js';
import { attachLayoutPicker } from './ui/layout-picker.js';
import { attachLogin } from './ui/login.js';
import { attachShare } from './ui/share.js';
import { attachCuration } from './ui/curation/index.js';
import { attachImport } from './ui/import/index.js';
import { TimelineControl } from './ui/timeline.js';

const statusEl = byId<HTMLParagraphElement>('status');

async function showHealth(): Promise<void> {
  try {
    const body = await api.health();
    if (body.status === 'ok' && body.neo4j) {
      statusEl.textContent = `Connected to Neo4j ${body.neo4j.version} (${body.neo4j.edition}, ${body.neo4j.mode}).`;
      statusEl.className = 'status status--ok';
    } else {
      statusEl.textContent = `Neo4j is not reachable: ${body.error?.message ?? 'unknown reason'}. Retrying…`;
      statusEl.className = 'status status--down';
      setTimeout(() => void showHealth(), 3_000);
    }
  } catch {
    statusEl.textContent = 'The Sightline server is not answering. Retrying…';
    statusEl.className = 'status status--down';
    setTimeout(() => void showHealth(), 3_000);
  }
}

const explorer = new Explorer(byId('cy'));

explorer.attachSearch(byId<HTMLInputElement>('search-input'), byId('search-list'), (hit) => void explorer.addActor(hit.id));
explorer.attachSearch(byId<HTMLInputElement>('path-from'), byId('path-from-list'), (hit) => explorer.setPathEnd('from', hit.id, hit.name));
explorer.attachSearch(byId<HTMLInputElement>('path-to'), byId('path-to-list'), (hit) => explorer.setPathEnd('to', hit.id, hit.name));

byId('btn-undo').addEventListener('click', () => explorer.undo());
byId('btn-redo').addEventListener('click', () => explorer.redo());
byId('btn-fit').addEventListener('click', () => explorer.cy.animate({ fit: { eles: explorer.cy.elements(), padding: 50 } }, { duration: 200 }));
byId('btn-png').addEventListener('click', () => explorer.exportPng());
// Exports of what is on the canvas (ui/export.ts); the menu closes after a choice.
const exportName = () => `Sightline view: ${explorer.cy.nodes().length} actors, ${explorer.cy.edges().length} relationships`;
const closeExportMenu = () => byId('export-menu').removeAttribute('open');
byId('btn-svg').addEventListener('click', () => download('sightline-graph.svg', canvasSvg(explorer.cy), 'image/svg+xml'));
byId('btn-cyjs').addEventListener('click', () => download('sightline-graph.cyjs.json', canvasCyjs(explorer.cy, exportName()), 'application/json'));
byId('btn-graphml').addEventListener('click', () => download('sightline-graph.graphml', canvasGraphml(explorer.cy, exportName()), 'application/graphml+xml'));
byId('btn-citations').addEventListener('click', () =>
  void explorer.run('Collecting the sources…', async () => download('sightline-citations.txt', await canvasCitations(explorer.cy, exportName(), 'text'), 'text/plain')),
);
for (const id of ['btn-png', 'btn-svg', 'btn-cyjs', 'btn-graphml', 'btn-citations']) byId(id).addEventListener('click', closeExportMenu);
attachLayoutPicker(explorer, byId<HTMLSelectElement>('layout-select'), byId<HTMLButtonElement>('btn-relayout'));
attachContextMenu(explorer, byId('cy').parentElement as HTMLElement);
// The "as of" slider and play-through (ui/timeline.ts); it follows the canvas by itself.
new TimelineControl(explorer, {
  bar: byId('timebar'),
  slider: byId<HTMLInputElement>('time-slider'),
  label: byId('time-label'),
  play: byId<HTMLButtonElement>('time-play'),
  clear: byId<HTMLButtonElement>('time-clear'),
});
byId('btn-clear').addEventListener('click', () => explorer.clearAll());

byId<HTMLFormElement>('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const mode = byId<HTMLSelectElement>('path-mode').value as PathMode;
  const k = Math.min(10, Math.max(1, Number(byId<HTMLInputElement>('path-k').value) || 3));
  explorer.findPaths(mode, k);
});

const selected = (id: string) => Array.from(byId<HTMLSelectElement>(id).selectedOptions).map((o) => o.value);
byId<HTMLFormElement>('filter-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const asOfInput = byId<HTMLInputElement>('filter-asof');
  const asOf = asOfInput.value.trim();
  if (asOf && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(asOf)) {
    explorer.showError('“As of” must be a date as YYYY, YYYY-MM or YYYY-MM-DD.');
    asOfInput.focus();
    return;
  }
  explorer.applyFilters({ kinds: selected('filter-kinds'), types: selected('filter-types'), statuses: selected('filter-status'), asOf: asOf || null });
});
byId('filter-reset').addEventListener('click', () => explorer.applyFilters({ kinds: [], types: [], statuses: [], asOf: null }));

/** Keyboard shortcuts; ignored while typing in a field. */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key.toLowerCase() === 'z' && !typing) {
    event.preventDefault();
    if (event.shiftKey) explorer.redo();
    else explorer.undo();
    return;
  }
  if (mod && event.key.toLowerCase() === 'y' && !typing) {
    event.preventDefault();
    explorer.redo();
    return;
  }
  if (typing || mod || event.altKey) return;
  const sel = explorer.selected;
  if (event.key === '/') {
    event.preventDefault();
    byId('search-input').focus();
  } else if ((event.key === 'e' || event.key === 'E') && sel?.kind === 'node') {
    void explorer.expand(sel.id);
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && sel?.kind === 'node') {
    explorer.remove(sel.id);
  } else if (event.key === 'f' || event.key === 'F') {
    byId('btn-fit').click();
  } else if ((event.key === 'p' || event.key === 'P') && sel?.kind === 'node') {
    explorer.togglePin(sel.id);
  } else if (event.key === 'l' || event.key === 'L') {
    void explorer.relayout();
  } else if (event.key === 'Escape' && sel) {
    explorer.select(null);
  }
});

window.addEventListener('popstate', () => void explorer.restore(window.location.search, 'none'));

attachShare(() => ({ cy: explorer.cy, filters: explorer.filters }), byId<HTMLButtonElement>('btn-share')); // Share / Embed (ui/share.ts)
attachLogin(byId('login')); // log in / out (ui/login.ts); writes read its csrfHeaders()
attachCuration(explorer, byId('curation-toolbar')); // editors: create / edit / merge / delete, evidence; everyone: history (ui/curation/)
attachImport(explorer, byId('import-entry')); // editors: Import… dialog, upload with progress and report (ui/import/)
void showHealth();
explorer.renderSelection();
explorer.updateToolbar();
void explorer.loadSchema();
if (window.location.search) void explorer.restore(window.location.search, 'replace');
