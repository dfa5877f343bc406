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
  ActorRow,
  ClaimRow,
  CreatedCounts,
  ImportJobRecord,
  ImportRepository,
  RelationshipBatch,
  RelationshipRow,
  SourceRow,
} from '../repositories/import-repository.js';
import { IMPORT_DEFAULTS } from './defaults.js';
import type { ImportActor, ImportClaim, ImportItem, ImportReader, ImportRelationship, ImportSource, RecordOrigin } from './model.js';
import { emptyCounts, type ImportReport, type SchemaCounts } from './report.js';

export type ImportPhase = 'scan' | 'actors' | 'relationships' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows handled in this phase (scan: records read; actors/relationships: rows committed or skipped on resume). */
  done: number;
  /** Rows of this phase (0: not known yet — the scan, and the actors, which are written during the validating pass). */
  total: number;
  /** Records read so far by the validating pass (scan and actors phases). */
  read?: number;
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

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The batch rows: every field present (null when absent), as the repository's queries expect. */
const actorRow = (a: ImportActor, jobId: string): ActorRow => ({
  id: a.id,
  name: a.name,
  aliases: a.aliases,
  description: a.description,
  country: orNull(a.country),
  url: orNull(a.url),
  wikidata: orNull(a.wikidata),
  importJob: jobId,
});

const relationshipRow = (r: ImportRelationship): RelationshipRow => ({
  id: r.id,
  source: r.source,
  target: r.target,
  status: r.status,
  summary: r.summary,
  since: orNull(r.since),
  until: orNull(r.until),
});

const claimRow = (c: ImportClaim, relationshipId: string, jobId: string): ClaimRow => ({
  id: c.id,
  sourceId: c.source.id,
  quote: c.quote,
  attributedTo: c.attributedTo,
  stance: c.stance,
  relationshipId,
  note: orNull(c.note),
  importJob: jobId,
  importedFrom: c.importedFrom,
  retrievedAt: orNull(c.retrievedAt),
});

const sourceRow = (s: ImportSource): SourceRow => ({
  id: s.id,
  title: s.title,
  titleNote: orNull(s.titleNote),
  publisher: s.publisher,
  url: orNull(s.url),
  publishedAt: orNull(s.publishedAt),
  author: orNull(s.author),
});

/**
 * One write transaction in flight while the next batch is read and built (Node and Neo4j work at
 * the same time). Batches still commit one after the other, in order: `submit` waits for the
 * previous write before starting the next, and a failed write fails the next `submit` or `drain`.
 */
