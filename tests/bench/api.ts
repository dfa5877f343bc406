/**
 * Explorer API benchmark: search and depth-1 neighbourhood under 32 concurrent clients on a large
 * generated graph, each beside a baseline of the same Cypher run through the bare driver.
 *
 *   npm run bench -- api [--actors 100000 --relationships 500000] [--duration 20] [--warmup 5]
 *                        [--rounds 2] [--connections 32] [--fresh] [--method cypher|apoc]
 *                        [--only search,neighborhood,...] [--extra-app label=<api-server.ts|.js>]...
 *
 * --extra-app (repeatable) serves another build of the app beside this one, e.g. the previous
 * commit (`git archive HEAD | tar -x -C /tmp/before`, then label=/tmp/before/tests/bench/lib/api-server.ts)
 * or compiled JavaScript (a .js path runs under plain node, without tsx): each round then runs
 * this app, each extra app, then the bare driver, so before/after ratios share the same
 * conditions (the machine may be shared and noisy).
 *
 * 1. The graph (tests/bench/generate.ts, deterministic) is loaded once into an embedded Neo4j
 *    whose folder is cached under .data/bench/<key>/ (key = generator version + options), so a
 *    re-run starts in seconds; --fresh rebuilds it. The bench's Neo4j gets a 1g heap and a 1g page
 *    cache (BENCH_NEO4J_MEMORY).
 * 2. The real app (createApp) runs in a child process on an ephemeral port (tests/bench/lib/
 *    api-server.ts), so autocannon does not share its event loop.
 * 3. Per subject: a warm-up of each side, then --rounds x (API with autocannon, then the bare
 *    driver), A B A B, each for --duration seconds at --connections requests in flight, both walking
 *    the same list of parameters in the same order (a shared counter). Latencies are recorded per
 *    request on both sides and summarised with the same code.
 *
 * The baseline runs exactly the Cypher text the repository runs, with the same parameters, through
 * a driver made by the app's createDriver (same pool and settings), executeQuery with READ routing
 * and the same transaction timeout as GraphDb.read; it skips what the API adds (HTTP, Express,
 * validation, record conversion, presenting, JSON).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { GRAPH_DB_DEFAULTS } from '../../server/src/db/graph-db.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { applySchema } from '../../server/src/repositories/migrations.js';
import {
  depthOneParams,
  NEIGHBORHOOD_DEPTH_ONE,
  NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES,
} from '../../server/src/repositories/neighborhood-repository.js';
import {
  actorSearchParams,
  SEARCH_ACTORS,
  SEARCH_SOURCES,
  sourceSearchParams,
} from '../../server/src/repositories/search-repository.js';
import {
  cacheKey,
  degreeFacts,
  flag,
  generateGraph,
  generatorOptionsFrom,
  hubActorIds,
  loadGraph,
  randomActorIds,
  searchTerms,
  type GeneratedGraph,
  type LoadMethod,
  type LoadReport,
} from './generate.js';
import { BENCH_NEO4J_MEMORY, startBenchNeo4j, type BenchNeo4j } from './lib/bench-neo4j.js';
import { machine, writeResults } from './lib/report.js';
import { percentile, round } from './lib/stats.js';

const DATABASE = 'neo4j';
/** Default `limit` of GET /api/search and of the neighbourhood (route schemas). */
const SEARCH_LIMIT = 10;
const NEIGHBORHOOD_LIMIT = 100;
const P99_TARGET_MS = 50;
const RATIO_TARGET = 1.3;

interface Measured {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

function summarise(latencies: number[], seconds: number, errors: number): Measured {
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds, 2),
    perSecond: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50), 2),
    p90: round(percentile(latencies, 90), 2),
    p99: round(percentile(latencies, 99), 2),
    mean: round(mean, 2),
    max: round(Math.max(...latencies), 1),
  };
}

// ---------------------------------------------------------------------------------------------
// The two sides
// ---------------------------------------------------------------------------------------------

interface RunResult {
  latencies: number[];
  measured: Measured;
  autocannon?: { p50: number; p90: number; p99: number; mean: number; non2xx: number; errors: number; timeouts: number; bytesPerResponse: number };
  /** API: non-2xx answers by status (e.g. 503 when Neo4j is overloaded: see middlewares/error-handler.ts); bare: errors by driver code. */
  statuses?: Record<string, number>;
}

