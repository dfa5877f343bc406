import { randomBytes } from 'node:crypto';
import {
  actorSchema,
  claimSchema,
  relationshipSchema,
  sourceSchema,
  type ActorKind,
  type RelationshipType,
} from '../contracts/vocabulary.js';
import {
  ImportCancelled,
  type ActorBatch,
  type ActorRow,
  type ClaimRow,
  type CreatedCounts,
  type ImportJobRecord,
  type ImportRepository,
  type RelationshipBatch,
  type RelationshipRow,
  type SourceRow,
} from '../repositories/import-repository.js';
import { IMPORT_DEFAULTS } from './defaults.js';
import type { ImportActor, ImportClaim, ImportItem, ImportReader, ImportRelationship, ImportSource, RecordOrigin } from './model.js';
import { emptyCounts, type ImportReport, type SchemaCounts } from './report.js';

export type ImportPhase = 'scan' | 'actors' | 'relationships' | 'done';

/**
 * Progress of a run. The rows to write are known only once the input has been read (each pass
 * validates as it goes), so the share done is by bytes: `bytesRead` of `totalBytes`.
 */
export interface ImportProgress {
  phase: ImportPhase;
  /** Rows committed (or skipped on resume) in this phase; in a dry run ('scan'), records read. */
  done: number;
  /** Records read so far (both passes). */
  read: number;
  /** Batches committed or passed so far (numbered across both phases). */
  batch: number;
  /** Batches in all: known at the end only ('done'; 0 before). */
  totalBatches: number;
  /** Bytes of the input both passes have read so far (pass 1: the actors side; pass 2: the relationships side). */
  bytesRead: number;
  /** Bytes both passes read in all (the sizes of the files of each side, added up). */
  totalBytes: number;
}

export interface ImportRunOptions {
  format: string;
  files: string[];
  /** Checksum of the input files and the options that change what is written (see inputChecksum). */
  sha256: string;
  batchSize?: number;
  /** Validate and report; write nothing (not even a job). */
  dryRun?: boolean;
  /** Continue the newest unfinished (running, failed or cancelled) job with the same checksum after its last committed batch. */
  resume?: boolean;
  /** An already created (:ImportJob) to run under (POST /api/import creates it before answering). */
  jobId?: string;
  maxIssues?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Aborting it asks the run to stop, the same way as POST /api/import/:jobId/cancel: recorded on
   * the job, noticed by the next batch's transaction (whole batches only; the job ends cancelled).
   */
  signal?: AbortSignal;
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
 * Runs one import in two passes over the input (the two sides of ReadOptions), in write
 * transactions of `batchSize` records:
 *   1. the actors side: every record validated and counted (failed rows with their lines, duplicate
 *      ids), the valid actors written as they are read;
 *   2. the relationships side, read once: each relationship validated (schema, self-loop, duplicate
 *      id: the first is kept), its ends resolved against the file's actors and then, once per batch,
 *      the graph (an end in neither is a dangling reference, reported with its line), and the valid
 *      ones written with their claims and sources.
 * Each transaction also moves the job's checkpoint (`lastCommittedBatch`), so a killed import leaves
 * whole batches only and `resume` continues after the last one. Batches are numbered in input
 * order, actors first, the same way on every run. While a batch is being written the next one is
 * read and built. A dry run reads and validates the same way and writes nothing. A cancel request
 * on the job (POST /api/import/:jobId/cancel, or `signal`) makes the next batch's transaction roll
 * back: the run ends 'cancelled' with whole batches only, resumable like a failed one.
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
  const actorSideBytes = await reader.inputBytes({ only: 'actors' });
  const totalBytes = actorSideBytes + (await reader.inputBytes({ only: 'relationships' }));
  let phase: ImportPhase = dryRun ? 'scan' : 'actors';
  let secondPass = false;
  const bytesRead = (): number => Math.min(totalBytes, (secondPass ? actorSideBytes : 0) + reader.bytesRead);
  let batch = 0;
  let read = 0;
  const progress = (done: number, at: { batch: number } = { batch }): void =>
    options.onProgress?.({ phase, done, read, batch: at.batch, totalBatches: 0, bytesRead: bytesRead(), totalBytes });

