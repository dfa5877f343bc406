/**
 * An import's report in the dialog: what was read (counts by record schema), what was written
 * (actors, relationships, claims, sources: created, or already in the graph), what was left out
 * (skipped rows, failed rows with their file and line, dangling references). Every string from
 * the server goes in as text (../dom.ts).
 */
import { h } from '../dom.js';
import type { ImportReport } from './client.js';
import { formatCount, formatDuration } from './format.js';

/** A figure with a stable hook for tests and styles (`data-count`). */
const figure = (name: string, value: number, label: string) =>
  h('div', { className: 'imp-figure', 'data-count': name }, h('span', { className: 'imp-figure__value' }, formatCount(value)), h('span', { className: 'imp-figure__label' }, label));

function schemaTable(report: ImportReport): HTMLElement {
  const rows = Object.entries(report.bySchema).sort(([a], [b]) => a.localeCompare(b));
  return h(
    'table',
    { className: 'imp-table', 'data-report': 'by-schema' },
    h('caption', { className: 'imp-table__caption' }, 'Records by schema'),
    h('thead', {}, h('tr', {}, ...['Schema', 'Records', 'Actors', 'Relationships', 'Skipped', 'Failed'].map((c, i) => h('th', { scope: 'col', className: i > 0 ? 'num' : '' }, c)))),
    h(
      'tbody',
      {},
      rows.map(([schema, c]) =>
        h(
          'tr',
          { 'data-schema': schema },
          h('th', { scope: 'row' }, schema),
          ...[c.records, c.actors, c.relationships, c.skipped, c.failed].map((n) => h('td', { className: 'num' }, formatCount(n))),
        ),
      ),
    ),
  );
}

function written(report: ImportReport): HTMLElement {
  const line = (name: string, label: string, created: number, toWrite: number | null) => {
    const existing = toWrite === null ? 0 : Math.max(0, toWrite - created);
    return h(
      'li',
      { 'data-written': name },
      h('strong', {}, formatCount(created)),
      ` ${label} ${report.dryRun ? 'to write' : 'created'}`,
      // Only a finished run has written all it read: a stopped one's rest is unwritten, not "already there".
      toWrite !== null && report.status === 'done' && existing > 0 ? `, ${formatCount(existing)} already in the graph (left as they were)` : '',
    );
  };
  if (report.dryRun) {
    return h(
      'ul',
      { className: 'imp-written' },
      line('actors', 'actors', report.actors.toWrite, null),
      line('relationships', 'relationships (each with its claims)', report.relationships.toWrite, null),
    );
  }
  return h(
    'ul',
    { className: 'imp-written' },
    line('actors', 'actors', report.actors.created, report.actors.toWrite),
    line('relationships', 'relationships', report.relationships.created, report.relationships.toWrite),
    line('claims', 'claims', report.claims.created, null),
    line('sources', 'sources', report.sources.created, null),
  );
}

function issues(report: ImportReport): HTMLElement | null {
  if (report.issues.length === 0) return null;
  return h(
    'details',
    { className: 'imp-issues', open: report.issues.length <= 20 },
    h('summary', {}, `Failed rows (${formatCount(report.failed)})`),
    h(
      'ol',
      { className: 'imp-issues__list' },
      report.issues.map((issue) =>
        h(
          'li',
          { 'data-issue-line': String(issue.line) },
          h('span', { className: 'imp-issue__where' }, `${issue.file}:${issue.line}`),
          ' ',
          h('span', { className: 'imp-issue__schema' }, `[${issue.schema}]`),
          ' ',
          h('span', { className: 'imp-issue__reason' }, issue.reason),
        ),
      ),
    ),
    report.issuesTruncated ? h('p', { className: 'muted' }, `… and ${formatCount(report.failed - report.issues.length)} more failed rows not listed (the command line importer's --json report has them all).`) : null,
  );
}

/** The report, as a section of the dialog. */
export function renderImportReport(report: ImportReport): HTMLElement {
  const headline = report.dryRun
    ? report.failed === 0
      ? 'Dry run: the file is valid. Nothing was written.'
      : 'Dry run: some rows would fail. Nothing was written.'
    : report.status === 'failed'
      ? 'The import failed.'
      : report.status === 'cancelled'
        ? `The import was cancelled after batch ${formatCount(report.batches.resumedAfter + report.batches.committed)}: whole batches only were written. The same file resumes it (npm run import -- <file> --resume).`
        : 'Import done.';
  return h(
    'section',
    { className: 'imp-report', 'data-report-status': report.status, 'data-job-id': report.jobId, 'data-dry-run': String(report.dryRun), 'aria-label': 'Import report' },
    h('p', { className: `imp-report__headline imp-report__headline--${report.status}` }, headline),
    h('p', { className: 'muted imp-report__files' }, `${report.files.join(', ')} · ${report.format}${report.dryRun ? '' : ` · ${formatDuration(report.timings.totalMs / 1000)}`}${report.jobId ? ` · job ${report.jobId}` : ''}`),
    report.error ? h('p', { className: 'cur-error', role: 'alert' }, report.error) : null,
    h(
      'div',
      { className: 'imp-figures' },
      figure('records', report.records, 'records read'),
      figure('skipped', report.skipped, 'skipped'),
      figure('failed', report.failed, 'failed'),
      figure('dangling', report.danglingReferences, 'dangling references'),
    ),
    written(report),
    report.derivedActors > 0 ? h('p', { className: 'muted' }, `${formatCount(report.derivedActors)} actors derived from other records (sanction authorities).`) : null,
    report.skipped > 0 ? h('p', { className: 'muted' }, 'Skipped rows are of schemas Sightline has no place for (see the table); they are not errors.') : null,
    report.danglingReferences > 0 ? h('p', { className: 'muted' }, 'Dangling references name an actor neither in the file nor in the graph; each is also a failed row below.') : null,
    schemaTable(report),
    issues(report),
  );
}
