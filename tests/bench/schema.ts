/**
 * GET /api/schema on the large generated graph (the api bench's, cached under .data/bench/):
 *
 *   npm run bench -- schema [--actors 100000 --relationships 500000] [--requests 40] [--stats-runs 3]
 *
 * Subject: the real app (createApp, default options: statistics TTL 60 s, budget 2 s), in this
 * process, on an ephemeral port; requests one at a time (this measures one answer's cost, not
 * throughput), then a burst of 16 at once to a fresh app (a cold start under load).
 * Baselines, in the same run, through a bare driver (GraphDb over the bench's driver, no HTTP):
 * - "per-request work before": what every GET /api/schema ran before the statistics were kept per
 *   instance: SchemaRepository.counts() and the statistics' four queries (status and stance
 *   counts, property keys), all at once (as parallel as the route ever ran them, or more);
 * - "exact counts only": SchemaRepository.counts(), the floor of what each answer still reads.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../server/src/app.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { createLogger } from '../../server/src/logger.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { applySchema } from '../../server/src/repositories/migrations.js';
import { RELATIONSHIP_TYPE_NAMES } from '../../server/src/contracts/vocabulary.js';
import { NODE_PROPERTIES, REL_PROPERTIES, SchemaRepository, STANCE_COUNTS, STATUS_COUNTS } from '../../server/src/repositories/schema-repository.js';
import { SCHEMA_STATS_DEFAULTS } from '../../server/src/routes/schema/options.js';
import { cacheKey, flag, generateGraph, generatorOptionsFrom, loadGraph, type LoadReport } from './generate.js';
import { BENCH_NEO4J_MEMORY, startBenchNeo4j, type BenchNeo4j } from './lib/bench-neo4j.js';
import { machine, writeResults } from './lib/report.js';
import { percentile, round } from './lib/stats.js';

const DATABASE = 'neo4j';

/** The api bench's cached database (the same key), loaded here when missing. */
async function openGraph(args: string[]): Promise<{ neo4j: BenchNeo4j; load: LoadReport; cached: boolean }> {
  const options = generatorOptionsFrom(args);
  const folder = join(REPO_ROOT, '.data', 'bench', cacheKey(options));
  const marker = join(folder, 'generated.json');
  if (existsSync(marker)) {
    console.log(`reusing the generated database in ${folder}`);
    const bench = await startBenchNeo4j(join(folder, 'neo4j'));
    await applySchema(bench.driver, { database: DATABASE });
    return { neo4j: bench, load: JSON.parse(await readFile(marker, 'utf8')) as LoadReport, cached: true };
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const bench = await startBenchNeo4j(join(folder, 'neo4j'));
  try {
    console.log(`loading the graph into ${folder}…`);
    await applySchema(bench.driver, { database: DATABASE });
    const load = await loadGraph(bench.driver, generateGraph(options), { database: DATABASE, method: 'cypher' });
    await writeFile(marker, `${JSON.stringify({ ...load, options }, null, 2)}\n`);
    return { neo4j: bench, load, cached: false };
  } catch (error) {
    await bench.stop();
    throw error;
  }
}

function summary(ms: number[]): { n: number; p50: number; p90: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, p50: round(percentile(sorted, 50), 1), p90: round(percentile(sorted, 90), 1), max: round(sorted[sorted.length - 1] ?? 0, 1) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

async function serve(bench: BenchNeo4j) {
  const app = createApp({ driver: bench.driver, database: DATABASE, logger: createLogger('warn'), neo4jMode: 'embedded' });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async () => {
    const r = await fetch(`${baseUrl}/api/schema`);
    const body = (await r.json()) as { data?: { statsAsOf: string | null } };
    return { status: r.status, statsAsOf: body.data?.statsAsOf ?? null };
  };
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { get, close };
}

export async function runSchemaBench(args: string[]): Promise<void> {
  const requests = Number(flag(args, 'requests') ?? 40);
  const statsRuns = Number(flag(args, 'stats-runs') ?? 3);
  const options = generatorOptionsFrom(args);
  const db = await openGraph(args);
  try {
    const repository = new SchemaRepository(new GraphDb(db.neo4j.driver, { database: DATABASE }));
    await repository.counts(); // warm the page cache a little, both sides alike

    // Subject 1: a fresh app, 16 requests at once (cold start under load), then one at a time.
    const burstApp = await serve(db.neo4j);
    const tBurst = performance.now();
    const burst = await Promise.all(Array.from({ length: 16 }, () => timed(burstApp.get)));
    while (!(await burstApp.get()).statsAsOf) await new Promise((r) => setTimeout(r, 200));
    const burstStatsKnownAfterMs = performance.now() - tBurst;
    await burstApp.close();

    const app = await serve(db.neo4j);
    const first = await timed(app.get);
    let filledAfterMs: number | null = first.value.statsAsOf ? first.ms : null;
    const tFirst = performance.now();
    while (filledAfterMs === null) {
      await new Promise((r) => setTimeout(r, 200));
      const r = await app.get();
      if (r.statsAsOf) filledAfterMs = first.ms + (performance.now() - tFirst);
    }
    const warm: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const r = await timed(app.get);
      if (r.value.status !== 200) throw new Error(`GET /api/schema answered ${r.value.status}`);
      warm.push(r.ms);
    }
    await app.close();

    // Baselines through the bare driver, same run.
    const countsOnly: number[] = [];
    for (let i = 0; i < requests; i += 1) countsOnly.push((await timed(() => repository.counts())).ms);
    const before: number[] = [];
    const graphDb = new GraphDb(db.neo4j.driver, { database: DATABASE });
    const perRequestBefore = () =>
      Promise.all([
        repository.counts(),
        graphDb.read(STATUS_COUNTS, { types: RELATIONSHIP_TYPE_NAMES }),
        graphDb.read(STANCE_COUNTS),
        graphDb.read(NODE_PROPERTIES),
        graphDb.read(REL_PROPERTIES),
      ]);
    for (let i = 0; i < statsRuns; i += 1) before.push((await timed(perRequestBefore)).ms);
    // What the app's background refresh costs now (one query after another).
    const refresh: number[] = [];
    for (let i = 0; i < statsRuns; i += 1) refresh.push((await timed(() => repository.statistics(SCHEMA_STATS_DEFAULTS.queryTimeoutMs))).ms);

    const results = {
      apiWarm: summary(warm),
      apiFirstCall: { ms: round(first.ms, 1), withStats: first.value.statsAsOf !== null, statsKnownAfterMs: round(filledAfterMs, 0) },
      apiColdBurst16: { ...summary(burst.map((b) => b.ms)), statuses: burst.map((b) => b.value.status), withStats: burst.filter((b) => b.value.statsAsOf).length, statsKnownAfterMs: round(burstStatsKnownAfterMs, 0) },
      bareCountsOnly: summary(countsOnly),
      barePerRequestWorkBefore: summary(before),
      bareBackgroundRefresh: summary(refresh),
      ratioApiToCountsOnly: round(summary(warm).p50 / summary(countsOnly).p50, 2),
      speedupOverBefore: round(summary(before).p50 / summary(warm).p50, 0),
    };
    const md = [
      `### GET /api/schema on ${options.actors.toLocaleString('en')} actors / ${options.relationships.toLocaleString('en')} relationships (${new Date().toISOString().slice(0, 10)})`,
      '',
      `Requests one at a time, in-process app with its defaults (statistics TTL ${SCHEMA_STATS_DEFAULTS.ttlMs / 1000} s, budget ${SCHEMA_STATS_DEFAULTS.budgetMs / 1000} s); Neo4j heap ${BENCH_NEO4J_MEMORY.heap}, page cache ${BENCH_NEO4J_MEMORY.pageCache}.`,
      '',
      '| Measure | p50 | p90 | max | n |',
      '| --- | --- | --- | --- | --- |',
      `| API, warm (statistics kept) | ${results.apiWarm.p50} ms | ${results.apiWarm.p90} ms | ${results.apiWarm.max} ms | ${results.apiWarm.n} |`,
      `| bare: exact counts only (the floor) | ${results.bareCountsOnly.p50} ms | ${results.bareCountsOnly.p90} ms | ${results.bareCountsOnly.max} ms | ${results.bareCountsOnly.n} |`,
      `| bare: per-request work before (counts + statistics) | ${results.barePerRequestWorkBefore.p50} ms | ${results.barePerRequestWorkBefore.p90} ms | ${results.barePerRequestWorkBefore.max} ms | ${results.barePerRequestWorkBefore.n} |`,
      `| bare: one background refresh of the statistics (sequential) | ${results.bareBackgroundRefresh.p50} ms | ${results.bareBackgroundRefresh.p90} ms | ${results.bareBackgroundRefresh.max} ms | ${results.bareBackgroundRefresh.n} |`,
      `| API, fresh app, 16 requests at once | ${results.apiColdBurst16.p50} ms | ${results.apiColdBurst16.p90} ms | ${results.apiColdBurst16.max} ms | 16 (statuses ${[...new Set(results.apiColdBurst16.statuses)].join(', ')}; ${results.apiColdBurst16.withStats} with statistics, known after ${results.apiColdBurst16.statsKnownAfterMs} ms) |`,
      '',
      `API warm / exact counts only: ${results.ratioApiToCountsOnly}× at the median; per-request work before / API warm: ${results.speedupOverBefore}×. ` +
        `A fresh app's first call: ${results.apiFirstCall.ms} ms (${results.apiFirstCall.withStats ? 'with' : 'without'} statistics); statistics known after ${results.apiFirstCall.statsKnownAfterMs} ms.`,
    ].join('\n');
    await writeResults('schema', { machine: machine(), options: { ...options, requests, statsRuns }, neo4jMemory: BENCH_NEO4J_MEMORY, databaseCached: db.cached, loadAverage: (await readFile('/proc/loadavg', 'utf8')).trim(), results }, md);
  } finally {
    await db.neo4j.stop();
  }
}