  // ---- the job (resume point), before anything is written --------------------------------------
  let jobId = options.jobId;
  let resumeAfter = 0;
  const created: CreatedCounts = { actors: 0, relationships: 0, claims: 0, sources: 0 };
  if (!dryRun) {
    const now = new Date().toISOString();
    let resumed = false;
    if (options.resume) {
      const previous = await repo.findResumable(options.sha256);
      if (previous) {
        if (Number(previous.batchSize) !== batchSize) {
          throw new Error(`sightline/import: job ${previous.id} used batches of ${previous.batchSize}; resume it with --batch-size ${previous.batchSize}`);
        }
        jobId = previous.id;
        resumed = true;
        resumeAfter = Number(previous.lastCommittedBatch);
        Object.assign(created, previous.created ? (JSON.parse(previous.created) as CreatedCounts) : {});
      }
    }
    const jobProps: Partial<ImportJobRecord> = { sha256: options.sha256, format: options.format, files: options.files, batchSize, status: 'running', phase: 'actors', bytesTotal: totalBytes, updatedAt: now };
    if (jobId && (resumed || options.jobId)) {
      // A resumed job starts afresh: its earlier cancel request is spent.
      await repo.updateJob(jobId, { ...jobProps, error: '', ...(resumed ? { cancelRequested: null, finishedAt: null } : {}) });
    } else {
      jobId = newJobId();
      await repo.createJob({ ...(jobProps as ImportJobRecord), id: jobId, lastCommittedBatch: 0, totalBatches: 0, rowsTotal: 0, rowsDone: 0, bytesRead: 0, startedAt: now, created: JSON.stringify(created) });
    }
    report.jobId = jobId;
    report.batches.resumedAfter = resumeAfter;
  }
  const job = jobId ?? '';
  const onAbort = (): void => void repo.requestCancel(job).catch(() => undefined);
  if (options.signal && !dryRun) {
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
  }
  const writes = writeQueue();
  /** Rows in the batches built so far: actors (pass 1), then actors and relationships; relationships alone. */
  let rowsDone = 0;
  let relsDone = 0;
  const reportCreated = (): void => {
    report.actors.created = created.actors;
    report.relationships.created = created.relationships;
    report.claims.created = created.claims;
    report.sources.created = created.sources;
  };

  /** Ends a run that stopped: cancelled (whole batches written, resumable) or failed (the error is rethrown). */
  const stopped = async (error: unknown): Promise<ImportReport> => {
    await writes.drain().catch(() => undefined); // nothing still writing when the job is marked
    options.signal?.removeEventListener('abort', onAbort);
    reportCreated();
    report.batches.total = batch;
    report.timings.totalMs = Date.now() - t0;
    const now = new Date().toISOString();
    if (error instanceof ImportCancelled) {
      report.status = 'cancelled';
      await repo.updateJob(job, { status: 'cancelled', finishedAt: now, updatedAt: now, report: JSON.stringify({ ...report, issues: report.issues.slice(0, 100) }) });
      return report;
    }
    report.status = 'failed';
    report.error = (error as Error).message;
    if (jobId) await repo.updateJob(jobId, { status: 'failed', error: report.error, updatedAt: now }).catch(() => undefined);
    throw Object.assign(error as Error, { report });
  };

  /** Counts the record an item comes from (items of one record are consecutive; derived ones are counted with their own record). */
  let lastRecord = '';
  const countRecord = (item: ImportItem): void => {
    read += 1;
    if (read % 10_000 === 0) progress(dryRun ? read : secondPass ? relsDone : rowsDone);
    if ((item.kind === 'actor' || item.kind === 'relationship') && item.derived) return;
    const recordKey = `${item.origin.file}:${item.origin.line}`;
    if (recordKey === lastRecord) return;
    lastRecord = recordKey;
    report.records += 1;
    counts(item.origin.schema).records += 1;
  };
  const skippedIds = new Map<string, string>();
  const skip = (item: Extract<ImportItem, { kind: 'skipped' }>): void => {
    report.skipped += 1;
    counts(item.origin.schema).skipped += 1;
    if (item.id) skippedIds.set(item.id, item.reason);
  };
  const wrongSide = (item: ImportItem): never => {
    throw new Error(`sightline/import: reader ${reader.label} gave ${item.kind === 'actor' ? 'an actor' : 'a relationship'} (${item.origin.file}:${item.origin.line}) in its ${secondPass ? 'relationships' : 'actors'} read`);
  };

  // ---- pass 1: the actors side: validate, count, write the actors ------------------------------
  const actorIds = new Set<string>();
  let actorBuffer: ImportActor[] = [];

  const flushActors = async (): Promise<void> => {
    if (actorBuffer.length === 0) return;
    const rows = actorBuffer;
    actorBuffer = [];
    batch += 1;
    rowsDone += rows.length;
    const at = { batch, rowsDone, bytesRead: bytesRead() };
    if (dryRun || batch <= resumeAfter) return;
    const groups = new Map<ActorKind, ActorBatch>();
    for (const a of rows) {
      const g = groups.get(a.kind) ?? { kind: a.kind, rows: [] };
      g.rows.push(actorRow(a, job));
      groups.set(a.kind, g);
    }
    await writes.submit(async () => {
      created.actors += await repo.writeActors([...groups.values()], { jobId: job, batch: at.batch, rowsDone: at.rowsDone, bytesRead: at.bytesRead, phase: 'actors', created: { ...created } });
      report.batches.committed += 1;
      progress(at.rowsDone, at);
    });
  };