/** autocannon against the app: `connections` in flight, paths taken in order from a shared counter. */
function runApi(baseUrl: string, paths: string[], seconds: number, connections: number): Promise<RunResult> {
  let next = 0;
  const latencies: number[] = [];
  let bad = 0;
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }) }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          latencies,
          measured: summarise(latencies, result.duration, bad + result.errors),
          statuses,
          autocannon: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            mean: result.latency.average,
            non2xx: result.non2xx,
            errors: result.errors,
            timeouts: result.timeouts,
            bytesPerResponse: round(result.throughput.total / Math.max(1, result.requests.total), 0),
          },
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else {
        bad += 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    });
  });
}

/** What the failed requests of an API run were: statuses answered, and autocannon's own timeouts (no answer within 10 s). */
function failures(run: RunResult): string {
  const parts = Object.entries(run.statuses ?? {}).map(([status, n]) => `${n} × ${status}`);
  if (run.autocannon?.timeouts) parts.push(`${run.autocannon.timeouts} client timeouts`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The bare driver: `concurrency` workers, operations taken in order from a shared counter. */
async function runBare(op: (i: number) => Promise<unknown>, n: number, seconds: number, concurrency: number): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = next++ % n;
        const t = performance.now();
        try {
          await op(i);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          // The driver's error code (Neo.ClientError.Transaction.TransactionTimedOut…), or its message's start.
          const e = error as { code?: unknown; message?: unknown };
          const key = typeof e.code === 'string' && e.code !== 'N/A' ? e.code : String(e.message ?? error).slice(0, 40);
          statuses[key] = (statuses[key] ?? 0) + 1;
        }
      }
    }),
  );
  return { latencies, measured: summarise(latencies, (performance.now() - start) / 1000, errors), statuses };
}

// ---------------------------------------------------------------------------------------------
// Subjects: URLs for the API, the same Cypher + parameters for the bare driver
// ---------------------------------------------------------------------------------------------

interface Subject {
  name: string;
  description: string;
  paths: string[];
  /** The bare-driver equivalent of paths[i]. */
  bare: (driver: Driver, i: number) => Promise<unknown>;
  /** Checks one API answer (the bench refuses to time wrong answers). */
  check: (body: unknown, i: number) => string | undefined;
}

const readConfig = { database: DATABASE, routing: neo4j.routing.READ, transactionConfig: { timeout: GRAPH_DB_DEFAULTS.readTimeoutMs } };

/** The Cypher of SearchRepository, imported so the baseline runs exactly what the route runs. */
function searchCypher(): { actors: string; sources: string; origin: string } {
  return { actors: SEARCH_ACTORS, sources: SEARCH_SOURCES, origin: 'imported from search-repository.ts' };
}

function searchSubject(graph: GeneratedGraph, cypher: { actors: string; sources: string }): Subject {
  const terms = searchTerms(graph, 600);
  // What the route does: parse q (trimmed), then the repository's two queries in parallel.
  const params = terms.map(({ q }) => ({
    actors: actorSearchParams(q, { kinds: [], limit: SEARCH_LIMIT }),
    sources: sourceSearchParams(q, SEARCH_LIMIT),
  }));
  return {
    name: 'search',
    description: `GET /api/search?q= over ${terms.length} texts from generated names (1/3 exact name, 1/3 prefix as typed, 1/3 one typo); bare: SEARCH_ACTORS and SEARCH_SOURCES in parallel, as the route runs them`,
    paths: terms.map(({ q }) => `/api/search?q=${encodeURIComponent(q)}`),
    bare: (driver, i) => {
      const p = params[i] as (typeof params)[number];
      return Promise.all([driver.executeQuery(cypher.actors, p.actors, readConfig), driver.executeQuery(cypher.sources, p.sources, readConfig)]);
    },
    check: (body, i) => {
      const data = (body as { data?: { actors?: Array<{ id: string }> } }).data;
      if (!Array.isArray(data?.actors)) return 'no data.actors array';
      const term = terms[i];
      // An exact name must find its actor (names are shared, so it may not rank first among 10).
      if (term?.kind === 'exact' && data.actors.length === 0) return `exact name "${term.q}" found nothing`;
      return undefined;
    },
  };
}

