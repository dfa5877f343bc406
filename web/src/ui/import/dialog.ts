/**
 * The Import dialog (editors): a native modal <dialog> (focus kept inside, Esc closes) in three
 * stages — the form (format, file(s), namespace, batch size, dry run), the progress of the upload
 * and of the job (phase, bar, rows, rows/s, time left), and the report. Closing it while a job
 * runs only hides it: the import goes on on the server, and the dialog, reopened, still follows it.
 */
import type { ImportFormat } from '../../../../server/src/import/formats.js';
import type { Explorer } from '../../app.js';
import { encodeViewState } from '../../graph/view-state.js';
import { h } from '../dom.js';
import { field, input, select, uid } from '../curation/dialog.js';
import { cancelImportJob, ImportApiError, importedActorIds, isFinished, reloadSchemaCache, uploadImport, watchImportJob, type ImportJobView, type ImportReport } from './client.js';
import { addSample, etaSeconds, formatBytes, formatCount, formatDuration, formatPercent, formatRate, phaseLabel, ratePerSecond, type ProgressSample } from './format.js';
import { ColumnMapping } from './mapping-table.js';
import { renderImportReport } from './report.js';

/** Defaults of the dialog; one comment per option. */
export const IMPORT_DIALOG_DEFAULTS = {
  /** Most imported actors "Show imported actors" puts on the canvas (most connected first). */
  showActors: 40,
} as const;

/** The formats the dialog offers, with their words and the files they read (server/src/import/formats.ts). */
const FORMATS: Record<ImportFormat, { label: string; accept: string; file: string; hint: string }> = {
  ftm: {
    label: 'FollowTheMoney JSON lines (OpenSanctions, Aleph)',
    accept: '.json,.jsonl,.ftm,.ndjson,application/json',
    file: 'Entities file (.ftm.json, one JSON object a line)',
    hint: 'Person, Company, Organization… become actors; Ownership, Directorship, Sanction… relationships with a claim per source. Other schemata are skipped and counted.',
  },
  csv: {
    label: 'CSV: actors.csv and relationships.csv',
    accept: '.csv,text/csv',
    file: 'Actors file (actors.csv) or a relationships file alone',
    hint: 'actors.csv: id, name, kind, aliases (|-separated), description, country, url, wikidata. relationships.csv: id, source, target, type, status, summary, since, until, quote, source_url, source_title, source_publisher, source_published_at, attributed_to, stance, note, retrieved_at. Other columns (or semicolons): map them below once the files are chosen.',
  },
  'boycott-csv': {
    label: 'CSV: the boycott companies list',
    accept: '.csv,text/csv',
    file: 'companies.csv (id, name, description, status)',
    hint: 'Each row becomes a Company the list targets for boycott (alleged), with a claim per footnote.',
  },
  cyjs: {
    label: 'Cytoscape JSON (a Sightline export)',
    accept: '.json,.cyjs,application/json',
    file: 'Cytoscape JSON file',
    hint: 'What Export → Cytoscape JSON or GET /api/export?format=cyjs writes; ids are kept.',
  },
};

type Stage = 'form' | 'progress' | 'report';