  /** Validates and counts one actor; true when it is to be written (valid, first with its id). */
  const acceptActor = (item: Extract<ImportItem, { kind: 'actor' }>): boolean => {
    const a = item.actor;
    if (actorIds.has(a.id)) {
      if (!item.derived) fail(item.origin, `duplicate actor id ${a.id} (the first record with it is kept)`);
      return false;
    }
    const parsed = actorSchema.safeParse({ id: a.id, ...actorProps(a, undefined) });
    if (!parsed.success) {
      fail(item.origin, `actor ${a.id}: ${zodMessage(parsed.error)}`);
      return false;
    }
    actorIds.add(a.id);
    if (item.derived) report.derivedActors += 1;
    else counts(item.origin.schema).actors += 1;
    return true;
  };

  const tActors = Date.now();
  try {
    for await (const item of reader.read({ only: 'actors' })) {
      countRecord(item);
      if (item.kind === 'error') fail(item.origin, item.reason);
      else if (item.kind === 'skipped') skip(item);
      else if (item.kind === 'relationship') wrongSide(item);
      else if (acceptActor(item)) {
        actorBuffer.push(item.actor);
        if (actorBuffer.length >= batchSize) await flushActors();
      }
    }
    await flushActors();
    await writes.drain();
  } catch (error) {
    return stopped(error);
  }
  report.actors.toWrite = actorIds.size;
  report.timings.actorsMs = dryRun ? 0 : Date.now() - tActors;

  // ---- pass 2: the relationships side: validate, resolve, write with claims and sources --------
  const tRels = Date.now();
  const relationshipIds = new Set<string>();
  /** Ends not among the file's actors, as looked up in the graph: there, or dangling. */
  const inGraph = new Set<string>();
  const notInGraph = new Set<string>();
  /**
   * Relationships valid in themselves, waiting for their ends to be resolved (one lookup per batch),
   * and the failed rows read among them: reported when the chunk is resolved, in input order.
   */
  let candidates: ({ origin: RecordOrigin; relationship: ImportRelationship } | { origin: RecordOrigin; problem: string })[] = [];
  /** Valid relationships, in input order, waiting to fill a batch. */
  let ready: ImportRelationship[] = [];
  let lookupMs = 0;
  // Types with no relationship yet (counts store, instant): theirs are CREATEd, not MERGEd.
  let newTypes = new Set<RelationshipType>();
  // Sources this run has sent in a batch: later batches cite them without MERGE-ing them again.
  const writtenSources = new Set<string>();

  const flushRelationships = async (rels: ImportRelationship[]): Promise<void> => {
    batch += 1;
    relsDone += rels.length;
    const at = { batch, relsDone, rowsDone: rowsDone + relsDone, bytesRead: bytesRead() };
    if (dryRun) return;
    if (at.batch <= resumeAfter) {
      progress(at.relsDone, at);
      return;
    }
    // Relationships read without evidence get a claim only when the graph has none for them yet.
    const claimless = rels.filter((r) => r.claims.length === 0).map((r) => r.id);
    const withClaims = new Set(claimless.length > 0 ? await repo.relationshipIdsWithClaims(claimless) : []);
    const sources = new Map<string, SourceRow>();
    const groups = new Map<RelationshipType, RelationshipBatch['relationships'][number]>();
    const claims: ClaimRow[] = [];
    for (const r of rels) {
      const g = groups.get(r.type) ?? { type: r.type, rows: [] };
      g.rows.push(relationshipRow(r));
      groups.set(r.type, g);
      let evidence = r.claims;
      if (evidence.length === 0 && !withClaims.has(r.id)) {
        if (!options.fallbackClaim) throw new Error('sightline/import: relationships without evidence need a fallbackClaim');
        evidence = [options.fallbackClaim(r)];
      }
      for (const c of evidence) {
        if (!sources.has(c.source.id) && !writtenSources.has(c.source.id)) sources.set(c.source.id, sourceRow(c.source));
        claims.push(claimRow(c, r.id, job));
      }
    }
    // Serial transactions: by the time a later batch runs, this one has committed (or the import stopped).
    if (writtenSources.size < IMPORT_DEFAULTS.maxRememberedSources) for (const id of sources.keys()) writtenSources.add(id);
    const payload: RelationshipBatch = { sources: [...sources.values()], relationships: [...groups.values()], claims };
    await writes.submit(async () => {
      const made = await repo.writeRelationships(payload, { jobId: job, batch: at.batch, rowsDone: at.rowsDone, bytesRead: at.bytesRead, phase: 'relationships', created: { ...created } }, newTypes);
      created.relationships += made.relationships;
      created.claims += made.claims;
      created.sources += made.sources;
      report.batches.committed += 1;
      progress(at.relsDone, at);
    });
  };

