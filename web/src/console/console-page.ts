/**
 * The console's controller: runs the editor's query (or a saved query) one at a time, cancels it
 * (AbortController), keeps the parameters and the history, and shows the result in every view.
 */
import { DEFAULTS } from '../graph/defaults.js';
import { byId, h } from '../ui/dom.js';
import { consoleApi, ConsoleApiError } from './api.js';
import { rowsToCsv } from './csv.js';
import { CONSOLE_DEFAULTS } from './defaults.js';
import { downloadText, timestampedName } from './download.js';
import type { ConsoleEditor } from './editor.js';
import { editorSchema } from './editor-schema.js';
import { hideError, showError } from './error-view.js';
import { explorerUrl } from './explorer-link.js';
import { GraphView } from './graph-view.js';
import { renderHistory } from './history-view.js';
import { renderJson } from './json-view.js';
import { applyCommands, formatParams, parseParamsText, splitCommands, type Params } from './param-commands.js';
import { renderPlan } from './plan-view.js';
import { loadHistory, pushHistory, saveHistory, stepHistory, type HistoryEntry } from './query-history.js';
import { saveView, type SavedQueryRun } from './save-view.js';
import { summaryText } from './summary.js';
import { renderTable } from './table-view.js';
import { Tabs } from './tabs.js';
import type { ConsoleResult, ConsoleSchema, RunMode, SavedQuery } from './types.js';

export class ConsolePage {
  readonly graph: GraphView;
  readonly tabs: Tabs;
  editor!: ConsoleEditor;
  result: ConsoleResult | null = null;
  /** The saved query (and parameters) the shown result came from; null for the editor's text. */
  resultSource: SavedQueryRun | null = null;
  schema: ConsoleSchema | null = null;
  history: HistoryEntry[] = loadHistory(window.localStorage);
  private historyIndex = -1;
  private draft = '';
  private running: AbortController | null = null;
  /** Requests finished (answered, failed or cancelled): browser tests wait on it. */
  completed = 0;
  private readonly paramsInput = byId<HTMLTextAreaElement>('params');

  constructor() {
    this.graph = new GraphView(byId('console-cy'));
    this.tabs = new Tabs(byId('result-tabs'), (name) => {
      if (name === 'graph') this.graph.show();
    });
    const stored = window.localStorage.getItem(CONSOLE_DEFAULTS.paramsKey);
    if (stored) this.paramsInput.value = stored;
    this.paramsInput.addEventListener('input', () => this.checkParams());
  }

  attachEditor(editor: ConsoleEditor): void {
    this.editor = editor;
    this.renderHistory();
  }

  // ---- parameters ------------------------------------------------------------------------------

  /** The params panel's object, or null (with the reason shown under it) when it is not valid. */
  private checkParams(): Params | null {
    const parsed = parseParamsText(this.paramsInput.value);
    const message = byId('params-error');
    if ('error' in parsed) {
      message.textContent = parsed.error;
      this.paramsInput.setAttribute('aria-invalid', 'true');
      return null;
    }
    message.textContent = '';
    this.paramsInput.removeAttribute('aria-invalid');
    window.localStorage.setItem(CONSOLE_DEFAULTS.paramsKey, this.paramsInput.value);
    this.editor?.setSchema(editorSchema(this.schema, Object.keys(parsed.params)));
    return parsed.params;
  }

  private setParams(params: Params): void {
    this.paramsInput.value = formatParams(params);
    this.checkParams();
  }

  /** A saved query was opened: its declared defaults join the panel's parameters (set ones win). */
  adoptDefaults(query: SavedQuery): void {
    const panel = this.checkParams();
    if (panel === null) return;
    const defaults = Object.fromEntries(query.parameters.filter((p) => p.default !== undefined).map((p) => [p.name, p.default] as const));
    this.setParams({ ...defaults, ...panel });
  }

  setSchema(schema: ConsoleSchema): void {
    this.schema = schema;
    this.checkParams();
  }

  // ---- running -----------------------------------------------------------------------------------

  /** Runs the editor's text: `:param` lines set parameters here; the rest goes to the server. */
  async run(mode: RunMode): Promise<void> {
    const text = this.editor.getValue();
    const split = splitCommands(text);
    if (split.errors.length > 0) {
      showError(byId('console-error'), new ConsoleApiError(split.errors.map((e) => e.message).join('\n'), 0, 'PARAM_COMMAND'));
      return;
    }
    const panel = this.checkParams();
    if (panel === null) {
      showError(byId('console-error'), new ConsoleApiError(byId('params-error').textContent ?? 'Parameters are not valid.', 0, 'INVALID_PARAMS'));
      this.paramsInput.focus();
      return;
    }
    const params = applyCommands(panel, split.commands);
    if (split.commands.length > 0) this.setParams(params);
    this.remember(text);
    if (split.query === '') {
      hideError(byId('console-error'));
      const names = Object.keys(params);
      this.notice(split.commands.some((c) => c.kind === 'list')
        ? `Parameters: ${names.length === 0 ? 'none' : JSON.stringify(params)}`
        : `Parameters set (${names.length === 0 ? 'none' : names.map((n) => `$${n}`).join(', ')}).`);
      return;
    }
    await this.execute(mode, (signal) => consoleApi.run(split.query, params, mode, signal));
  }

  async runSaved(query: SavedQuery, params: Record<string, unknown>): Promise<void> {
    await this.execute('run', (signal) => consoleApi.runSaved(query.id, params, signal), `Saved query “${query.title}”`, { queryId: query.id, params });
  }

  cancel(): void {
    this.running?.abort();
  }

