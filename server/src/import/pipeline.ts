import { randomBytes } from 'node:crypto';
import {
  actorSchema,
  claimSchema,
  relationshipSchema,
  sourceSchema,
  type ActorKind,
  type RelationshipType,
} from '../contracts/vocabulary.js';
import type {
  ActorBatch,
  CreatedCounts,
  ImportJobRecord,
  ImportRepository,
  RelationshipBatch,
} from '../repositories/import-repository.js';
import { IMPORT_DEFAULTS } from './defaults.js';
import type { ImportActor, ImportClaim, ImportItem, ImportReader, ImportRelationship, ImportSource, RecordOrigin } from './model.js';
import { emptyCounts, type ImportReport, type SchemaCounts } from './report.js';

export type ImportPhase = 'scan' | 'actors' | 'relationships' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows handled in this phase (scan: records read; actors/relationships: rows committed or skipped on resume). */
  done: number;
  /** Rows of this phase (unknown during the scan: 0). */
  total: number;
  batch: number;
  totalBatches: number;
}

export interface ImportRunOptions {
  format: string;
  files: string[];
  /** Checksum of the input files and the options that change what is written (see inputChecksum). */
  sha256: string;
  batchSize?: number;
  /** Validate and report; write nothing (not even a job). */
  dryRun?: boolean;
  /** Continue the newest unfinished job with the same checksum after its last committed batch. */
  resume?: boolean;
  /** An already created (:ImportJob) to run under (POST /api/import creates it before answering). */
  jobId?: string;
  maxIssues?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * For formats without evidence (Cytoscape JSON): the claim given to a relationship that has none
   * in the graph yet. Called during the write of that relationship.
   */
  fallbackClaim?: (relationship: ImportRelationship) => ImportClaim;
}

/** `import-<yyyymmddhhmmss>-<6 hex>`: a slug, sortable by start time. */
export function newJobId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `import-${stamp}-${randomBytes(3).toString('hex')}`;
}

const itemKey = (origin: RecordOrigin, kind: string, id: string): string => `${origin.file}:${origin.line}:${kind}:${id}`;

