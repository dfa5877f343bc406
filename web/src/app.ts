/**
 * The explorer's controller: holds the graph (an undo/redo history of GraphElements), syncs the
 * canvas and the URL from it, and runs the user's actions one at a time.
 */
import type { Core, EventObject } from 'cytoscape';
import type { ActorHit } from '../../server/src/contracts/search.js';
import { api, ApiError, type ActorDetail, type GraphSchema, type NeighborhoodResult, type PathsResult, type RelationshipDetail } from './api.js';
import { createCanvas, fitTo, placeAdded, positionsOf, runLayout, setClassOn, syncCanvas, updateEdgeLabels } from './graph/canvas.js';
import { DEFAULTS } from './graph/defaults.js';
import { canRedo, canUndo, createHistory, push, redo, replacePresent, undo, type History } from './graph/history.js';
import { mergeElements, nodeIds, removeNodes, restrictTo, withPositions } from './graph/merge-elements.js';
import { effectiveLayout, type LayoutName } from './graph/layouts.js';
import { runFullLayout } from './graph/full-layout.js';
import { cancelLayout } from './graph/layout-runner.js';
import { DEFAULT_LAYOUT } from './graph/layout-names.js';
import { EMPTY_GRAPH, type GraphEdge, type GraphElements, type GraphNode, type Position } from './graph/types.js';
import { decodeViewState, encodeViewState, type PathMode, type ViewFilters, type ViewState } from './graph/view-state.js';
import { renderEdgeDetails, renderNodeDetails, type Labels } from './ui/details.js';
import { byId, clear, h } from './ui/dom.js';
import { renderLegend } from './ui/legend.js';
import { attachSearchBox } from './ui/search.js';

type Selection = ViewState['selected'];
type UrlMode = 'push' | 'replace' | 'none';

declare global {
  interface Window {
    /** The Cytoscape instance, for debugging and browser tests. */
    cy?: Core;
    /** The explorer, for debugging and browser tests. */
    sightline?: Explorer;
  }
}

export class Explorer {
  readonly cy: Core;
  history: History<GraphElements> = createHistory<GraphElements>(EMPTY_GRAPH);
  selected: Selection = null;
  filters: ViewFilters = { kinds: [], types: [], statuses: [], asOf: null };
  path: ViewState['path'] = null;
  schema: GraphSchema | null = null;
  /** Per expanded node: the limit used and how many neighbours the API left out. */
  readonly expansions = new Map<string, { limit: number; omitted: number }>();
  private queue: Promise<unknown> = Promise.resolve();
  private busy = 0;
  private detailsToken = 0;
  lastPaths: PathsResult | null = null;
  /** The layout a full re-layout uses (picker, URL `layout`). */
  layout: LayoutName = DEFAULT_LAYOUT;
  /** Actors every layout keeps in place (UI state; class `pinned`, URL `pin`). */
  readonly pinned = new Set<string>();
  /** True while the canvas holds a generated scene (loadScene): its actors do not exist in the API. */
  scene = false;
  /** Called after every graph or view change (layout picker, timeline, exports refresh from it). */
  readonly onViewChange: Array<() => void> = [];
  /** Add to the details panel once an actor's or a relationship's details are shown (curation: actions and history). */
  readonly detailsExtensions: Array<(sel: NonNullable<Selection>, detail: ActorDetail | RelationshipDetail, panel: HTMLElement) => void> = [];

  constructor(container: HTMLElement) {
    this.cy = createCanvas(container);
    window.cy = this.cy;
    window.sightline = this;
    this.cy.on('tap', 'node', (e: EventObject) => this.select({ kind: 'node', id: e.target.id() }));
    this.cy.on('tap', 'edge', (e: EventObject) => this.select({ kind: 'edge', id: e.target.id() }));
    this.cy.on('tap', (e: EventObject) => {
      if (e.target === this.cy) this.select(null);
    });
    this.cy.on('dbltap', 'node', (e: EventObject) => void this.expand(e.target.id()));
    this.cy.on('dragfree', 'node', () => {
      this.history = replacePresent(this.history, withPositions(this.history.present, positionsOf(this.cy)));
      this.updateUrl('replace');
    });
  }

  // ------------------------------------------------------------------ labels

