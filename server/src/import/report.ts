/** What an import run reports: counts by record schema, what was created, every failed row (capped). */

export interface SchemaCounts {
  /** Records (lines or CSV rows) of this schema. */
  records: number;
  /** Actors to write from them (valid, first occurrence). */
  actors: number;
  /** Relationships to write from them (valid, both ends known). */
  relationships: number;
  /** Deliberately not imported (a schema Sightline has no place for). */
  skipped: number;
  /** Failed rows (reported in `issues`). */
  failed: number;
}

export interface ImportIssue {
  file: string;
  line: number;
  schema: string;
  reason: string;
}

export interface ImportReport {
  jobId: string | null;
  dryRun: boolean;
  format: string;
  files: string[];
  sha256: string;
  /** validated: a dry run; cancelled: stopped on request after a whole batch (resumable, like failed). */
  status: 'validated' | 'done' | 'failed' | 'cancelled';
  records: number;
  bySchema: Record<string, SchemaCounts>;
  /** Actors made up from other records (the authorities of FtM Sanctions). */
  derivedActors: number;
  actors: { toWrite: number; created: number };
  /**
   * toWrite: valid relationships with both ends known. The relationships are validated as they are
   * written (one pass), so it is complete only at the end of the run (a failed or cancelled run:
   * those read until it stopped).
   */
  relationships: { toWrite: number; created: number };
  claims: { created: number };
  sources: { created: number };
  skipped: number;
  failed: number;
  /** References to entities neither in the file nor in the graph (each also a failed row). */
  danglingReferences: number;
  issues: ImportIssue[];
  /** True when more failed rows exist than `issues` lists. */
  issuesTruncated: boolean;
  /** total: known at the end of the run, like relationships.toWrite (a stopped run: the batches numbered until then). */
  batches: { size: number; total: number; committed: number; resumedAfter: number };
  /**
   * scanMs: a dry run's whole validation, else the lookups of relationship ends in the graph (during
   * the second pass); actorsMs: the first pass (the actors side: validates its records and writes the
   * actors); relationshipsMs: the second pass (reads and validates the relationships and writes them
   * with their claims and sources); totalMs: the whole run.
   */
  timings: { scanMs: number; actorsMs: number; relationshipsMs: number; totalMs: number };
  /** Relationships written per second during the relationship phase (0 in a dry run). */
  relationshipsPerSecond: number;
  error?: string;
}

export function emptyCounts(): SchemaCounts {
  return { records: 0, actors: 0, relationships: 0, skipped: 0, failed: 0 };
}

/** A plain-text summary of a report, for the CLI. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(`${report.dryRun ? 'Dry run (nothing written)' : `Import ${report.jobId ?? ''}`}: ${report.files.join(', ')} as ${report.format} — ${report.status}`);
  lines.push(`  records ${report.records}; skipped ${report.skipped}; failed ${report.failed}; dangling references ${report.danglingReferences}`);
  lines.push('  by schema (records: actors / relationships / skipped / failed):');
  for (const [schema, c] of Object.entries(report.bySchema).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${schema.padEnd(22)} ${String(c.records).padStart(7)}: ${c.actors} / ${c.relationships} / ${c.skipped} / ${c.failed}`);
  }
  if (report.derivedActors > 0) lines.push(`  derived actors (sanction authorities): ${report.derivedActors}`);
  lines.push(
    `  actors ${report.actors.created} created of ${report.actors.toWrite}; relationships ${report.relationships.created} created of ${report.relationships.toWrite}; claims ${report.claims.created} and sources ${report.sources.created} created`,
  );
  lines.push(
    `  batches of ${report.batches.size}: ${report.batches.committed}/${report.batches.total} committed${report.batches.resumedAfter > 0 ? ` (resumed after batch ${report.batches.resumedAfter})` : ''}; ${(report.timings.totalMs / 1000).toFixed(1)} s${report.relationshipsPerSecond > 0 ? `, ${Math.round(report.relationshipsPerSecond)} relationships/s` : ''}`,
  );
  for (const issue of report.issues) lines.push(`  ${issue.file}:${issue.line} [${issue.schema}] ${issue.reason}`);
  if (report.issuesTruncated) lines.push(`  … ${report.failed - report.issues.length} more failed rows not listed`);
  if (report.error) lines.push(`  error: ${report.error}`);
  return lines.join('\n');
}
