/**
 * `npm run bench -- import [--relationships 1000000] [--actors 100000] [--sources 1000] [--batch 5000] [--seed N]`
 *
 * Generates (deterministically, cached under .data/bench/import-<key>/) an actors.csv and a
 * relationships.csv in Sightline's CSV layout — every relationship with its evidence (quote, source
 * URL, attribution, stance) — then loads the same rows twice, each time into a fresh embedded Neo4j
 * store with the same schema (constraints, range and full-text indexes):
 *
 *   baseline  plain `UNWIND $rows CREATE` batches through neo4j-driver: actors, sources, then per
 *             batch the relationships (MATCH both ends by id, CREATE) and their claims (CREATE +
 *             CITES), one write transaction per batch, nothing else;
 *   importer  the real importer (CSV reader, validation of every row, MERGE on stable ids, ON CREATE
 *             properties, checkpoint in every batch's transaction) — server/src/import/. Its
 *             first pass reads, validates and writes the actors; the second reads the
 *             relationships once, validating each as it builds the batches.
 *
 * Same rows, same batch size. Reported: relationships per second of the relationship phase (the
 * evidence included) for both, their ratio (target ≥ 0.8), end-to-end times and their ratio, and
 * the peak RSS of this Node process during each side (sampled every 250 ms: the data is streamed,
 * never held whole).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { ACTOR_KIND_NAMES, RELATIONSHIP_TYPE_NAMES, type ActorKind, type RelationshipType } from '../../server/src/contracts/vocabulary.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { csvRecords } from '../../server/src/import/csv/records.js';
import { inputChecksum, prepareImport } from '../../server/src/import/formats.js';
import { runImport } from '../../server/src/import/pipeline.js';
import { progressLine } from '../../server/src/import/progress.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';
import { applySchema } from '../../server/src/repositories/migrations.js';
import { startBenchNeo4j, BENCH_NEO4J_MEMORY } from './lib/bench-neo4j.js';
import { Prng, ZipfSampler } from './lib/prng.js';
import { machine, writeResults } from './lib/report.js';
import { round } from './lib/stats.js';

interface Options {
  actors: number;
  relationships: number;
  sources: number;
  batch: number;
  seed: number;
  hubCap: number;
}

const DEFAULTS: Options = { actors: 100_000, relationships: 1_000_000, sources: 1_000, batch: 5_000, seed: 20_251_202, hubCap: 3_000 };

function parseOptions(args: string[]): Options {
  const o = { ...DEFAULTS };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '') as keyof Options;
    if (!(key in o)) throw new Error(`bench/import: unknown option ${args[i]}`);
    o[key] = Number(args[i + 1]);
  }
  return o;
}

/** Writes actors.csv and relationships.csv (streamed; a function of the options only). */
async function generate(o: Options, dir: string): Promise<{ actors: string; relationships: string }> {
  const actors = join(dir, 'actors.csv');
  const relationships = join(dir, 'relationships.csv');
  if (existsSync(join(dir, 'done'))) return { actors, relationships };
  await mkdir(dir, { recursive: true });
  const rng = new Prng(o.seed);
  const write = async (path: string, rows: () => Generator<string>) => {
    const out = createWriteStream(path);
    for (const row of rows()) if (!out.write(row)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  };
  const kinds = ACTOR_KIND_NAMES.filter((k) => k !== 'Place' && k !== 'Group');
  await write(actors, function* () {
    yield 'id,name,kind,aliases,description,country\n';
    for (let i = 0; i < o.actors; i++) {
      const kind = kinds[rng.int(kinds.length)] as ActorKind;
      yield `gen-a${i},Generated actor ${i},${kind},A${i}|Actor number ${i},Generated ${kind.toLowerCase()} number ${i}.,${rng.next() < 0.5 ? 'US' : ''}\n`;
    }
  });
  const zipf = new ZipfSampler(o.actors, 0.8);
  const order = rng.shuffle(Array.from({ length: o.actors }, (_, i) => i));
  const degree = new Uint32Array(o.actors);
  const endpoint = (): number => {
    for (let t = 0; t < 20; t++) {
      const a = order[zipf.sample(rng)] as number;
      if ((degree[a] as number) < o.hubCap) return a;
    }
    return rng.int(o.actors);
  };
  const types = RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'SANCTIONS');
  await write(relationships, function* () {
    yield 'id,source,target,type,status,since,quote,source_url,source_title,source_publisher,attributed_to,stance\n';
    for (let i = 0; i < o.relationships; i++) {
      const a = endpoint();
      let b = endpoint();
      if (b === a) b = (a + 1) % o.actors;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
      const s = rng.int(o.sources);
      const type = types[rng.int(types.length)] as RelationshipType;
      const since = rng.next() < 0.3 ? `${2000 + rng.int(25)}` : '';
      yield `gen-r${i},gen-a${a},gen-a${b},${type},active,${since},"Report ${s} says actor ${a} and actor ${b} are linked (${i}).",https://source${s}.example.org/report/${s},Report ${s},Publisher ${s % 97},Publisher ${s % 97},reported\n`;
    }
  });
  await writeFile(join(dir, 'done'), '');
  return { actors, relationships };
}