  readonly labels: Labels = {
    kind: (kind) => this.schema?.actorKinds.find((k) => k.kind === kind)?.label ?? kind,
    stance: (stance) => this.schema?.stances.find((s) => s.stance === stance)?.label ?? stance,
  };

  // ------------------------------------------------------------------ plumbing

  /** Runs actions one after the other, with the loading indicator and errors shown in the page. */
  run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(async () => {
      this.setBusy(+1, label);
      try {
        return await action();
      } catch (error) {
        this.showError(error instanceof ApiError || error instanceof Error ? error.message : String(error));
        return undefined;
      } finally {
        this.setBusy(-1);
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setBusy(delta: number, label?: string): void {
    this.busy += delta;
    const el = byId('loading');
    el.hidden = this.busy === 0;
    if (label) byId('loading-label').textContent = label;
    byId('app').setAttribute('aria-busy', String(this.busy > 0));
  }

  showError(message: string | null): void {
    const el = byId('error');
    clear(el);
    el.hidden = !message;
    if (message) {
      el.append(h('span', {}, message), h('button', { type: 'button', className: 'btn btn--small', onclick: () => this.showError(null), 'aria-label': 'Dismiss error' }, 'Dismiss'));
    }
  }

  announce(message: string): void {
    byId('announcer').textContent = message;
  }

  private apiFilters() {
    return { kinds: this.filters.kinds, types: this.filters.types, asOf: this.filters.asOf };
  }

  /** Keeps only the edges whose status the filter shows. */
  private keepEdges(edges: readonly GraphEdge[]): GraphEdge[] {
    const statuses = this.filters.statuses;
    return statuses.length === 0 ? [...edges] : edges.filter((e) => statuses.includes(e.data.status));
  }

  // ------------------------------------------------------------------ state changes

  get graph(): GraphElements {
    return this.history.present;
  }

  /** A new graph state: one undo step, canvas synced, new nodes laid out around `centre`, URL updated. */
  private async commit(next: GraphElements, opts: { centre?: string; layout?: 'new' | 'all' | 'none' | 'unplaced'; url?: UrlMode; fit?: boolean; undoable?: boolean } = {}): Promise<string[]> {
    const unplaced = next.nodes.filter((n) => !n.position && this.cy.getElementById(n.data.id).empty()).map((n) => n.data.id);
    this.history = opts.undoable === false ? replacePresent(this.history, next) : push(this.history, next);
    const centre = opts.centre ? this.cy.getElementById(opts.centre) : null;
    const fallback = centre && centre.nonempty() ? { ...centre.position() } : undefined;
    const firstDraw = this.cy.nodes().empty();
    const added = syncCanvas(this.cy, next, fallback);
    const layout = opts.layout ?? 'new';
    const layoutOpts = { layout: this.layout, pinned: this.pinned };
    if (layout === 'unplaced' && unplaced.length > 0 && unplaced.length < next.nodes.length) {
      // Restored from a URL with positions: only the actors without one are placed.
      await runLayout(this.cy, unplaced, layoutOpts);
    } else if (layout === 'all' || ((layout === 'new' || layout === 'unplaced') && firstDraw && unplaced.length > 0)) {
      await runLayout(this.cy, 'all', layoutOpts);
    } else if (layout === 'new' && added.length > 0) {
      await placeAdded(this.cy, opts.centre, added, layoutOpts);
    }
    this.history = replacePresent(this.history, withPositions(this.history.present, positionsOf(this.cy)));
    if (this.selected && this.cy.getElementById(this.selected.id).empty()) this.selected = null;
    this.afterGraphChange(opts.url ?? 'push');
    if (opts.fit !== false) {
      const all = firstDraw || layout === 'all' || this.cy.nodes().length <= DEFAULTS.fitAllBelow;
      fitTo(this.cy, all ? undefined : [...added, ...(opts.centre ? [opts.centre] : [])]);
    }
    return added;
  }

  private afterGraphChange(url: UrlMode): void {
    this.renderActorList();
    this.refreshClasses();
    this.updateToolbar();
    this.updateEmptyState();
    this.updateUrl(url);
    this.renderSelection();
  }

  private refreshClasses(): void {
    for (const id of this.pinned) if (this.cy.getElementById(id).empty()) this.pinned.delete(id);
    const hasMore = new Set([...this.expansions].filter(([, e]) => e.omitted > 0).map(([id]) => id));
    // Only the few nodes whose classes change are touched (a large canvas is not restyled).
    setClassOn(this.cy, 'has-more', hasMore);
    setClassOn(this.cy, 'pinned', this.pinned);
    updateEdgeLabels(this.cy, this.selected?.kind === 'node' ? this.selected.id : null);
    this.applyPathHighlight();
  }

  /** Fetches the relationships between `ids` and everything else on the canvas (so the canvas shows every known edge among its actors). */
  private async edgesAmong(ids: readonly string[], onCanvas: GraphElements): Promise<GraphEdge[]> {
    const present = new Set(nodeIds(onCanvas));
    const edges: GraphEdge[] = [];
    for (let i = 0; i < ids.length; i += DEFAULTS.restoreBatch) {
      const batch = ids.slice(i, i + DEFAULTS.restoreBatch);
      const r = await api.neighborhood(batch, { depth: 1, limit: 1000, ...this.apiFilters() });
      for (const e of r.elements.edges) if (present.has(e.data.source) && present.has(e.data.target)) edges.push(e);
    }
    return this.keepEdges(edges);
  }

  private incoming(r: NeighborhoodResult): { nodes: GraphNode[]; edges: GraphEdge[] } {
    return { nodes: r.elements.nodes, edges: this.keepEdges(r.elements.edges) };
  }

  /** Puts an actor on the canvas with its neighbourhood (search pick), and selects it. */
  addActor(id: string): Promise<unknown> {
    return this.run('Loading the actor’s neighbourhood…', async () => {
      await this.expandNow(id, DEFAULTS.expandLimit);
      this.select({ kind: 'node', id }, 'replace');
      this.announce(`${this.nameOf(id)} and ${this.cy.getElementById(id).neighborhood('node').length} neighbours on the canvas.`);
    });
  }

  /** Grows the graph around a node (double-click, E, the panel button). */
  expand(id: string, limit?: number): Promise<unknown> {
    return this.run(`Expanding ${this.nameOf(id)}…`, async () => {
      const added = await this.expandNow(id, limit ?? this.expansions.get(id)?.limit ?? DEFAULTS.expandLimit);
      this.announce(added.length === 0 ? `No new neighbours for ${this.nameOf(id)}.` : `${added.length} actors added around ${this.nameOf(id)}.`);
      if (this.selected?.kind === 'node' && this.selected.id === id) this.renderSelection();
    });
  }

  /** "+N more": asks again with a larger limit. */
  more(id: string): Promise<unknown> {
    const current = this.expansions.get(id)?.limit ?? DEFAULTS.expandLimit;
    return this.expand(id, Math.min(1000, current + DEFAULTS.moreStep));
  }

  private async expandNow(id: string, limit: number): Promise<string[]> {
    const r = await api.actorNeighborhood(id, { depth: DEFAULTS.expandDepth, limit, ...this.apiFilters() });
    this.expansions.set(id, { limit, omitted: r.omitted });
    const merged = mergeElements(this.graph, this.incoming(r));
    let next = merged.elements;
    if (merged.addedNodes.length > 0) {
      next = mergeElements(next, { edges: await this.edgesAmong(merged.addedNodes, next) }).elements;
    }
    return this.commit(next, { centre: id });
  }

  remove(id: string): void {
    if (this.cy.getElementById(id).empty()) return;
    const name = this.nameOf(id);
    void this.run('Removing…', async () => {
      this.expansions.delete(id);
      if (this.selected?.id === id) this.selected = null;
      await this.commit(removeNodes(this.graph, [id]), { layout: 'none', fit: false });
      this.announce(`${name} removed from the view. Undo with Ctrl+Z.`);
    });
  }

  clearAll(): void {
    void this.run('Clearing…', async () => {
      this.selected = null;
      this.path = null;
      this.lastPaths = null;
      this.renderPaths();
      await this.commit(EMPTY_GRAPH, { layout: 'none', fit: false });
    });
  }

  undo(): void {
    if (!canUndo(this.history)) return;
    void this.run('Undoing…', async () => {
      this.history = undo(this.history);
      this.redraw();
      this.announce('Undone.');
    });
  }

  redo(): void {
    if (!canRedo(this.history)) return;
    void this.run('Redoing…', async () => {
      this.history = redo(this.history);
      this.redraw();
      this.announce('Redone.');
    });
  }

  private redraw(): void {
    syncCanvas(this.cy, this.graph);
    if (this.selected && this.cy.getElementById(this.selected.id).empty()) this.selected = null;
    this.afterGraphChange('push');
  }

  // ------------------------------------------------------------------ URL

  viewState(): ViewState {
    const positions: Record<string, Position> = {};
    for (const n of this.graph.nodes) if (n.position) positions[n.data.id] = n.position;
    return { actors: nodeIds(this.graph), selected: this.selected, filters: this.filters, path: this.path, layout: this.layout, pinned: [...this.pinned], positions };
  }

  updateUrl(mode: UrlMode): void {
    for (const listener of this.onViewChange) listener();
    if (mode === 'none') return;
    const query = encodeViewState(this.viewState(), DEFAULTS.maxUrlActors, DEFAULTS.maxUrlChars);
    const target = query ? `?${query}` : window.location.pathname;
    if (`?${query}` === window.location.search || (!query && !window.location.search)) return;
    if (mode === 'push') window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  }

  /** Shows the view a URL describes: the actors (with the edges between them), selection, filters, path. */
  restore(search: string, url: UrlMode): Promise<unknown> {
    const vs = decodeViewState(search);
    return this.run('Restoring the view…', async () => {
      const sameFilters = JSON.stringify(vs.filters) === JSON.stringify(this.filters);
      this.filters = vs.filters;
      this.path = vs.path;
      this.layout = vs.layout;
      this.scene = false;
      this.pinned.clear();
      for (const id of vs.pinned) this.pinned.add(id);
      this.syncFilterInputs();
      const current = new Set(nodeIds(this.graph));
      const sameActors = vs.actors.length === current.size && vs.actors.every((id) => current.has(id));
      if (!sameActors || !sameFilters) {
        const fetched = await this.fetchActors(vs.actors);
        // Positions from the URL first; nodes already on the canvas keep their place; edges come
        // fresh (under the view's filters). Actors without a position are laid out.
        const fromUrl = new Map(Object.entries(vs.positions));
        const next = restrictTo(withPositions(withPositions(fetched, fromUrl), positionsOf(this.cy)), vs.actors);
        this.selected = vs.selected;
        await this.commit(next, { layout: this.cy.nodes().empty() ? 'unplaced' : 'new', url, fit: true });
      } else {
        this.selected = vs.selected;
        const moved = Object.keys(vs.positions).length > 0 ? withPositions(this.graph, new Map(Object.entries(vs.positions))) : null;
        if (moved) {
          // Back/forward between two arrangements of the same actors: move them back.
          this.history = replacePresent(this.history, moved);
          syncCanvas(this.cy, moved);
        }
        this.afterGraphChange(url);
      }
      if (vs.path) await this.findPathsNow(vs.path, 'none');
      else if (this.lastPaths) {
        this.lastPaths = null;
        this.renderPaths();
        this.applyPathHighlight();
      }
      const sel = vs.selected && this.cy.getElementById(vs.selected.id).nonempty() ? vs.selected : null;
      this.select(sel, 'none');
    });
  }

  /** The actors with the edges between them; ids that no longer exist are reported, not fatal. */
  private async fetchActors(ids: readonly string[]): Promise<GraphElements> {
    if (ids.length === 0) return EMPTY_GRAPH;
    const want = new Set(ids);
    let nodes: GraphNode[] = [];
    let edges: GraphEdge[] = [];
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += DEFAULTS.restoreBatch) {
      let batch = ids.slice(i, i + DEFAULTS.restoreBatch);
      for (let attempt = 0; attempt < 2 && batch.length > 0; attempt++) {
        try {
          const r = await api.neighborhood(batch, { depth: 1, limit: 1000, ...this.apiFilters() });
          nodes = nodes.concat(r.elements.nodes.filter((n) => want.has(n.data.id)));
          edges = edges.concat(r.elements.edges);
          break;
        } catch (error) {
          if (error instanceof ApiError && error.status === 404 && error.missing.length > 0) {
            missing.push(...error.missing);
            batch = batch.filter((id) => !error.missing.includes(id));
          } else throw error;
        }
      }
    }
    if (missing.length > 0) this.showError(`${missing.length} actor${missing.length === 1 ? '' : 's'} in this link no longer exist${missing.length === 1 ? 's' : ''}: ${missing.join(', ')}.`);
    return mergeElements(EMPTY_GRAPH, { nodes, edges: this.keepEdges(edges) }).elements;
  }

  // ------------------------------------------------------------------ selection and details

  select(sel: Selection, url: UrlMode = 'replace'): void {
    this.selected = sel;
    this.cy.elements().unselect();
    if (sel) this.cy.getElementById(sel.id).select();
    updateEdgeLabels(this.cy, sel?.kind === 'node' ? sel.id : null);
    this.updateUrl(url);
    this.renderSelection();
  }

  private nameOf(id: string): string {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? String(n.data('name') ?? id) : id;
  }

  renderSelection(): void {
    const panel = byId('details');
    const token = ++this.detailsToken;
    const sel = this.selected;
    if (!sel) {
      clear(panel);
      panel.append(
        h(
          'div',
          { className: 'details details--hint' },
          h('h2', { className: 'details__title' }, 'Details'),
          h('p', { className: 'muted' }, this.cy.nodes().empty() ? 'Search for an actor to start.' : 'Click an actor or a relationship to see who claims what, and on which source. Double-click an actor to grow the graph around it.'),
          h(
            'p',
            { className: 'keys' },
            h('kbd', {}, '/'), ' search · ', h('kbd', {}, 'E'), ' expand · ', h('kbd', {}, 'Del'), ' remove · ',
            h('kbd', {}, 'Ctrl+Z'), ' undo · ', h('kbd', {}, 'Ctrl+Shift+Z'), ' redo · ', h('kbd', {}, 'F'), ' fit · ', h('kbd', {}, 'P'), ' pin · ', h('kbd', {}, 'L'), ' re-layout · ', h('kbd', {}, 'Esc'), ' deselect · right-click an actor for more',
          ),
        ),
      );
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    // Say it is loading only if it takes a moment (no flash on a fast answer).
    const slow = setTimeout(() => {
      if (token !== this.detailsToken) return;
      clear(panel);
      panel.append(h('p', { className: 'muted loading-inline' }, 'Loading details…'));
    }, 150);
    const load = sel.kind === 'node' ? api.actor(sel.id) : api.relationship(sel.id);
    load
      .then((d) => {
        if (token !== this.detailsToken) return;
        clear(panel);
        if (sel.kind === 'node') {
          const detail = d as Awaited<ReturnType<typeof api.actor>>;
          const exp = this.expansions.get(sel.id);
          panel.append(
            renderNodeDetails(detail, this.labels, {
              expand: () => void this.expand(sel.id),
              remove: () => this.remove(sel.id),
              pathFrom: () => this.setPathEnd('from', sel.id, detail.actor.data.name),
              expanded: Boolean(exp),
              more: exp && exp.omitted > 0 ? { omitted: exp.omitted, run: () => void this.more(sel.id) } : undefined,
            }),
          );
        } else {
          panel.append(renderEdgeDetails(d as Awaited<ReturnType<typeof api.relationship>>, this.labels, (id) => this.select({ kind: 'node', id })));
        }
        for (const extend of this.detailsExtensions) extend(sel, d, panel);
      })
      .catch((error: Error) => {
        if (token !== this.detailsToken) return;
        clear(panel);
        panel.append(h('p', { className: 'error-inline', role: 'alert' }, `Could not load the details: ${error.message}`));
      })
      .finally(() => {
        clearTimeout(slow);
        if (token === this.detailsToken) panel.setAttribute('aria-busy', 'false');
      });
  }

  /** The actors on the canvas as a list of buttons: the keyboard and screen-reader way into the graph. */
  private renderActorList(): void {
    const list = byId('actor-list');
    clear(list);
    byId('actor-list-count').textContent = String(this.graph.nodes.length);
    // A canvas this large is explored on the canvas; thousands of list buttons would only slow it.
    if (this.graph.nodes.length > DEFAULTS.actorListUpTo) return;
    const nodes = [...this.graph.nodes].sort((a, b) => a.data.name.localeCompare(b.data.name));
    for (const n of nodes) {
      list.append(
        h(
          'li',
          {},
          h('button', { type: 'button', className: 'linklike', 'data-id': n.data.id, onclick: () => {
            this.select({ kind: 'node', id: n.data.id });
            byId('details').scrollIntoView({ block: 'start' });
          } }, n.data.name),
          h('span', { className: 'muted' }, ` ${this.labels.kind(n.data.kind)}`),
        ),
      );
    }
  }

  // ------------------------------------------------------------------ toolbar, empty state

  updateToolbar(): void {
    byId<HTMLButtonElement>('btn-undo').disabled = !canUndo(this.history);
    byId<HTMLButtonElement>('btn-redo').disabled = !canRedo(this.history);
    // Counted once: each cy.nodes() / cy.edges() filters every element of the canvas.
    const nodeCount = this.cy.nodes().length;
    const empty = nodeCount === 0;
    for (const id of ['btn-fit', 'btn-clear', 'btn-png', 'btn-svg', 'btn-cyjs', 'btn-graphml', 'btn-citations']) byId<HTMLButtonElement>(id).disabled = empty;
    let hidden = 0;
    for (const [id, e] of this.expansions) if (this.cy.getElementById(id).nonempty()) hidden += e.omitted;
    byId('count').textContent = empty
      ? ''
      : `${nodeCount} actors · ${this.cy.edges().length} relationships` +
        (hidden > 0 ? ` · ${hidden} more neighbours not shown (double-bordered actors: select one for “+N more”)` : '');
  }

  updateEmptyState(): void {
    byId('empty-state').hidden = this.cy.nodes().nonempty();
  }

  async loadSchema(): Promise<void> {
    try {
      this.schema = await api.schema();
      const legend = byId('legend-body');
      clear(legend);
      legend.append(renderLegend(this.schema));
      this.renderFilters();
      this.renderActorList();
      await this.loadStartingPoints();
    } catch (error) {
      this.showError(`Could not load the vocabulary: ${(error as Error).message}`);
    }
  }

  /** The most connected actors (GET /api/actors?sort=degree), proposed on the empty canvas. */
  private async loadStartingPoints(): Promise<void> {
    const list = byId('starting-points');
    clear(list);
    const { actors } = await api.mostConnected(DEFAULTS.startingPoints);
    for (const a of actors) {
      const n = a.data;
      list.append(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', className: 'chip', 'data-id': n.id, onclick: () => void this.addActor(n.id) },
            h('span', { className: 'chip__name' }, n.name),
            h('span', { className: 'muted' }, ` ${this.labels.kind(n.kind)} · ${a.degree} relationship${a.degree === 1 ? '' : 's'}`),
          ),
        ),
      );
    }
  }

  // ------------------------------------------------------------------ filters

  renderFilters(): void {
    const schema = this.schema;
    if (!schema) return;
    const fill = (id: string, items: { value: string; label: string; count: number | null }[]) => {
      const select = byId<HTMLSelectElement>(id);
      clear(select);
      for (const i of items) select.append(h('option', { value: i.value }, i.count === null ? i.label : `${i.label} (${i.count})`)); // status counts: null until the server knows them
    };
    fill('filter-kinds', schema.actorKinds.filter((k) => k.count > 0).map((k) => ({ value: k.kind, label: k.label, count: k.count })));
    fill('filter-types', schema.relationshipTypes.filter((t) => t.count > 0).map((t) => ({ value: t.type, label: t.label, count: t.count })));
    fill('filter-status', schema.statuses.map((s) => ({ value: s.status, label: s.label, count: s.count })));
    this.syncFilterInputs();
  }

  syncFilterInputs(): void {
    const set = (id: string, values: string[]) => {
      const select = byId<HTMLSelectElement>(id);
      for (const o of Array.from(select.options)) o.selected = values.includes(o.value);
    };
    set('filter-kinds', this.filters.kinds);
    set('filter-types', this.filters.types);
    set('filter-status', this.filters.statuses);
    byId<HTMLInputElement>('filter-asof').value = this.filters.asOf ?? '';
    const n = this.filters.kinds.length + this.filters.types.length + this.filters.statuses.length + (this.filters.asOf ? 1 : 0);
    byId('filter-count').textContent = n > 0 ? ` (${n} active)` : '';
  }

  /**
   * New filters: the actors on the canvas are fetched again under them (relationships of other
   * types, statuses or dates drop out; actors of other kinds leave the canvas). Undoable.
   */
  applyFilters(filters: ViewFilters, opts: { url?: UrlMode; undoable?: boolean } = {}): Promise<unknown> {
    this.filters = filters;
    this.syncFilterInputs();
    const actors = nodeIds(this.graph).filter((id) => {
      const kind = String(this.cy.getElementById(id).data('kind'));
      return filters.kinds.length === 0 || filters.kinds.includes(kind);
    });
    return this.run('Applying filters…', async () => {
      const fetched = await this.fetchActors(actors);
      const next = withPositions(restrictTo(fetched, actors), positionsOf(this.cy));
      await this.commit(next, { layout: 'new', fit: false, url: opts.url ?? 'push', undoable: opts.undoable ?? true });
      this.announce(`Filters applied: ${this.cy.nodes().length} actors, ${this.cy.edges().length} relationships.`);
    });
  }

  // ------------------------------------------------------------------ paths

  pathEnds: { from: { id: string; name: string } | null; to: { id: string; name: string } | null } = { from: null, to: null };

  setPathEnd(which: 'from' | 'to', id: string, name: string): void {
    this.pathEnds[which] = { id, name };
    byId<HTMLInputElement>(`path-${which}`).value = name;
    byId('paths').setAttribute('open', '');
    if (which === 'from') byId<HTMLInputElement>('path-to').focus();
  }

  findPaths(mode: PathMode, k: number): void {
    const { from, to } = this.pathEnds;
    if (!from || !to) {
      this.showError('Choose both actors of the path (type a name in each box and pick a suggestion).');
      return;
    }
    if (from.id === to.id) {
      this.showError('Choose two different actors.');
      return;
    }
    void this.run('Finding paths…', () => this.findPathsNow({ from: from.id, to: to.id, mode, k }, 'push'));
  }

  private async findPathsNow(p: NonNullable<ViewState['path']>, url: UrlMode): Promise<void> {
    const r = await api.paths({ from: p.from, to: p.to, mode: p.mode, k: p.k, maxHops: DEFAULTS.pathMaxHops, types: this.filters.types, asOf: this.filters.asOf });
    this.path = p;
    this.lastPaths = r;
    for (const [which, id] of [['from', p.from], ['to', p.to]] as const) {
      const node = r.elements.nodes.find((n) => n.data.id === id);
      const name = node?.data.name ?? this.nameOf(id);
      this.pathEnds[which] = { id, name };
      byId<HTMLInputElement>(`path-${which}`).value = name;
    }
    byId<HTMLSelectElement>('path-mode').value = p.mode;
    byId<HTMLInputElement>('path-k').value = String(p.k);
    const merged = mergeElements(this.graph, { nodes: r.elements.nodes, edges: r.elements.edges });
    if (merged.addedNodes.length > 0 || merged.addedEdges.length > 0) {
      await this.commit(merged.elements, { centre: p.from, url, fit: false });
    } else {
      this.afterGraphChange(url);
    }
    this.renderPaths();
    this.applyPathHighlight();
    const onPath = new Set(r.paths.flatMap((x) => x.nodes));
    if (onPath.size > 0) fitTo(this.cy, [...onPath]);
    this.announce(r.paths.length === 0 ? 'No path found.' : `${r.paths.length} path${r.paths.length === 1 ? '' : 's'} found.`);
  }

  clearPaths(): void {
    this.path = null;
    this.lastPaths = null;
    this.renderPaths();
    this.applyPathHighlight();
    this.updateUrl('push');
  }

  private applyPathHighlight(): void {
    const r = this.lastPaths;
    this.cy.$('.on-path, .faded').removeClass('on-path faded');
    if (!r || r.paths.length === 0) return;
    const nodes = new Set(r.paths.flatMap((p) => p.nodes));
    const edges = new Set(r.paths.flatMap((p) => p.edges));
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.addClass(nodes.has(n.id()) ? 'on-path' : 'faded');
      });
      this.cy.edges().forEach((e) => {
        e.addClass(edges.has(e.id()) ? 'on-path' : 'faded');
      });
    });
  }

  renderPaths(): void {
    const out = byId('path-results');
    clear(out);
    const r = this.lastPaths;
    if (!r) return;
    if (r.paths.length === 0) {
      out.append(h('p', { className: 'muted' }, `No path within ${DEFAULTS.pathMaxHops} relationships.`));
      return;
    }
    const name = (id: string) => this.nameOf(id);
    out.append(
      h('p', { className: 'muted' }, `${r.paths.length} path${r.paths.length === 1 ? '' : 's'}${r.truncated ? ' (more exist)' : ''}.`, ' ', h('button', { type: 'button', className: 'btn btn--small', onclick: () => this.clearPaths() }, 'Clear highlight')),
      h(
        'ol',
        { className: 'paths' },
        r.paths.map((p) =>
          h(
            'li',
            {},
            h('span', { className: 'muted' }, `${p.length} step${p.length === 1 ? '' : 's'}`),
            h(
              'ol',
              { className: 'steps' },
              p.steps.map((s) => {
                const edge = this.cy.getElementById(s.edgeId);
                const status = edge.nonempty() ? String(edge.data('status')) : 'active';
                const subject = s.direction === 'forward' ? s.from : s.to;
                const object = s.direction === 'forward' ? s.to : s.from;
                return h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', className: 'linklike', onclick: () => this.select({ kind: 'edge', id: s.edgeId }) },
                    `${name(subject)} ${s.label}${status === 'active' ? '' : ` (${status})`} ${name(object)}`,
                  ),
                );
              }),
            ),
          ),
        ),
      ),
    );
  }

  // ------------------------------------------------------------------ test and benchmark hooks

  /**
   * Puts generated elements on an empty canvas without the API (browser tests, tests/bench/explorer.ts),
   * through the same path as every graph change: merge, canvas sync in one batch, layout of the
   * nodes without a position, URL. Not used by the page itself.
   */
  loadScene(elements: GraphElements): Promise<unknown> {
    this.scene = true;
    return this.run('Loading…', () => this.commit(mergeElements(EMPTY_GRAPH, elements).elements, { layout: 'unplaced', url: 'replace' }));
  }

  /** Grows the graph around `centre` with the given elements exactly as an expansion does, minus the request (benchmark hook). */
  growScene(centre: string, incoming: Partial<GraphElements>): Promise<unknown> {
    return this.run('Expanding…', () => this.commit(mergeElements(this.graph, incoming).elements, { centre, fit: false }));
  }

  // ------------------------------------------------------------------ layout and pins

  /** Lays the whole canvas out again with `name` (pinned actors stay where they are); one undo step. */
  relayout(name: LayoutName = this.layout): Promise<unknown> {
    // A newer re-layout replaces one still computing (graph/layout-runner.ts): that one moves nothing.
    cancelLayout();
    return this.run('Laying out…', async () => {
      this.layout = effectiveLayout(name, this.cy.nodes().length);
      if (this.cy.nodes().empty()) {
        this.updateUrl('replace');
        return;
      }
      if (!(await runFullLayout(this.cy, this.layout, this.pinned))) return;
      this.history = push(this.history, withPositions(this.graph, positionsOf(this.cy)));
      this.afterGraphChange('push');
      fitTo(this.cy);
      this.announce(`Laid out${this.pinned.size > 0 ? `, ${this.pinned.size} pinned actor${this.pinned.size === 1 ? '' : 's'} kept in place` : ''}.`);
    });
  }

  /** Pins an actor (every layout keeps it where it is) or unpins it. */
  togglePin(id: string): void {
    if (this.cy.getElementById(id).empty()) return;
    if (this.pinned.has(id)) this.pinned.delete(id);
    else this.pinned.add(id);
    this.refreshClasses();
    this.updateUrl('replace');
    this.announce(`${this.nameOf(id)} ${this.pinned.has(id) ? 'pinned: layouts keep it in place' : 'unpinned'}.`);
  }

  // ------------------------------------------------------------------ export

  exportPng(): void {
    const blob = this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: 'sightline-graph.png' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }

  // ------------------------------------------------------------------ wiring

  attachSearch(input: HTMLInputElement, listbox: HTMLElement, onChoose: (hit: ActorHit) => void): void {
    attachSearchBox({ input, listbox, kindLabel: this.labels.kind, onChoose, onError: (m) => this.showError(`Search failed: ${m}`) });
  }
}