/** The repository's own parameters for GET /api/actors/:id/neighborhood?depth=1 with the defaults. */
function neighborhoodParams(id: string): Record<string, unknown> {
  return depthOneParams([id], { depth: 1, direction: 'both', limit: NEIGHBORHOOD_LIMIT });
}

/**
 * GET /api/actors/:id/neighborhood?depth=1 beside the repository's Cypher for it: the default
 * (edges among the neighbours included) or `?includeInterEdges=false` (only edges touching the
 * centre: the query of the earlier benchmark runs).
 */
function neighborhoodSubject(name: string, description: string, ids: string[], interEdges = true): Subject {
  const cypher = interEdges ? NEIGHBORHOOD_DEPTH_ONE.both : NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES.both;
  // What NeighborhoodRepository sends for ?depth=1 and the defaults (both, all types, limit 100).
  const params = ids.map(neighborhoodParams);
  return {
    name,
    description,
    paths: ids.map((id) => `/api/actors/${id}/neighborhood?depth=1${interEdges ? '' : '&includeInterEdges=false'}`),
    bare: (driver, i) => driver.executeQuery(cypher, params[i] as (typeof params)[number], readConfig),
    check: (body, i) => {
      const nodes = (body as { data?: { elements?: { nodes?: Array<{ data: { id: string } }> } } }).data?.elements?.nodes;
      if (!Array.isArray(nodes)) return 'no data.elements.nodes array';
      if (!nodes.some((n) => n.data.id === ids[i])) return `the neighbourhood of ${ids[i]} does not contain it`;
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Infrastructure: cached graph database, the app's process, memory, PROFILE
// ---------------------------------------------------------------------------------------------

async function openGraphDatabase(
  graph: GeneratedGraph,
  fresh: boolean,
  method: LoadMethod,
): Promise<{ neo4j: BenchNeo4j; load: LoadReport; cached: boolean; folder: string }> {
  const folder = join(REPO_ROOT, '.data', 'bench', cacheKey(graph.options));
  const marker = join(folder, 'generated.json');
  if (!fresh && existsSync(marker)) {
    console.log(`reusing the generated database in ${folder}`);
    const load = JSON.parse(await readFile(marker, 'utf8')) as LoadReport;
    const bench = await startBenchNeo4j(join(folder, 'neo4j'));
    // The app may rely on constraints or indexes added to cypher/schema since the cache was built
    // (idempotent: only what is missing is created, then awaited).
    await applySchema(bench.driver, { database: DATABASE });
    return { neo4j: bench, load, cached: true, folder };
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const bench = await startBenchNeo4j(join(folder, 'neo4j'));
  console.log(`loading the graph into ${folder} (${method})…`);
  try {
    const load = await loadGraph(bench.driver, graph, { database: DATABASE, method });
    await writeFile(marker, `${JSON.stringify({ ...load, options: graph.options }, null, 2)}\n`);
    return { neo4j: bench, load, cached: false, folder };
  } catch (error) {
    await bench.stop();
    throw error;
  }
}

/** The app's server script in this checkout. */
const API_SERVER = join(REPO_ROOT, 'tests', 'bench', 'lib', 'api-server.ts');

/** Serves an app build (an api-server script: .ts under tsx, .js under plain node) in a child process. */
async function startApp(bench: BenchNeo4j, script = API_SERVER): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, script.endsWith('.ts') ? ['--import', 'tsx', script] : [script], {
    cwd: script === API_SERVER ? REPO_ROOT : dirname(script),
    env: {
      ...process.env,
      BENCH_NEO4J_URI: bench.connection.uri,
      BENCH_NEO4J_USER: bench.connection.user,
      BENCH_NEO4J_PASSWORD: bench.connection.password,
      LOG_LEVEL: 'warn',
      SIGHTLINE_LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function rssMiB(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? Number.NaN);
  return Number.isFinite(kb) ? round(kb / 1024, 0) : undefined;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

interface CpuPerRequest {
  /** Milliseconds of CPU per request/query, per process. */
  neo4jMs: number;
  appMs?: number;
  benchMs: number;
  /** 1-minute load average at the end of the run (other work on the machine shows here). */
  loadAverage: number;
}

/** Runs `fn` and divides each process's CPU time over it by the requests it completed. */
async function withCpu(pids: { neo4j?: number; app?: number }, fn: () => Promise<RunResult>): Promise<RunResult & { cpu: CpuPerRequest }> {
  const before = { neo4j: await cpuSeconds(pids.neo4j), app: await cpuSeconds(pids.app), bench: process.cpuUsage() };
  const result = await fn();
  const n = Math.max(1, result.latencies.length);
  const bench = process.cpuUsage(before.bench);
  const cpu: CpuPerRequest = {
    neo4jMs: round(((await cpuSeconds(pids.neo4j)) - before.neo4j) * 1000 / n, 2),
    benchMs: round((bench.user + bench.system) / 1000 / n, 2),
    loadAverage: Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]),
  };
  if (pids.app !== undefined) cpu.appMs = round(((await cpuSeconds(pids.app)) - before.app) * 1000 / n, 2);
  return { ...result, cpu };
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function flattenPlan(node: PlanNode, out: Array<{ operator: string; dbHits: number; rows: number; details?: string }> = []) {
  out.push({
    operator: node.operatorType,
    dbHits: Number(node.dbHits),
    rows: Number(node.rows),
    details: typeof node.arguments.Details === 'string' ? node.arguments.Details.slice(0, 160) : undefined,
  });
  for (const child of node.children) flattenPlan(child, out);
  return out;
}

/** PROFILE one query: total db hits, the heaviest operators, runtime, server time. */
async function profile(driver: Driver, label: string, cypher: string, params: Record<string, unknown>) {
  const session = driver.session({ database: DATABASE, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(cypher, params); // planned and warm
    const t = performance.now();
    const result = await session.run(`PROFILE ${cypher}`, params);
    const ms = performance.now() - t;
    const plan = result.summary.profile as unknown as PlanNode | false;
    if (!plan) return { label, error: 'no profile' };
    const ops = flattenPlan(plan);
    return {
      label,
      totalDbHits: ops.reduce((n, o) => n + o.dbHits, 0),
      rows: result.records.length,
      runtime: plan.arguments.runtime,
      clientMs: round(ms, 1),
      topOperators: [...ops].sort((a, b) => b.dbHits - a.dbHits).slice(0, 6),
    };
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The bench
// ---------------------------------------------------------------------------------------------

export async function runApiBench(args: string[]): Promise<void> {
  const options = generatorOptionsFrom(args);
  const seconds = Number(flag(args, 'duration') ?? 20);
  const warmup = Number(flag(args, 'warmup') ?? 5);
  const rounds = Number(flag(args, 'rounds') ?? 2);
  const connections = Number(flag(args, 'connections') ?? 32);
  const method = (flag(args, 'method') ?? 'cypher') as LoadMethod;
  const only = flag(args, 'only')?.split(',');
  // --extra-app label=path, repeatable: other builds of the app, measured in the same rounds.
  const extraSpecs = args
    .flatMap((a, i) => (a === '--extra-app' && args[i + 1] ? [args[i + 1] as string] : []))
    .map((spec) => {
      const eq = spec.indexOf('=');
      if (eq <= 0) throw new Error(`--extra-app wants label=<path to api-server.ts or .js>, got "${spec}"`);
      return { label: spec.slice(0, eq), script: spec.slice(eq + 1) };
    });

  const t0 = performance.now();
  const graph = generateGraph(options);
  const degrees = degreeFacts(graph);
  console.log(`graph generated in memory in ${round((performance.now() - t0) / 1000)} s`, options, degrees);
  const tLoad = performance.now();
  const db = await openGraphDatabase(graph, args.includes('--fresh'), method);
  const openSeconds = round((performance.now() - tLoad) / 1000, 1);
  const bare = db.neo4j.driver;
  let app: { child: ChildProcess; baseUrl: string } | undefined;
  const extras: Array<{ label: string; script: string; child: ChildProcess; baseUrl: string }> = [];
  try {
    app = await startApp(db.neo4j);
    for (const e of extraSpecs) extras.push({ ...e, ...(await startApp(db.neo4j, e.script)) });
    const search = searchCypher();
    const median = hubActorIds(graph, graph.actors.length)[Math.floor(graph.actors.length / 2)] as string;
    const subjects: Subject[] = [
      searchSubject(graph, search),
      neighborhoodSubject(
        'neighborhood',
        'GET /api/actors/<id>/neighborhood?depth=1 over 1000 actor ids drawn uniformly; bare: NEIGHBORHOOD_DEPTH_ONE.both, same parameters',
        randomActorIds(graph, 1000),
      ),
      neighborhoodSubject(
        'neighborhood-centre-edges',
        'the same 1000 actors with ?includeInterEdges=false (only edges touching the centre, the query of earlier runs); bare: NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES.both',
        randomActorIds(graph, 1000),
        false,
      ),
      neighborhoodSubject(
        'neighborhood-hubs',
        'GET /api/actors/<id>/neighborhood?depth=1 over the 50 actors of highest degree (the worst case); bare: NEIGHBORHOOD_DEPTH_ONE.both',
        hubActorIds(graph, 50),
      ),
    ].filter((s) => !only || only.includes(s.name));

    // Refuse to time wrong answers: check a sample of every subject through the API first.
    for (const s of subjects) {
      const sample = Math.min(s.paths.length, 60);
      for (let i = 0; i < sample; i += 1) {
        const res = await fetch(`${app.baseUrl}${s.paths[i]}`);
        if (res.status !== 200) throw new Error(`${s.name}: ${s.paths[i]} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        const problem = s.check(await res.json(), i);
        if (problem) throw new Error(`${s.name}: ${s.paths[i]}: ${problem}`);
      }
      console.log(`${s.name}: ${sample} sample answers checked`);
    }

    const results: Record<string, unknown> = {};
    const rows: string[] = [];
    const cpuRows: string[] = [];
    const extraRows: string[] = [];
    for (const s of subjects) {
      console.log(`\n== ${s.name}: warm-up ${warmup} s each side`);
      await runApi(app.baseUrl, s.paths, warmup, connections);
      await runBare((i) => s.bare(bare, i), s.paths.length, warmup, connections);
      const pids = { neo4j: db.neo4j.embedded.pid, app: app.child.pid };
      const apiRuns: Array<RunResult & { cpu: CpuPerRequest }> = [];
      const bareRuns: Array<RunResult & { cpu: CpuPerRequest }> = [];
      const extraRuns = new Map<string, Array<RunResult & { cpu: CpuPerRequest }>>(extras.map((e) => [e.label, []]));
      for (const e of extras) await runApi(e.baseUrl, s.paths, warmup, connections);
      for (let r = 0; r < rounds; r += 1) {
        const a = await withCpu(pids, () => runApi(app?.baseUrl ?? '', s.paths, seconds, connections));
        console.log(`  round ${r + 1} API  p50 ${a.measured.p50} ms, p99 ${a.measured.p99} ms, ${a.measured.perSecond} req/s, errors/non-2xx ${a.measured.errors}${failures(a)}`);
        apiRuns.push(a);
        for (const e of extras) {
          const x = await withCpu({ neo4j: pids.neo4j, app: e.child.pid }, () => runApi(e.baseUrl, s.paths, seconds, connections));
          console.log(`  round ${r + 1} ${e.label} p50 ${x.measured.p50} ms, p99 ${x.measured.p99} ms, ${x.measured.perSecond} req/s, errors/non-2xx ${x.measured.errors}${failures(x)}`);
          extraRuns.get(e.label)?.push(x);
        }
        const b = await withCpu({ neo4j: pids.neo4j }, () => runBare((i) => s.bare(bare, i), s.paths.length, seconds, connections));
        console.log(`  round ${r + 1} bare p50 ${b.measured.p50} ms, p99 ${b.measured.p99} ms, ${b.measured.perSecond} q/s, errors ${b.measured.errors}${failures(b)}`);
        bareRuns.push(b);
      }
      const merge = (runs: RunResult[]) =>
        summarise(
          runs.flatMap((x) => x.latencies),
          runs.reduce((n, x) => n + x.measured.seconds, 0),
          runs.reduce((n, x) => n + x.measured.errors, 0),
        );
      const api = merge(apiRuns);
      const base = merge(bareRuns);
      const avg = (runs: Array<{ cpu: CpuPerRequest }>, key: keyof CpuPerRequest) =>
        round(runs.reduce((n, x) => n + Number(x.cpu[key] ?? 0), 0) / Math.max(1, runs.length), 2);
      const ratio = round(api.p50 / base.p50, 2);
      const memory = {
        neo4jRssMiB: await rssMiB(db.neo4j.embedded.pid),
        appRssMiB: await rssMiB(app.child.pid),
        benchRssMiB: round(process.memoryUsage().rss / 2 ** 20, 0),
      };
      results[s.name] = {
        description: s.description,
        requestsInList: s.paths.length,
        api,
        bare: base,
        ratioOfMedians: ratio,
        rounds: apiRuns.map((a, i) => ({
          api: a.measured,
          apiCpuPerRequest: a.cpu,
          autocannon: a.autocannon,
          apiFailures: a.statuses,
          bare: bareRuns[i]?.measured,
          bareFailures: bareRuns[i]?.statuses,
          bareCpuPerQuery: bareRuns[i]?.cpu,
        })),
        memory,
        extraApps: Object.fromEntries(
          [...extraRuns].map(([label, runs]) => {
            const m = merge(runs);
            return [label, { api: m, ratioOfMedians: round(m.p50 / base.p50, 2), appCpuMsPerRequest: avg(runs, 'appMs'), neo4jCpuMsPerRequest: avg(runs, 'neo4jMs') }];
          }),
        ),
      };
      for (const [label, runs] of extraRuns) {
        const m = merge(runs);
        extraRows.push(`| ${s.name} | ${label} | ${m.p50} / ${m.p99} ms / ${m.perSecond} req/s | ${round(m.p50 / base.p50, 2)}× | ${avg(runs, 'appMs')} / ${avg(runs, 'neo4jMs')} |`);
      }
      extraRows.push(`| ${s.name} | this build | ${api.p50} / ${api.p99} ms / ${api.perSecond} req/s | ${ratio}× | ${avg(apiRuns, 'appMs')} / ${avg(apiRuns, 'neo4jMs')} |`);
      const p99Met = api.p99 < P99_TARGET_MS;
      const ratioMet = ratio <= RATIO_TARGET;
      const verdict = [
        p99Met ? `p99 < ${P99_TARGET_MS} ms: yes` : `p99 < ${P99_TARGET_MS} ms: **no**${base.p99 >= P99_TARGET_MS ? ` (bare driver ${base.p99} ms: not reachable here)` : ''}`,
        ratioMet ? `ratio ≤ ${RATIO_TARGET}: yes` : `ratio ≤ ${RATIO_TARGET}: **no**`,
      ].join('; ');
      cpuRows.push(
        `| ${s.name} | ${avg(apiRuns, 'neo4jMs')} / ${avg(bareRuns, 'neo4jMs')} | ${avg(apiRuns, 'appMs')} | ${avg(apiRuns, 'benchMs')} / ${avg(bareRuns, 'benchMs')} | ${apiRuns[0]?.autocannon?.bytesPerResponse ?? '—'} | ${apiRuns.map((x) => x.cpu.loadAverage).join(', ')} / ${bareRuns.map((x) => x.cpu.loadAverage).join(', ')} |`,
      );
      rows.push(
        `| ${s.name} | ${api.p50} / ${api.p99} ms / ${api.perSecond} req/s | ${base.p50} / ${base.p99} ms / ${base.perSecond} q/s | ${ratio}× | ${verdict} |`,
      );
    }

    // Where the time goes: PROFILE on the big graph (a median-degree actor, a hub, three searches).
    const hub = hubActorIds(graph, 1)[0] as string;
    const terms = searchTerms(graph, 3);
    const idIndex = new Map(graph.actors.map((a, i) => [a.id, i]));
    const profiles = [
      await profile(bare, `neighbourhood, median-degree actor (degree ${graph.degree[idIndex.get(median) ?? 0]})`, NEIGHBORHOOD_DEPTH_ONE.both, neighborhoodParams(median)),
      await profile(bare, `neighbourhood, top hub (degree ${graph.degree[idIndex.get(hub) ?? 0]})`, NEIGHBORHOOD_DEPTH_ONE.both, neighborhoodParams(hub)),
      await profile(bare, `neighbourhood without edges among neighbours, median-degree actor`, NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES.both, neighborhoodParams(median)),
      await profile(bare, `neighbourhood without edges among neighbours, top hub`, NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES.both, neighborhoodParams(hub)),
    ];
    for (const t of terms) {
      profiles.push(
        await profile(bare, `search actors, ${t.kind} "${t.q}"`, search.actors, actorSearchParams(t.q, { kinds: [], limit: SEARCH_LIMIT }) ?? {}),
      );
    }
    profiles.push(
      await profile(bare, `search sources, ${terms[0]?.kind} "${terms[0]?.q}"`, search.sources, sourceSearchParams(terms[0]?.q ?? '', SEARCH_LIMIT) ?? {}),
    );

    const m = machine();
    const md = [
      `### Explorer API under load (${new Date().toISOString().slice(0, 10)}, ${m.cpus} cores, ${options.actors.toLocaleString('en')} actors / ${options.relationships.toLocaleString('en')} relationships)`,
      '',
      `${connections} requests in flight for ${rounds} × ${seconds} s per side (after a ${warmup} s warm-up), API and bare driver alternated (A B A B), same parameters in the same order. ` +
        `Neo4j heap ${BENCH_NEO4J_MEMORY.heap}, page cache ${BENCH_NEO4J_MEMORY.pageCache}; app logging at warn; no response compression (autocannon sends no Accept-Encoding).`,
      '',
      '| Subject | API p50 / p99 / throughput | Bare driver p50 / p99 / throughput | Ratio of medians (API / bare) | Target met? |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Target: p99 < ${P99_TARGET_MS} ms and API/bare ≤ ${RATIO_TARGET}× at the median. Where the bare driver itself is over ${P99_TARGET_MS} ms at p99 on these cores, the ratio is the bar. ` +
        `Graph: degree p50 ${degrees.p50}, p99 ${degrees.p99}, max ${degrees.max} (hub cap ${options.hubCap}); ${db.load.counts.claims.toLocaleString('en')} claims citing ${options.sources} sources. ` +
        `Loaded in ${db.load.seconds.total} s (${db.load.rates.relationshipsPerSecond} relationships/s with their claims, ${db.load.method} method)${db.cached ? ', reused from the cache' : ''}.`,
      '',
      'CPU per request (process CPU time over a run / requests completed), and the machine\'s 1-minute load average at the end of each run (2 cores; other work on the machine shows here):',
      '',
      '| Subject | Neo4j ms (API / bare) | App ms | Client ms (autocannon / bare driver) | Bytes per response | Load average (API runs / bare runs) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...cpuRows,
      '',
      ...(extras.length > 0
        ? [
            `Other builds of the app, measured in the same rounds (each round: this build, ${extras.map((e) => e.label).join(', ')}, then the bare driver):`,
            '',
            '| Subject | Build | API p50 / p99 / throughput | Ratio of medians (API / bare) | App ms / Neo4j ms per request |',
            '| --- | --- | --- | --- | --- |',
            ...extraRows,
            '',
          ]
        : []),
    ].join('\n');
    await writeResults(
      'api',
      {
        machine: m,
        options: { ...options, seconds, warmup, rounds, connections },
        neo4jMemory: BENCH_NEO4J_MEMORY,
        searchCypherOrigin: search.origin,
        degrees,
        load: db.load,
        databaseCached: db.cached,
        databaseOpenSeconds: openSeconds,
        loadAverage: (await readFile('/proc/loadavg', 'utf8')).trim(),
        results,
        profiles,
      },
      md,
    );
    console.log(JSON.stringify(profiles, null, 2));
  } finally {
    for (const a of [...(app ? [app] : []), ...extras]) {
      const exited = new Promise((r) => a.child.once('exit', r));
      a.child.kill('SIGTERM');
      await exited;
    }
    await db.neo4j.stop();
  }
}