function defined(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

function actorProps(a: ImportActor, jobId: string | undefined): Record<string, unknown> {
  return defined({ name: a.name, aliases: a.aliases, description: a.description, country: a.country, url: a.url, wikidata: a.wikidata, importJob: jobId });
}

function relationshipProps(r: ImportRelationship): Record<string, unknown> {
  return defined({ status: r.status, summary: r.summary, since: r.since, until: r.until });
}

function claimProps(c: ImportClaim, relationshipId: string, jobId: string | undefined): Record<string, unknown> {
  return defined({
    quote: c.quote,
    attributedTo: c.attributedTo,
    stance: c.stance,
    relationshipId,
    note: c.note,
    importJob: jobId,
    importedFrom: c.importedFrom,
    retrievedAt: c.retrievedAt,
  });
}

function sourceProps(s: ImportSource): Record<string, unknown> {
  return defined({ title: s.title, titleNote: s.titleNote, publisher: s.publisher, url: s.url, publishedAt: s.publishedAt, author: s.author });
}

const zodMessage = (error: { issues: { path: PropertyKey[]; message: string }[] }): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`).join('; ');

/** Why a relationship (with its claims and sources) is not valid, or null. */
function relationshipProblem(r: ImportRelationship): string | null {
  const rel = relationshipSchema.safeParse({ id: r.id, ...relationshipProps(r) });
  if (!rel.success) return `relationship ${r.id}: ${zodMessage(rel.error)}`;
  if (r.source === r.target) return `relationship ${r.id} links ${r.source} to itself`;
  for (const c of r.claims) {
    const claim = claimSchema.safeParse({ id: c.id, ...claimProps(c, r.id, undefined) });
    if (!claim.success) return `claim of ${r.id}: ${zodMessage(claim.error)}`;
    const source = sourceSchema.safeParse({ id: c.source.id, ...sourceProps(c.source) });
    if (!source.success) return `source of ${r.id}: ${zodMessage(source.error)}`;
  }
  return null;
}

/**
 * Runs one import: a validating scan of the whole input (counts, failed rows, references resolved
 * against the file and the graph), then actors, then relationships with their claims and sources,
 * in write transactions of `batchSize` records. Each transaction also moves the job's checkpoint
 * (`lastCommittedBatch`), so a killed import leaves whole batches only and `resume` continues after
 * the last one. Batches are numbered in input order, actors first, the same way on every run.
 */
export async function runImport(reader: ImportReader, repo: ImportRepository, options: ImportRunOptions): Promise<ImportReport> {
  const batchSize = options.batchSize ?? IMPORT_DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`sightline/import: batch size must be a positive integer, not ${batchSize}`);
  const maxIssues = options.maxIssues ?? IMPORT_DEFAULTS.maxReportedIssues;
  const dryRun = options.dryRun === true;
  const t0 = Date.now();
  const report: ImportReport = {
    jobId: null,
    dryRun,
    format: options.format,
    files: options.files,
    sha256: options.sha256,
    status: dryRun ? 'validated' : 'done',
    records: 0,
    bySchema: {},
    derivedActors: 0,
    actors: { toWrite: 0, created: 0 },
    relationships: { toWrite: 0, created: 0 },
    claims: { created: 0 },
    sources: { created: 0 },
    skipped: 0,
    failed: 0,
    danglingReferences: 0,
    issues: [],
    issuesTruncated: false,
    batches: { size: batchSize, total: 0, committed: 0, resumedAfter: 0 },
    timings: { scanMs: 0, actorsMs: 0, relationshipsMs: 0, totalMs: 0 },
    relationshipsPerSecond: 0,
  };
  const counts = (schema: string): SchemaCounts => (report.bySchema[schema] ??= emptyCounts());
  const fail = (origin: RecordOrigin, reason: string): void => {
    report.failed += 1;
    counts(origin.schema).failed += 1;
    if (report.issues.length < maxIssues) report.issues.push({ file: origin.file, line: origin.line, schema: origin.schema, reason });
    else report.issuesTruncated = true;
  };
  const progress = (p: ImportProgress): void => options.onProgress?.(p);

  // ---- pass 1: validate, count, resolve references ------------------------------------------
  const actorIds = new Set<string>();
  const relationshipIds = new Set<string>();
  const skippedIds = new Map<string, string>();
  const rejected = new Set<string>();
  const pending: { key: string; origin: RecordOrigin; id: string; refs: string[] }[] = [];
  const claimless: string[] = [];
  let lastRecord = '';
  let seen = 0;
  for await (const item of reader.read()) {
    const recordKey = `${item.origin.file}:${item.origin.line}`;
    if (!(item.kind === 'actor' && item.derived) && recordKey !== lastRecord) {
      lastRecord = recordKey;
      report.records += 1;
      counts(item.origin.schema).records += 1;
    }
    scanItem(item);
    seen += 1;
    if (seen % 10_000 === 0) progress({ phase: 'scan', done: seen, total: 0, batch: 0, totalBatches: 0 });
  }

  function scanItem(item: ImportItem): void {
    const c = counts(item.origin.schema);
    switch (item.kind) {
      case 'error':
        fail(item.origin, item.reason);
        return;
      case 'skipped':
        report.skipped += 1;
        c.skipped += 1;
        if (item.id) skippedIds.set(item.id, item.reason);
        return;
      case 'actor': {
        const a = item.actor;
        const key = itemKey(item.origin, 'a', a.id);
        if (actorIds.has(a.id)) {
          if (!item.derived) {
            rejected.add(key);
            fail(item.origin, `duplicate actor id ${a.id} (the first record with it is kept)`);
          }
          return;
        }
        const parsed = actorSchema.safeParse({ id: a.id, ...actorProps(a, undefined) });
        if (!parsed.success) {
          rejected.add(key);
          fail(item.origin, `actor ${a.id}: ${zodMessage(parsed.error)}`);
          return;
        }
        actorIds.add(a.id);
        if (item.derived) report.derivedActors += 1;
        else c.actors += 1;
        return;
      }
      case 'relationship': {
        const r = item.relationship;
        const key = itemKey(item.origin, 'r', r.id);
        if (relationshipIds.has(r.id)) {
          rejected.add(key);
          fail(item.origin, `duplicate relationship id ${r.id} (the first record with it is kept)`);
          return;
        }
        const problem = relationshipProblem(r);
        if (problem) {
          rejected.add(key);
          fail(item.origin, problem);
          return;
        }
        relationshipIds.add(r.id);
        c.relationships += 1;
        if (r.claims.length === 0) claimless.push(r.id);
        const refs = [r.source, r.target].filter((id) => !actorIds.has(id));
        if (refs.length > 0) pending.push({ key, origin: item.origin, id: r.id, refs });
      }
    }
  }

  // References not (yet) seen as actors when read: resolved against the whole file, then the graph.
  const unresolved = [...new Set(pending.flatMap((p) => p.refs.filter((id) => !actorIds.has(id))))];
  const inGraph = new Set<string>();
  for (let i = 0; i < unresolved.length; i += IMPORT_DEFAULTS.lookupChunk) {
    for (const id of await repo.existingActorIds(unresolved.slice(i, i + IMPORT_DEFAULTS.lookupChunk))) inGraph.add(id);
  }
  for (const p of pending) {
    const missing = p.refs.filter((id) => !actorIds.has(id) && !inGraph.has(id));
    if (missing.length === 0) continue;
    rejected.add(p.key);
    relationshipIds.delete(p.id);
    counts(p.origin.schema).relationships -= 1;
    report.danglingReferences += missing.length;
    const why = missing.map((id) => (skippedIds.has(id) ? `${id} (not imported: ${skippedIds.get(id)})` : `${id}, which is neither in the input nor in the graph`));
    fail(p.origin, `relationship ${p.id} references ${why.join(' and ')}`);
  }
  // Relationships read without evidence get a claim only when the graph has none for them yet.
  const needsClaim = new Set<string>();
  if (claimless.length > 0) {
    const withClaims = new Set<string>();
    for (let i = 0; i < claimless.length; i += IMPORT_DEFAULTS.lookupChunk) {
      for (const id of await repo.relationshipIdsWithClaims(claimless.slice(i, i + IMPORT_DEFAULTS.lookupChunk))) withClaims.add(id);
    }
    for (const id of claimless) if (!withClaims.has(id) && relationshipIds.has(id)) needsClaim.add(id);
  }

  report.actors.toWrite = actorIds.size;
  report.relationships.toWrite = relationshipIds.size;
  const actorBatches = Math.ceil(actorIds.size / batchSize);
  const relationshipBatches = Math.ceil(relationshipIds.size / batchSize);
  report.batches.total = actorBatches + relationshipBatches;
  report.timings.scanMs = Date.now() - t0;
  if (dryRun) {
    report.timings.totalMs = Date.now() - t0;
    return report;
  }
  if (needsClaim.size > 0 && !options.fallbackClaim) throw new Error('sightline/import: relationships without evidence need a fallbackClaim');

  // ---- the job (resume point) ---------------------------------------------------------------
  const now = new Date().toISOString();
  let jobId = options.jobId;
  let resumeAfter = 0;
  const created: CreatedCounts = { actors: 0, relationships: 0, claims: 0, sources: 0 };
  if (options.resume) {
    const previous = await repo.findResumable(options.sha256);
    if (previous) {
      if (Number(previous.batchSize) !== batchSize) {
        throw new Error(`sightline/import: job ${previous.id} used batches of ${previous.batchSize}; resume it with --batch-size ${previous.batchSize}`);
      }
      jobId = previous.id;
      resumeAfter = Number(previous.lastCommittedBatch);
      Object.assign(created, previous.created ? (JSON.parse(previous.created) as CreatedCounts) : {});
    }
  }
  const jobProps: Partial<ImportJobRecord> = {
    sha256: options.sha256,
    format: options.format,
    files: options.files,
    batchSize,
    status: 'running',
    phase: 'actors',
    totalBatches: report.batches.total,
    rowsTotal: actorIds.size + relationshipIds.size,
    updatedAt: now,
  };
  if (jobId && (resumeAfter > 0 || options.jobId || options.resume)) {
    await repo.updateJob(jobId, { ...jobProps, error: '' });
  } else {
    jobId = newJobId();
    await repo.createJob({ ...(jobProps as ImportJobRecord), id: jobId, lastCommittedBatch: 0, rowsDone: 0, startedAt: now, created: JSON.stringify(created) });
  }
  report.jobId = jobId;
  report.batches.resumedAfter = resumeAfter;
  const job = jobId;

  try {
    // ---- pass 2: actors ---------------------------------------------------------------------
    const tActors = Date.now();
    let batch = 0;
    let rowsDone = 0;
    let buffer: ImportActor[] = [];
    const written = new Set<string>();
    const flushActors = async (): Promise<void> => {
      if (buffer.length === 0) return;
      batch += 1;
      rowsDone += buffer.length;
      if (batch > resumeAfter) {
        const groups = new Map<ActorKind, ActorBatch>();
        for (const a of buffer) {
          const g = groups.get(a.kind) ?? { kind: a.kind, rows: [] };
          g.rows.push({ id: a.id, props: actorProps(a, job) });
          groups.set(a.kind, g);
        }
        created.actors += await repo.writeActors([...groups.values()], { jobId: job, batch, rowsDone, phase: 'actors', created: { ...created } });
        report.batches.committed += 1;
      }
      buffer = [];
      progress({ phase: 'actors', done: rowsDone, total: actorIds.size, batch, totalBatches: report.batches.total });
    };
    for await (const item of reader.read()) {
      if (item.kind !== 'actor' || written.has(item.actor.id) || rejected.has(itemKey(item.origin, 'a', item.actor.id))) continue;
      if (!actorIds.has(item.actor.id)) continue;
      written.add(item.actor.id);
      buffer.push(item.actor);
      if (buffer.length >= batchSize) await flushActors();
    }
    await flushActors();
    written.clear();
    report.timings.actorsMs = Date.now() - tActors;

    // ---- pass 3: relationships, claims, sources ---------------------------------------------
    const tRels = Date.now();
    // Types with no relationship yet (counts store, instant): theirs are CREATEd, not MERGEd.
    const newTypes = await repo.emptyRelationshipTypes();
    // Sources this run has committed: later batches cite them without MERGE-ing them again.
    const writtenSources = new Set<string>();
    let relsDone = 0;
    let relBuffer: ImportRelationship[] = [];
    const flushRelationships = async (): Promise<void> => {
      if (relBuffer.length === 0) return;
      batch += 1;
      relsDone += relBuffer.length;
      if (batch > resumeAfter) {
        const sources = new Map<string, RelationshipBatch['sources'][number]>();
        const groups = new Map<RelationshipType, RelationshipBatch['relationships'][number]>();
        const claims: RelationshipBatch['claims'] = [];
        for (const r of relBuffer) {
          const g = groups.get(r.type) ?? { type: r.type, rows: [] };
          g.rows.push({ id: r.id, source: r.source, target: r.target, props: relationshipProps(r) });
          groups.set(r.type, g);
          const evidence = r.claims.length === 0 && needsClaim.has(r.id) && options.fallbackClaim ? [options.fallbackClaim(r)] : r.claims;
          for (const c of evidence) {
            if (!sources.has(c.source.id) && !writtenSources.has(c.source.id)) sources.set(c.source.id, { id: c.source.id, props: sourceProps(c.source) });
            claims.push({ id: c.id, sourceId: c.source.id, props: claimProps(c, r.id, job) });
          }
        }
        const made = await repo.writeRelationships(
          { sources: [...sources.values()], relationships: [...groups.values()], claims },
          { jobId: job, batch, rowsDone: rowsDone + relsDone, phase: 'relationships', created: { ...created } },
          newTypes,
        );
        if (writtenSources.size < IMPORT_DEFAULTS.maxRememberedSources) for (const id of sources.keys()) writtenSources.add(id);
        created.relationships += made.relationships;
        created.claims += made.claims;
        created.sources += made.sources;
        report.batches.committed += 1;
      }
      relBuffer = [];
      progress({ phase: 'relationships', done: relsDone, total: relationshipIds.size, batch, totalBatches: report.batches.total });
    };
    for await (const item of reader.read()) {
      if (item.kind !== 'relationship' || !relationshipIds.has(item.relationship.id)) continue;
      if (rejected.has(itemKey(item.origin, 'r', item.relationship.id))) continue;
      relBuffer.push(item.relationship);
      if (relBuffer.length >= batchSize) await flushRelationships();
    }
    await flushRelationships();
    report.timings.relationshipsMs = Date.now() - tRels;
    report.relationshipsPerSecond = report.timings.relationshipsMs > 0 ? (relationshipIds.size - 0) / (report.timings.relationshipsMs / 1000) : 0;
  } catch (error) {
    report.status = 'failed';
    report.error = (error as Error).message;
    await repo.updateJob(job, { status: 'failed', error: report.error, updatedAt: new Date().toISOString() }).catch(() => undefined);
    Object.assign(report.actors, { created: created.actors });
    throw Object.assign(error as Error, { report });
  }
  report.actors.created = created.actors;
  report.relationships.created = created.relationships;
  report.claims.created = created.claims;
  report.sources.created = created.sources;
  report.timings.totalMs = Date.now() - t0;
  await repo.updateJob(job, {
    status: 'done',
    phase: 'done',
    finishedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    report: JSON.stringify({ ...report, issues: report.issues.slice(0, 100) }),
  });
  progress({ phase: 'done', done: relationshipIds.size, total: relationshipIds.size, batch: report.batches.total, totalBatches: report.batches.total });
  return report;
}