  /** Resolves the candidates' ends (the file's actors, then the graph), reports the dangling ones, batches the rest. */
  const resolveCandidates = async (): Promise<void> => {
    const chunk = candidates;
    candidates = [];
    const unknown = new Set<string>();
    for (const c of chunk) {
      if (!('relationship' in c)) continue;
      for (const id of [c.relationship.source, c.relationship.target]) if (!actorIds.has(id) && !inGraph.has(id) && !notInGraph.has(id)) unknown.add(id);
    }
    if (unknown.size > 0) {
      const tLookup = Date.now();
      const ids = [...unknown];
      for (let i = 0; i < ids.length; i += IMPORT_DEFAULTS.lookupChunk) {
        for (const id of await repo.existingActorIds(ids.slice(i, i + IMPORT_DEFAULTS.lookupChunk))) inGraph.add(id);
      }
      for (const id of ids) if (!inGraph.has(id)) notInGraph.add(id);
      lookupMs += Date.now() - tLookup;
    }
    for (const c of chunk) {
      if (!('relationship' in c)) {
        fail(c.origin, c.problem);
        continue;
      }
      const { origin, relationship: r } = c;
      const missing = [r.source, r.target].filter((id) => notInGraph.has(id) && !actorIds.has(id));
      if (missing.length > 0) {
        report.danglingReferences += missing.length;
        const why = missing.map((id) => (skippedIds.has(id) ? `${id} (not imported: ${skippedIds.get(id)})` : `${id}, which is neither in the input nor in the graph`));
        fail(origin, `relationship ${r.id} references ${why.join(' and ')}`);
        continue;
      }
      counts(origin.schema).relationships += 1;
      report.relationships.toWrite += 1;
      ready.push(r);
    }
    while (ready.length >= batchSize) await flushRelationships(ready.splice(0, batchSize));
  };

  /** Validates one relationship in itself (a valid one waits for its ends to be resolved), or queues a failed row. */
  const accept = async (item: Exclude<ImportItem, { kind: 'actor' | 'skipped' }>): Promise<void> => {
    if (item.kind === 'error') candidates.push({ origin: item.origin, problem: item.reason });
    else {
      const r = item.relationship;
      const problem = relationshipIds.has(r.id) ? `duplicate relationship id ${r.id} (the first record with it is kept)` : relationshipProblem(r);
      if (problem) candidates.push({ origin: item.origin, problem });
      else {
        relationshipIds.add(r.id);
        candidates.push({ origin: item.origin, relationship: r });
      }
    }
    if (candidates.length >= batchSize) await resolveCandidates();
  };

  try {
    secondPass = true;
    if (!dryRun) phase = 'relationships';
    if (!dryRun) {
      newTypes = await repo.emptyRelationshipTypes();
      await repo.updateJob(job, { phase: 'relationships', updatedAt: new Date().toISOString() });
    }
    for await (const item of reader.read({ only: 'relationships' })) {
      countRecord(item);
      if (item.kind === 'skipped') skip(item);
      else if (item.kind === 'actor') wrongSide(item);
      else await accept(item);
    }
    await resolveCandidates();
    if (ready.length > 0) await flushRelationships(ready.splice(0));
    await writes.drain();
  } catch (error) {
    return stopped(error);
  }
  options.signal?.removeEventListener('abort', onAbort);
  report.batches.total = batch;
  report.timings.relationshipsMs = dryRun ? 0 : Date.now() - tRels;
  report.timings.scanMs = dryRun ? Date.now() - t0 : lookupMs;
  report.timings.totalMs = Date.now() - t0;
  if (dryRun) return report;
  report.relationshipsPerSecond = report.timings.relationshipsMs > 0 ? report.relationships.toWrite / (report.timings.relationshipsMs / 1000) : 0;
  reportCreated();
  const now = new Date().toISOString();
  await repo.updateJob(job, {
    status: 'done',
    phase: 'done',
    totalBatches: report.batches.total,
    rowsTotal: report.actors.toWrite + report.relationships.toWrite,
    rowsDone: report.actors.toWrite + report.relationships.toWrite,
    bytesRead: totalBytes,
    finishedAt: now,
    updatedAt: now,
    report: JSON.stringify({ ...report, issues: report.issues.slice(0, 100) }),
  });
  phase = 'done';
  options.onProgress?.({ phase, done: report.relationships.toWrite, read, batch, totalBatches: batch, bytesRead: totalBytes, totalBytes });
  return report;
}