export class ImportDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly error = h('p', { className: 'cur-error imp-error', role: 'alert', id: 'import-error', hidden: true });
  private readonly formEl: HTMLFormElement;
  private readonly progressEl: HTMLElement;
  private readonly reportEl: HTMLElement;
  private readonly controls = {
    format: select('format', [...Object.entries(FORMATS).map(([value, f]) => ({ value, label: f.label })), { value: '', label: 'Detect from the file' }], 'ftm'),
    file: input('file', { type: 'file', required: true }),
    relationships: input('relationships', { type: 'file', accept: '.csv,text/csv' }),
    namespace: input('namespace', { maxlength: 40, pattern: '[a-z0-9]+(-[a-z0-9]+)*', spellcheck: 'false', autocomplete: 'off' }),
    batchSize: input('batchSize', { type: 'number', min: 1, max: 50_000, step: 1, placeholder: '5000', inputmode: 'numeric' }),
    dryRun: input('dryRun', { type: 'checkbox' }),
  };
  private readonly formatHint = h('p', { className: 'cur-hint muted', id: uid('format-hint') });
  private readonly fileLabel: HTMLLabelElement;
  private readonly relationshipsField: HTMLElement;
  private readonly mapping = new ColumnMapping(() => this.showError(null));
  private readonly submit = h('button', { type: 'submit', className: 'btn btn--primary', 'data-action': 'import' }, 'Import');
  // progress stage
  private readonly phase = h('p', { className: 'imp-phase', role: 'status', 'data-progress': 'phase' });
  private readonly bar = h('progress', { className: 'imp-bar', max: 1, 'aria-label': 'Import progress' });
  private readonly figures = h('p', { className: 'imp-progress-figures', 'data-progress': 'figures' });
  private readonly channel = h('p', { className: 'muted imp-channel', 'data-progress': 'channel' });
  private readonly progressButton = h('button', { type: 'button', className: 'btn', 'data-action': 'cancel' }, 'Cancel');
  /** Stops the running job on the server (whole batches only); shown while a job runs. */
  private readonly cancelJobButton = h('button', { type: 'button', className: 'btn', 'data-action': 'cancel-import', hidden: true }, 'Cancel import');
  // report stage
  private readonly reportBody = h('div', { className: 'imp-report-body' });
  private readonly showActors = h('button', { type: 'button', className: 'btn btn--primary', 'data-action': 'show-imported', hidden: true }, 'Show imported actors');

  private stage: Stage = 'form';
  private abort: AbortController | null = null;
  private stopWatching: (() => void) | null = null;
  /** Rows written (the rate shown) and bytes read (the time left: the rows to write are known only at the end). */
  private rowSamples: ProgressSample[] = [];
  private byteSamples: ProgressSample[] = [];
  private lastPhase = '';
  private jobId: string | null = null;

  constructor(
    private readonly explorer: Explorer,
    private readonly opener: HTMLElement,
  ) {
    const c = this.controls;
    const titleId = uid('title');
    const formatField = field('Format', c.format);
    formatField.append(this.formatHint);
    c.format.setAttribute('aria-describedby', this.formatHint.id);
    const fileField = field(FORMATS.ftm.file, c.file);
    this.fileLabel = fileField.querySelector('label') as HTMLLabelElement;
    this.relationshipsField = field('Relationships file (relationships.csv, optional)', c.relationships);
    const dryRunId = uid('dry-run');
    c.dryRun.id = dryRunId;
    this.formEl = h(
      'form',
      { className: 'imp-stage imp-stage--form', novalidate: true, 'aria-label': 'What to import' },
      formatField,
      fileField,
      this.relationshipsField,
      this.mapping.element,
      h(
        'div',
        { className: 'cur-row' },
        field('Id namespace (optional)', c.namespace, 'Prefix of the new ids, a lowercase slug (defaults: FtM “ftm”, boycott list “boycott”, CSV and Cytoscape none).'),
        field('Batch size (optional)', c.batchSize, 'Records per write transaction (default 5000).'),
      ),
      h('div', { className: 'imp-check', 'data-field': 'dryRun' }, c.dryRun, h('label', { for: dryRunId }, 'Dry run: validate and report, write nothing')),
      h('div', { className: 'cur-form__buttons' }, this.submit, h('button', { type: 'button', className: 'btn', 'data-action': 'close', onclick: () => this.close() }, 'Close')),
    );
    this.progressEl = h(
      'section',
      { className: 'imp-stage imp-stage--progress', 'aria-label': 'Import progress', hidden: true },
      this.phase,
      this.bar,
      this.figures,
      this.channel,
      h('div', { className: 'cur-form__buttons' }, this.cancelJobButton, this.progressButton),
    );
    this.reportEl = h(
      'section',
      { className: 'imp-stage imp-stage--report', hidden: true },
      this.reportBody,
      h(
        'div',
        { className: 'cur-form__buttons' },
        this.showActors,
        h('button', { type: 'button', className: 'btn', 'data-action': 'new-import', onclick: () => this.reset() }, 'New import'),
        h('button', { type: 'button', className: 'btn', 'data-action': 'close', onclick: () => this.close() }, 'Close'),
      ),
    );
    this.dialog = h(
      'dialog',
      { className: 'cur-dialog imp-dialog', id: 'import-dialog', 'aria-labelledby': titleId },
      h(
        'div',
        { className: 'cur-form' },
        h('h2', { id: titleId, className: 'cur-form__title' }, 'Import data'),
        this.formEl,
        this.progressEl,
        this.reportEl,
      ),
    );
    c.format.addEventListener('change', () => this.syncFormat());
    for (const control of [c.file, c.relationships]) control.addEventListener('change', () => void this.syncMapping());
    c.dryRun.addEventListener('change', () => (this.submit.textContent = c.dryRun.checked ? 'Validate (dry run)' : 'Import'));
    this.formEl.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.progressButton.addEventListener('click', () => this.onProgressButton());
    this.cancelJobButton.addEventListener('click', () => void this.cancelJob());
    this.showActors.addEventListener('click', () => void this.showImported());
    this.dialog.addEventListener('close', () => this.opener.focus());
    this.syncFormat();
    this.setStage('form');
    document.body.append(this.dialog);
  }

  get open(): boolean {
    return this.dialog.open;
  }

  /** Shows the dialog where it was left (a running job is still followed). */
  show(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.focusStage();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  // ------------------------------------------------------------------ stages

  private setStage(stage: Stage): void {
    this.stage = stage;
    this.formEl.hidden = stage !== 'form';
    this.progressEl.hidden = stage !== 'progress';
    this.reportEl.hidden = stage !== 'report';
    // The error line sits just above the shown stage's buttons.
    const shown = stage === 'form' ? this.formEl : stage === 'progress' ? this.progressEl : this.reportEl;
    shown.querySelector('.cur-form__buttons')?.before(this.error);
    this.focusStage();
  }

  private focusStage(): void {
    if (!this.dialog.open) return;
    if (this.stage === 'form') this.controls.format.focus();
    else if (this.stage === 'progress') this.progressButton.focus();
    else (this.showActors.hidden ? this.reportEl.querySelector<HTMLElement>('[data-action="new-import"]') : this.showActors)?.focus();
  }

  private syncFormat(): void {
    const format = this.controls.format.value as ImportFormat | '';
    const f = format ? FORMATS[format] : null;
    this.formatHint.textContent = f ? f.hint : 'The format is guessed from the file’s name and first line.';
    this.fileLabel.textContent = f ? f.file : 'File';
    this.controls.file.accept = f ? f.accept : '';
    this.relationshipsField.hidden = format !== 'csv';
    void this.syncMapping();
  }

  /** The column mapping follows the chosen CSV files (none for other formats). */
  private syncMapping(): Promise<void> {
    const csv = this.controls.format.value === 'csv';
    return this.mapping.update(csv ? { file: this.controls.file.files?.[0], relationships: this.controls.relationships.files?.[0] } : {});
  }

  private showError(message: string | null, fieldName?: string | null): void {
    for (const marked of this.dialog.querySelectorAll('.cur-field--invalid')) marked.classList.remove('cur-field--invalid');
    this.error.textContent = message ?? '';
    this.error.hidden = !message;
    if (message && fieldName) {
      const wrap = this.formEl.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldName)}"]`);
      wrap?.classList.add('cur-field--invalid');
      wrap?.querySelector<HTMLElement>('input, select')?.focus();
    }
  }

  /** Back to the form (what was chosen is kept, so a fixed file can be sent again). */
  private reset(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.jobId = null;
    this.showError(null);
    this.reportBody.replaceChildren();
    this.setStage('form');
  }

  // ------------------------------------------------------------------ upload and progress

  private formData(): FormData | null {
    const c = this.controls;
    const file = c.file.files?.[0];
    if (!file) {
      this.showError('Choose a file to import.', 'file');
      return null;
    }
    const data = new FormData();
    if (c.format.value) data.set('format', c.format.value);
    if (c.dryRun.checked) data.set('dryRun', 'true');
    if (c.batchSize.value.trim()) data.set('batchSize', c.batchSize.value.trim());
    if (c.namespace.value.trim()) data.set('namespace', c.namespace.value.trim());
    data.set('file', file, file.name);
    const relationships = c.format.value === 'csv' ? c.relationships.files?.[0] : undefined;
    if (relationships) data.set('relationships', relationships, relationships.name);
    if (c.format.value === 'csv') {
      const problem = this.mapping.problem();
      if (problem) {
        this.showError(problem);
        return null;
      }
      const map = this.mapping.map();
      if (map) data.set('map', JSON.stringify(map));
    }
    return data;
  }

  private async send(): Promise<void> {
    await this.mapping.settled();
    const data = this.formData();
    if (!data) return;
    this.showError(null);
    const dryRun = this.controls.dryRun.checked;
    this.abort = new AbortController();
    this.rowSamples = [];
    this.byteSamples = [];
    this.lastPhase = '';
    this.bar.removeAttribute('value');
    this.phase.textContent = dryRun ? 'Uploading and validating (dry run)…' : 'Uploading…';
    this.figures.textContent = '';
    this.channel.textContent = '';
    this.progressButton.textContent = 'Cancel';
    this.progressButton.dataset.action = 'cancel';
    this.cancelJobButton.hidden = true;
    this.setStage('progress');
    try {
      const result = await uploadImport(data, this.abort.signal);
      this.abort = null;
      if (result.kind === 'report') {
        this.showReport(result.report);
        return;
      }
      this.jobId = result.jobId;
      this.cancelJobButton.hidden = false;
      this.cancelJobButton.disabled = false;
      this.cancelJobButton.textContent = 'Cancel import';
      this.progressButton.textContent = 'Close (the import goes on)';
      this.progressButton.dataset.action = 'close';
      this.phase.textContent = 'Queued';
      this.stopWatching = watchImportJob(result, {
        onUpdate: (view) => this.onJob(view),
        onChannel: (channel) => {
          this.channel.textContent = channel === 'events' ? '' : 'The live progress stream dropped: checking the job every second instead.';
        },
        onLost: (error) => {
          this.setStage('form');
          this.showError(`Lost track of import ${result.jobId}: ${error.message} It may still be running; its state is at ${result.statusUrl}.`);
        },
      });
    } catch (error) {
      this.abort = null;
      this.setStage('form');
      if ((error as Error).name === 'AbortError') {
        this.showError('Upload cancelled: nothing was imported.');
        return;
      }
      const e = error instanceof ImportApiError ? error : null;
      this.showError(e ? `${e.message}${e.status ? ` (${e.status} ${e.code})` : ''}` : (error as Error).message, e?.field);
    }
  }

  private onProgressButton(): void {
    if (this.abort) {
      this.abort.abort();
      return;
    }
    this.close();
  }

  /** Asks the server to stop the job; the job's own state (events or polling) then shows it cancelled. */
  private async cancelJob(): Promise<void> {
    if (!this.jobId) return;
    this.cancelJobButton.disabled = true;
    try {
      await cancelImportJob(this.jobId);
      this.cancelJobButton.textContent = 'Cancelling after the batch being written…';
    } catch (error) {
      this.cancelJobButton.disabled = false;
      // 409: it ended meanwhile; its last state is on its way
      if (!(error instanceof ImportApiError && error.code === 'IMPORT_JOB_FINISHED')) this.showError(`Could not cancel the import: ${(error as Error).message}`);
    }
  }

  private onJob(view: ImportJobView): void {
    const label = phaseLabel(view.phase, view.status);
    if (label !== this.lastPhase) {
      this.lastPhase = label;
      this.phase.textContent = label;
    }
    this.phase.dataset.phase = view.phase;
    this.phase.dataset.status = view.status;
    const writing = view.phase === 'actors' || view.phase === 'relationships';
    // The share done is by bytes of the input read: the rows to write are known only at the end.
    if (view.bytesTotal > 0 && (writing || isFinished(view))) {
      this.bar.max = 1;
      this.bar.value = view.fraction;
      this.bar.setAttribute('aria-valuetext', `${formatPercent(view.fraction)}: ${formatBytes(view.bytesRead)} of ${formatBytes(view.bytesTotal)} read, ${formatCount(view.rowsDone)} rows written`);
    } else {
      this.bar.removeAttribute('value');
    }
    if (writing) {
      const parsed = Date.parse(view.updatedAt);
      const at = Number.isFinite(parsed) ? parsed : Date.now();
      this.rowSamples = addSample(this.rowSamples, { at, done: view.rowsDone });
      this.byteSamples = addSample(this.byteSamples, { at, done: view.bytesRead });
      const known = view.bytesTotal > 0;
      const parts: HTMLElement[] = [
        h('span', { 'data-figure': 'rows' }, `${formatCount(view.rowsDone)} rows written`),
        ...(known ? [h('span', { 'data-figure': 'percent' }, `${formatPercent(view.fraction)} of ${formatBytes(view.bytesTotal)} read`)] : []),
        h('span', { 'data-figure': 'rate' }, formatRate(ratePerSecond(this.rowSamples))),
        ...(known ? [h('span', { 'data-figure': 'eta' }, `about ${formatDuration(etaSeconds(view.bytesRead, view.bytesTotal, ratePerSecond(this.byteSamples)))} left`)] : []),
        h('span', { 'data-figure': 'batches' }, view.totalBatches > 0 ? `batch ${formatCount(view.lastCommittedBatch)} of ${formatCount(view.totalBatches)}` : `batch ${formatCount(view.lastCommittedBatch)}`),
      ];
      this.figures.replaceChildren(...parts.flatMap((p, i) => (i === 0 ? [p] : [' · ', p])));
    } else if (view.status === 'queued' || view.phase === 'scan') {
      this.figures.textContent = 'Reading the file and checking its rows…';
    }
    if (view.cancelRequested && !isFinished(view)) {
      this.cancelJobButton.disabled = true;
      this.cancelJobButton.textContent = 'Cancelling after the batch being written…';
    }
    if (!isFinished(view)) return;
    this.stopWatching = null;
    this.cancelJobButton.hidden = true;
    const report = view.report as ImportReport | null;
    if (view.status === 'failed' && !report) {
      this.setStage('form');
      this.showError(`The import failed: ${view.error ?? 'no reason given'}. Whole batches only were written; run it again to continue (the same file resumes).`);
      return;
    }
    if (report) this.showReport(report, view.error);
  }

  private showReport(report: ImportReport, error?: string | null): void {
    const body = renderImportReport(error && !report.error ? { ...report, error } : report);
    this.reportBody.replaceChildren(body);
    const wrote = !report.dryRun && report.actors.toWrite > 0;
    this.showActors.hidden = !wrote;
    this.setStage('report');
    if (!report.dryRun) {
      // The vocabulary counts, the legend and the starting points change with the new data.
      void reloadSchemaCache()
        .catch(() => undefined)
        .then(() => this.explorer.loadSchema());
      this.explorer.announce(`Import done: ${formatCount(report.actors.created)} actors and ${formatCount(report.relationships.created)} relationships created.`);
    }
  }

  private async showImported(): Promise<void> {
    const jobId = this.jobId;
    if (!jobId) return;
    this.showActors.disabled = true;
    try {
      const ids = await importedActorIds(jobId, IMPORT_DIALOG_DEFAULTS.showActors);
      if (ids.length === 0) {
        this.showError('This import created no new actors (they were all in the graph already).');
        return;
      }
      this.close();
      const state = { ...this.explorer.viewState(), actors: ids, selected: null, path: null, pinned: [], positions: {} };
      await this.explorer.restore(`?${encodeViewState(state)}`, 'push');
      this.explorer.announce(`${ids.length} imported actors on the canvas.`);
    } catch (error) {
      this.showError(`Could not list the imported actors: ${(error as Error).message}`);
    } finally {
      this.showActors.disabled = false;
    }
  }
}