function writeQueue() {
  let inFlight: Promise<void> = Promise.resolve();
  return {
    async submit(work: () => Promise<void>): Promise<void> {
      await inFlight;
      inFlight = work();
      inFlight.catch(() => undefined); // observed by the next submit/drain
    },
    drain: (): Promise<void> => inFlight,
  };
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
 * Runs one import in two passes over the input, in write transactions of `batchSize` records:
 *   1. a validating pass (counts, failed rows with their lines, duplicate ids) that writes the valid
 *      actors as it reads them; then the references it could not resolve within the file are looked
 *      up in the graph;
 *   2. the relationships with their claims and sources (readers may skip actor-only files).
 * Each transaction also moves the job's checkpoint (`lastCommittedBatch`), so a killed import leaves
 * whole batches only and `resume` continues after the last one. Batches are numbered in input
 * order, actors first, the same way on every run. While a batch is being written the next one is
 * read and built. A dry run makes the first pass only, writing nothing.
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

  // ---- the job (resume point), before anything is written --------------------------------------
  let jobId = options.jobId;
  let resumeAfter = 0;
  const created: CreatedCounts = { actors: 0, relationships: 0, claims: 0, sources: 0 };
  if (!dryRun) {
    const now = new Date().toISOString();
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
    const jobProps: Partial<ImportJobRecord> = { sha256: options.sha256, format: options.format, files: options.files, batchSize, status: 'running', phase: 'actors', updatedAt: now };
    if (jobId && (resumeAfter > 0 || options.jobId || options.resume)) {
      await repo.updateJob(jobId, { ...jobProps, error: '' });
    } else {
      jobId = newJobId();
      await repo.createJob({ ...(jobProps as ImportJobRecord), id: jobId, lastCommittedBatch: 0, totalBatches: 0, rowsTotal: 0, rowsDone: 0, startedAt: now, created: JSON.stringify(created) });
    }
    report.jobId = jobId;
    report.batches.resumedAfter = resumeAfter;
  }
  const job = jobId ?? '';
  const writes = writeQueue();
  let batch = 0;
  let rowsDone = 0;

  const failed = async (error: unknown): Promise<never> => {
    await writes.drain().catch(() => undefined); // nothing still writing when the job is marked failed
    report.status = 'failed';
    report.error = (error as Error).message;
    if (jobId) await repo.updateJob(jobId, { status: 'failed', error: report.error, updatedAt: new Date().toISOString() }).catch(() => undefined);
    Object.assign(report.actors, { created: created.actors });
    throw Object.assign(error as Error, { report });
  };

  // ---- pass 1: validate, count, write the actors ---------------------------------------------
  const actorIds = new Set<string>();
  const relationshipIds = new Set<string>();
  const skippedIds = new Map<string, string>();
  const rejected = new Set<string>();
  const pending: { key: string; origin: RecordOrigin; id: string; refs: string[] }[] = [];
  const claimless: string[] = [];
  let lastRecord = '';
  let seen = 0;
  let actorBuffer: ImportActor[] = [];

  const flushActors = async (): Promise<void> => {
    if (actorBuffer.length === 0) return;
    const rows = actorBuffer;
    actorBuffer = [];
    batch += 1;
    rowsDone += rows.length;
    const at = { batch, rowsDone, read: seen };
    if (batch <= resumeAfter) return;
    const groups = new Map<ActorKind, ActorBatch>();
    for (const a of rows) {
      const g = groups.get(a.kind) ?? { kind: a.kind, rows: [] };
      g.rows.push(actorRow(a, job));
      groups.set(a.kind, g);
    }
    await writes.submit(async () => {
      created.actors += await repo.writeActors([...groups.values()], { jobId: job, batch: at.batch, rowsDone: at.rowsDone, phase: 'actors', created: { ...created } });
      report.batches.committed += 1;
      progress({ phase: 'actors', done: at.rowsDone, total: 0, read: at.read, batch: at.batch, totalBatches: 0 });
    });
  };

  const tActors = Date.now();
  try {
    for await (const item of reader.read()) {
      const recordKey = `${item.origin.file}:${item.origin.line}`;
      if (!(item.kind === 'actor' && item.derived) && recordKey !== lastRecord) {
        lastRecord = recordKey;
        report.records += 1;
        counts(item.origin.schema).records += 1;
      }
      const actor = scanItem(item);
      if (actor && !dryRun) {
        actorBuffer.push(actor);
        if (actorBuffer.length >= batchSize) await flushActors();
      }
      seen += 1;
      if (seen % 10_000 === 0) progress(dryRun ? { phase: 'scan', done: seen, total: 0, batch: 0, totalBatches: 0 } : { phase: 'actors', done: rowsDone, total: 0, read: seen, batch, totalBatches: 0 });
    }
    await flushActors();
    await writes.drain();
  } catch (error) {
    return failed(error);
  }
  report.timings.actorsMs = dryRun ? 0 : Date.now() - tActors;

  /** Validates and counts one item; returns the actor to write, if it is one. */
  function scanItem(item: ImportItem): ImportActor | null {
    const c = counts(item.origin.schema);
    switch (item.kind) {
      case 'error':
        fail(item.origin, item.reason);
        return null;
      case 'skipped':
        report.skipped += 1;
        c.skipped += 1;
        if (item.id) skippedIds.set(item.id, item.reason);
        return null;
      case 'actor': {
        const a = item.actor;
        if (actorIds.has(a.id)) {
          if (!item.derived) {
            rejected.add(itemKey(item.origin, 'a', a.id));
            fail(item.origin, `duplicate actor id ${a.id} (the first record with it is kept)`);
          }
          return null;
        }
        const parsed = actorSchema.safeParse({ id: a.id, ...actorProps(a, undefined) });
        if (!parsed.success) {
          rejected.add(itemKey(item.origin, 'a', a.id));
          fail(item.origin, `actor ${a.id}: ${zodMessage(parsed.error)}`);
          return null;
        }
        actorIds.add(a.id);
        if (item.derived) report.derivedActors += 1;
        else c.actors += 1;
        return a;
      }
      case 'relationship': {
        const r = item.relationship;
        const key = itemKey(item.origin, 'r', r.id);
        if (relationshipIds.has(r.id)) {
          rejected.add(key);
          fail(item.origin, `duplicate relationship id ${r.id} (the first record with it is kept)`);
          return null;
        }
        const problem = relationshipProblem(r);
        if (problem) {
          rejected.add(key);
          fail(item.origin, problem);
          return null;
        }
        relationshipIds.add(r.id);
        c.relationships += 1;
        if (r.claims.length === 0) claimless.push(r.id);
        const refs = [r.source, r.target].filter((id) => !actorIds.has(id));
        if (refs.length > 0) pending.push({ key, origin: item.origin, id: r.id, refs });
        return null;
      }
    }
  }

  // ---- references not (yet) seen as actors when read: resolved against the whole file, then the graph
  const tCheck = Date.now();
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
  pending.length = 0;
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
  report.timings.scanMs = dryRun ? Date.now() - t0 : Date.now() - tCheck;
  if (dryRun) {
    report.timings.totalMs = Date.now() - t0;
    return report;
  }

  try {
    if (needsClaim.size > 0 && !options.fallbackClaim) throw new Error('sightline/import: relationships without evidence need a fallbackClaim');
    await repo.updateJob(job, {
      phase: 'relationships',
      totalBatches: report.batches.total,
      rowsTotal: actorIds.size + relationshipIds.size,
      updatedAt: new Date().toISOString(),
    });

    // ---- pass 2: relationships, claims, sources ---------------------------------------------
    const tRels = Date.now();
    // Types with no relationship yet (counts store, instant): theirs are CREATEd, not MERGEd.
    const newTypes = await repo.emptyRelationshipTypes();
    // Sources this run has sent in a batch: later batches cite them without MERGE-ing them again.
    const writtenSources = new Set<string>();
    let relsDone = 0;
    let relBuffer: ImportRelationship[] = [];
    const flushRelationships = async (): Promise<void> => {
      if (relBuffer.length === 0) return;
      const rels = relBuffer;
      relBuffer = [];
      batch += 1;
      relsDone += rels.length;
      const at = { batch, relsDone, rowsDone: rowsDone + relsDone };
      if (at.batch <= resumeAfter) {
        progress({ phase: 'relationships', done: at.relsDone, total: relationshipIds.size, batch: at.batch, totalBatches: report.batches.total });
        return;
      }
      const sources = new Map<string, SourceRow>();
      const groups = new Map<RelationshipType, RelationshipBatch['relationships'][number]>();
      const claims: ClaimRow[] = [];
      for (const r of rels) {
        const g = groups.get(r.type) ?? { type: r.type, rows: [] };
        g.rows.push(relationshipRow(r));
        groups.set(r.type, g);
        const evidence = r.claims.length === 0 && needsClaim.has(r.id) && options.fallbackClaim ? [options.fallbackClaim(r)] : r.claims;
        for (const c of evidence) {
          if (!sources.has(c.source.id) && !writtenSources.has(c.source.id)) sources.set(c.source.id, sourceRow(c.source));
          claims.push(claimRow(c, r.id, job));
        }
      }
      // Serial transactions: by the time a later batch runs, this one has committed (or the import failed).
      if (writtenSources.size < IMPORT_DEFAULTS.maxRememberedSources) for (const id of sources.keys()) writtenSources.add(id);
      const payload: RelationshipBatch = { sources: [...sources.values()], relationships: [...groups.values()], claims };
      await writes.submit(async () => {
        const made = await repo.writeRelationships(payload, { jobId: job, batch: at.batch, rowsDone: at.rowsDone, phase: 'relationships', created: { ...created } }, newTypes);
        created.relationships += made.relationships;
        created.claims += made.claims;
        created.sources += made.sources;
        report.batches.committed += 1;
        progress({ phase: 'relationships', done: at.relsDone, total: relationshipIds.size, batch: at.batch, totalBatches: report.batches.total });
      });
    };
    const checkRejected = rejected.size > 0;
    for await (const item of reader.read({ only: 'relationships' })) {
      if (item.kind !== 'relationship' || !relationshipIds.has(item.relationship.id)) continue;
      if (checkRejected && rejected.has(itemKey(item.origin, 'r', item.relationship.id))) continue;
      relBuffer.push(item.relationship);
      if (relBuffer.length >= batchSize) await flushRelationships();
    }
    await flushRelationships();
    await writes.drain();
    report.timings.relationshipsMs = Date.now() - tRels;
    report.relationshipsPerSecond = report.timings.relationshipsMs > 0 ? relationshipIds.size / (report.timings.relationshipsMs / 1000) : 0;
  } catch (error) {
    return failed(error);
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