  private async execute(mode: RunMode, call: (signal: AbortSignal) => Promise<ConsoleResult>, label?: string, source?: SavedQueryRun): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.busy(true);
    hideError(byId('console-error'));
    this.notice(null);
    try {
      const result = await call(controller.signal);
      if (this.running !== controller) return;
      this.show(result, mode);
      this.resultSource = source ?? null;
      if (label) this.notice(`${label}: ${result.rowCount} ${result.rowCount === 1 ? 'row' : 'rows'}.`);
    } catch (error) {
      if (this.running !== controller && (error as Error).name === 'AbortError') return;
      if ((error as Error).name === 'AbortError') {
        this.notice('Query cancelled.');
      } else {
        showError(byId('console-error'), error);
        this.clearResult('The query failed: see the error above.');
        if (error instanceof ConsoleApiError && error.position) this.editor.markError(error.message, error.position);
      }
    } finally {
      this.completed += 1;
      if (this.running === controller) {
        this.running = null;
        this.busy(false);
      }
    }
  }

  private busy(on: boolean): void {
    byId('app').setAttribute('aria-busy', String(on));
    byId('loading').hidden = !on;
    byId<HTMLButtonElement>('btn-cancel').disabled = !on;
    for (const id of ['btn-run', 'btn-explain', 'btn-profile']) byId<HTMLButtonElement>(id).disabled = on;
  }

  notice(text: string | null): void {
    const el = byId('notice');
    el.textContent = text ?? '';
    el.hidden = !text;
  }

  // ---- result ------------------------------------------------------------------------------------

  show(result: ConsoleResult, mode: RunMode): void {
    this.result = result;
    byId('summary').textContent = summaryText(result);
    byId('truncated').hidden = !result.truncated;
    const notes = byId('notifications');
    notes.replaceChildren(
      ...result.summary.notifications.map((n) =>
        h('li', { className: `note note--${n.severity.toLowerCase()}` }, h('strong', {}, `${n.severity} ${n.title}`), ` ${n.description}`),
      ),
    );
    notes.hidden = result.summary.notifications.length === 0;
    const hasGraph = result.elements.nodes.length > 0;
    byId('graph-empty').textContent = hasGraph ? '' : 'The result holds no nodes, relationships or paths to draw; see the Table tab.';
    byId('graph-empty').hidden = hasGraph;
    renderTable(byId('panel-table'), result);
    renderJson(byId('panel-json'), result);
    renderPlan(byId('panel-plan'), result.summary.plan, mode);
    const tab = mode !== 'run' && result.summary.plan ? 'plan' : hasGraph ? 'graph' : 'table';
    this.graph.setElements(result.elements, tab === 'graph');
    this.tabs.select(tab);
    byId<HTMLButtonElement>('btn-csv').disabled = result.columns.length === 0;
    byId<HTMLButtonElement>('btn-explorer').disabled = explorerUrl(result.elements, DEFAULTS.maxUrlActors) === null;
    byId<HTMLButtonElement>('btn-save-view').disabled = explorerUrl(result.elements, DEFAULTS.maxUrlActors) === null;
  }

  /** Empties every view (a failed run must not leave the previous query's result looking current). */
  clearResult(message: string): void {
    this.result = null;
    this.resultSource = null;
    byId('summary').textContent = '';
    byId('truncated').hidden = true;
    byId('notifications').hidden = true;
    for (const id of ['panel-table', 'panel-json', 'panel-plan']) byId(id).replaceChildren(h('p', { className: 'results__empty muted' }, message));
    this.graph.setElements({ nodes: [], edges: [] }, this.tabs.active === 'graph');
    byId('graph-empty').textContent = message;
    byId('graph-empty').hidden = false;
    for (const id of ['btn-csv', 'btn-explorer', 'btn-save-view']) byId<HTMLButtonElement>(id).disabled = true;
  }

  downloadCsv(): void {
    if (!this.result) return;
    downloadText(timestampedName('sightline-console', 'csv'), rowsToCsv(this.result.columns, this.result.rows), 'text/csv;charset=utf-8');
  }

  openInExplorer(): void {
    const url = this.result && explorerUrl(this.result.elements, DEFAULTS.maxUrlActors);
    if (url) window.location.assign(url);
  }

  async saveAsView(title: string): Promise<void> {
    if (!this.result) return;
    try {
      const saved = await saveView(title, this.result.elements, this.graph.cy, this.resultSource);
      const el = byId('notice');
      el.replaceChildren(
        `View “${title}” saved`,
        ...(saved.url ? [': ', h('a', { href: saved.url, id: 'saved-view-link' }, saved.url)] : [saved.id ? ` (${saved.id}).` : '.']),
        ...(saved.embedUrl ? [' · embed: ', h('a', { href: saved.embedUrl }, saved.embedUrl)] : []),
      );
      el.hidden = false;
    } catch (error) {
      showError(byId('console-error'), error);
    }
  }

  // ---- history -----------------------------------------------------------------------------------

  private remember(query: string): void {
    this.history = pushHistory(this.history, { query, at: new Date().toISOString() });
    saveHistory(window.localStorage, this.history);
    this.historyIndex = -1;
    this.renderHistory();
  }

  renderHistory(): void {
    renderHistory(byId('history-list'), this.history, (entry) => {
      this.editor.setValue(entry.query);
      this.editor.focus();
    });
  }

  clearHistory(): void {
    this.history = [];
    saveHistory(window.localStorage, this.history);
    this.renderHistory();
  }

  /** Ctrl+Up / Ctrl+Down in the editor. */
  stepHistory(direction: 'older' | 'newer'): void {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) this.draft = this.editor.getValue();
    this.historyIndex = stepHistory(this.historyIndex, direction, this.history.length);
    this.editor.setValue(this.historyIndex === -1 ? this.draft : (this.history[this.historyIndex]?.query ?? ''));
  }
}