/** The baseline: the same rows, plain UNWIND $rows CREATE batches, one write transaction per batch. */
async function baseline(driver: import('neo4j-driver').Driver, files: { actors: string; relationships: string }, batch: number) {
  const session = () => driver.session({ database: 'neo4j', defaultAccessMode: 'WRITE' });
  const run = async (work: (tx: import('neo4j-driver').ManagedTransaction) => Promise<void>) => {
    const s = session();
    try {
      await s.executeWrite(work, { timeout: 600_000 });
    } finally {
      await s.close();
    }
  };
  const t0 = Date.now();
  let rows: { kind: string; props: Record<string, unknown> }[] = [];
  const flushActors = async () => {
    const byKind = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.props]);
    await run(async (tx) => {
      for (const [kind, props] of byKind) {
        if (!ACTOR_KIND_NAMES.includes(kind as ActorKind)) throw new Error(`bad kind ${kind}`);
        await tx.run(`UNWIND $rows AS row CREATE (n:Actor:${kind}) SET n = row`, { rows: props });
      }
    });
    rows = [];
  };
  for await (const r of csvRecords(files.actors)) {
    if ('error' in r) throw new Error(r.error);
    const c = r.record;
    rows.push({ kind: c.kind as string, props: { id: c.id, name: c.name, aliases: (c.aliases ?? '').split('|'), description: c.description, ...(c.country ? { country: c.country } : {}) } });
    if (rows.length >= batch) await flushActors();
  }
  await flushActors();
  const actorsMs = Date.now() - t0;
  // sources: created once, before the relationships (the baseline knows which ones exist)
  const t1 = Date.now();
  const created = new Set<string>();
  let rels: { type: string; source: string; target: string; props: Record<string, unknown>; claim: Record<string, unknown>; sourceId: string; sourceProps: Record<string, unknown> | null }[] = [];
  let relCount = 0;
  const flushRels = async () => {
    const byType = new Map<string, typeof rels>();
    for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    const newSources = rels.filter((r) => r.sourceProps !== null).map((r) => ({ id: r.sourceId, ...r.sourceProps }));
    await run(async (tx) => {
      if (newSources.length > 0) await tx.run('UNWIND $rows AS row CREATE (s:Source) SET s = row', { rows: newSources });
      for (const [type, group] of byType) {
        if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipType)) throw new Error(`bad type ${type}`);
        await tx.run(
          `UNWIND $rows AS row MATCH (a:Actor {id: row.source}) MATCH (b:Actor {id: row.target}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
          { rows: group.map((r) => ({ source: r.source, target: r.target, props: r.props })) },
        );
      }
      await tx.run('UNWIND $rows AS row MATCH (s:Source {id: row.sourceId}) CREATE (c:Claim) SET c = row.props CREATE (c)-[:CITES]->(s)', {
        rows: rels.map((r) => ({ sourceId: r.sourceId, props: r.claim })),
      });
    });
    relCount += rels.length;
    rels = [];
  };
  for await (const r of csvRecords(files.relationships)) {
    if ('error' in r) throw new Error(r.error);
    const c = r.record;
    const sourceId = `src-${c.source_url}`;
    const fresh = !created.has(sourceId);
    if (fresh) created.add(sourceId);
    rels.push({
      type: c.type as string,
      source: c.source as string,
      target: c.target as string,
      props: { id: c.id, status: c.status, summary: `${c.source} ${c.type} ${c.target}`, ...(c.since ? { since: c.since } : {}) },
      claim: { id: `${c.id}-c`, quote: c.quote, attributedTo: c.attributed_to, stance: c.stance, relationshipId: c.id },
      sourceId,
      sourceProps: fresh ? { title: c.source_title, publisher: c.source_publisher, url: c.source_url } : null,
    });
    if (rels.length >= batch) await flushRels();
  }
  await flushRels();
  const relationshipsMs = Date.now() - t1;
  return { actorsMs, relationshipsMs, totalMs: Date.now() - t0, relationships: relCount };
}

/** Runs `work`, sampling this process's resident set size; returns its result and the peak in MiB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 250);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMiB: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

async function withFreshNeo4j<T>(label: string, work: (driver: import('neo4j-driver').Driver) => Promise<T>): Promise<T> {
  const home = await mkdtemp(join(tmpdir(), `sightline-bench-import-${label}-`));
  const neo = await startBenchNeo4j(home);
  try {
    await applySchema(neo.driver, { database: 'neo4j' });
    return await work(neo.driver);
  } finally {
    await neo.stop();
    await rm(home, { recursive: true, force: true });
  }
}

async function countRelationshipsAndClaims(driver: import('neo4j-driver').Driver): Promise<{ relationships: number; claims: number }> {
  const r = await driver.executeQuery('MATCH (:Actor)-[r]->(:Actor) WITH count(r) AS rels MATCH (c:Claim) RETURN rels, count(c) AS claims', {}, { database: 'neo4j' });
  return { relationships: Number(r.records[0]?.get('rels')), claims: Number(r.records[0]?.get('claims')) };
}

export async function runImportBench(args: string[]): Promise<void> {
  const o = parseOptions(args);
  const key = `${o.actors}-${o.relationships}-${o.sources}-${o.seed}-${o.hubCap}`;
  const dir = join(REPO_ROOT, '.data', 'bench', `import-${key}`);
  console.log(`generating (or reusing) ${dir}`);
  const tg = Date.now();
  const files = await generate(o, dir);
  console.log(`data ready in ${round((Date.now() - tg) / 1000)} s`);

  console.log('baseline: plain UNWIND $rows CREATE batches on a fresh store');
  const base = await withFreshNeo4j('baseline', async (driver) => {
    const { result: r, peakRssMiB } = await withPeakRss(() => baseline(driver, files, o.batch));
    return { ...r, peakRssMiB, stored: await countRelationshipsAndClaims(driver) };
  });
  console.log(`  ${base.relationships} relationships in ${round(base.relationshipsMs / 1000)} s`);

  console.log('importer: npm run import code path on a fresh store');
  const imp = await withFreshNeo4j('importer', async (driver) => {
    const prepared = await prepareImport('csv', [files.actors, files.relationships]);
    let lastLog = 0;
    const sha256 = await inputChecksum([files.actors, files.relationships], { bench: key });
    const { result: report, peakRssMiB } = await withPeakRss(() => runImport(prepared.reader, new ImportRepository(new GraphDb(driver, { database: 'neo4j' })), {
      format: 'csv',
      files: ['actors.csv', 'relationships.csv'],
      sha256,
      batchSize: o.batch,
      onProgress: (p) => {
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          console.log(`  ${progressLine(p)}`);
        }
      },
    }));
    return { report, peakRssMiB, stored: await countRelationshipsAndClaims(driver) };
  });
  if (imp.report.failed !== 0) throw new Error(`bench/import: the importer reported ${imp.report.failed} failed rows`);
  for (const [name, stored] of [['baseline', base.stored], ['importer', imp.stored]] as const) {
    if (stored.relationships !== o.relationships || stored.claims !== o.relationships) {
      throw new Error(`bench/import: ${name} stored ${stored.relationships} relationships / ${stored.claims} claims, not ${o.relationships}`);
    }
  }
  const baseRate = o.relationships / (base.relationshipsMs / 1000);
  const impRate = o.relationships / (imp.report.timings.relationshipsMs / 1000);
  const baseEndToEnd = o.relationships / (base.totalMs / 1000);
  const impEndToEnd = o.relationships / (imp.report.timings.totalMs / 1000);
  const result = {
    machine: machine(),
    options: o,
    neo4jMemory: BENCH_NEO4J_MEMORY,
    baseline: {
      relationshipsPerSecond: round(baseRate, 0),
      endToEndRelationshipsPerSecond: round(baseEndToEnd, 0),
      actorsMs: base.actorsMs,
      relationshipsMs: base.relationshipsMs,
      totalMs: base.totalMs,
      peakRssMiB: base.peakRssMiB,
    },
    importer: {
      relationshipsPerSecond: round(impRate, 0),
      endToEndRelationshipsPerSecond: round(impEndToEnd, 0),
      peakRssMiB: imp.peakRssMiB,
      referenceCheckMs: imp.report.timings.scanMs,
      actorsMs: imp.report.timings.actorsMs,
      relationshipsMs: imp.report.timings.relationshipsMs,
      totalMs: imp.report.timings.totalMs,
      batches: imp.report.batches,
    },
    ratio: round(impRate / baseRate, 2),
    endToEndRatio: round(impEndToEnd / baseEndToEnd, 2),
    targets: { ratio: 0.8, relationshipsPerSecond: 20_000 },
  };
  const md = [
    `### Import (${o.relationships.toLocaleString('en')} relationships with evidence, ${o.actors.toLocaleString('en')} actors, batches of ${o.batch})`,
    '',
    '| | relationships/s (relationship phase) | relationship phase | actors phase | end to end | relationships/s end to end | peak RSS (Node) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| baseline: \`UNWIND $rows CREATE\` via neo4j-driver | ${result.baseline.relationshipsPerSecond.toLocaleString('en')} | ${round(base.relationshipsMs / 1000)} s | ${round(base.actorsMs / 1000)} s | ${round(base.totalMs / 1000)} s | ${result.baseline.endToEndRelationshipsPerSecond.toLocaleString('en')} | ${base.peakRssMiB} MiB |`,
    `| importer (\`npm run import\` code path) | ${result.importer.relationshipsPerSecond.toLocaleString('en')} | ${round(imp.report.timings.relationshipsMs / 1000)} s | ${round(imp.report.timings.actorsMs / 1000)} s (validates its rows too) | ${round(imp.report.timings.totalMs / 1000)} s | ${result.importer.endToEndRelationshipsPerSecond.toLocaleString('en')} | ${imp.peakRssMiB} MiB |`,
    '',
    `Importer / baseline: **${result.ratio}×** in the relationship phase (target ≥ 0.8×), **${result.endToEndRatio}×** end to end; importer ${result.importer.relationshipsPerSecond.toLocaleString('en')} relationships/s (target ≥ 20,000). One run each, fresh store each, ${machine().cpus} CPUs, ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
  await writeResults('import', result, md);
}

const isMain = process.argv[1]?.endsWith('tests/bench/import.ts');
if (isMain) await runImportBench(process.argv.slice(2));
