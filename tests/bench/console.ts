/**
 * Console benchmark: what POST /api/console/run adds over running the same Cypher directly through
 * neo4j-driver, for a typical console query (a 2-hop pattern returning nodes and relationships)
 * over the seed graph.
 *
 *   npm run bench -- console [--iterations 300] [--rounds 2] [--warmup 50]
 *
 * One request at a time (a console is interactive: latency, not throughput, is the question), the
 * two sides alternated (console, bare, console, bare), each side walking the same list of actor ids
 * in the same order. The console side is the real app (createApp) in this process, reached over
 * HTTP with fetch (keep-alive); its time includes the HTTP round trip, the safety gate, the READ
 * transaction, value conversion, element extraction (with the claim counts of the edges: one more
 * query) and JSON. The bare side runs exactly the same Cypher text and parameters with
 * driver.executeQuery (READ routing, same transaction timeout), the records left as driver objects.
 *
 * Two subjects:
 *   - console-2hop: the same text each time, parameters varying (an analyst re-running a query or
 *     a saved query): the gate's EXPLAIN verdict is remembered, so no EXPLAIN round trip;
 *   - console-2hop-new-text: a different text every time (a trailing comment with a counter), so
 *     the gate runs EXPLAIN on every request; the bare side runs the same new texts.
 * The Neo4j is an embedded one with the app's default memory, in .data/bench/console/ (schema and
 * seed applied, idempotent).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { createApp } from '../../server/src/app.js';
import { CONSOLE_DEFAULTS } from '../../server/src/console/options.js';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';
import { EMBEDDED_NEO4J_DEFAULTS } from '../../server/src/neo4j/defaults.js';
import { EmbeddedNeo4j } from '../../server/src/neo4j/embedded.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { applySchema, applySeed } from '../../server/src/repositories/migrations.js';
import { flag } from './generate.js';
import { machine, writeResults } from './lib/report.js';
import { median, percentile, round } from './lib/stats.js';

const DATABASE = 'neo4j';
const TARGET_ADDED_MS = 20;
const QUERY = 'MATCH (a:Actor {id: $id})-[r1]-(b:Actor)-[r2]-(c:Actor) RETURN a, r1, b, r2, c LIMIT 100';

interface Side {
  latencies: number[];
}

function stats(samples: number[]) {
  return {
    n: samples.length,
    p50: round(median(samples), 2),
    p90: round(percentile(samples, 90), 2),
    p99: round(percentile(samples, 99), 2),
    min: round(Math.min(...samples), 2),
  };
}

export async function runConsoleBench(args: string[]): Promise<void> {
  const iterations = Number(flag(args, 'iterations') ?? 300);
  const rounds = Number(flag(args, 'rounds') ?? 2);
  const warmup = Number(flag(args, 'warmup') ?? 50);
  const logger = createLogger('warn');
  const embedded = new EmbeddedNeo4j({
    homeDir: join(REPO_ROOT, '.data', 'bench', 'console', 'neo4j'),
    cacheDir: join(REPO_ROOT, '.cache'),
    logger,
    boltPort: 0,
    heap: EMBEDDED_NEO4J_DEFAULTS.heap,
    pageCache: EMBEDDED_NEO4J_DEFAULTS.pageCache,
  });
  const connection = await embedded.start();
  const driver = createDriver({ ...connection, logger });
  let server: import('node:http').Server | undefined;
  try {
    await applySchema(driver, { database: DATABASE });
    await applySeed(driver, { database: DATABASE });
    const ids = (
      await driver.executeQuery('MATCH (a:Actor) WHERE COUNT { (a)--(:Actor)--(:Actor) } > 0 RETURN a.id AS id ORDER BY id', {}, { database: DATABASE })
    ).records.map((r) => String(r.get('id')));
    // Unlimited rate for the bench (one client sends every request); everything else as configured by default.
    const app = createApp({ driver, database: DATABASE, logger, neo4jMode: 'embedded', console: { ratePerMinute: 1_000_000 } });
    server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/console/run`;
    const readConfig = { database: DATABASE, routing: neo4j.routing.READ, transactionConfig: { timeout: CONSOLE_DEFAULTS.timeoutMs } };
    let textCounter = 0;

    const subjects = [
      { name: 'console-2hop', description: 'the same 2-hop text every time, $id varying (the gate\u2019s EXPLAIN verdict remembered)', text: () => QUERY },
      { name: 'console-2hop-new-text', description: 'a new text every time (trailing comment with a counter): EXPLAIN on every request', text: () => `${QUERY} // run ${textCounter++}` },
    ];

    const results: Record<string, unknown> = {};
    const rows: string[] = [];
    for (const subject of subjects) {
      // Both sides of one iteration use the same text and parameters.
      const plan = Array.from({ length: iterations }, (_v, i) => ({ id: ids[i % ids.length] as string }));
      const consoleOnce = async (text: string, id: string): Promise<number> => {
        const t = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text, params: { id } }) });
        const body = (await response.json()) as { data?: { rowCount: number; elements: { nodes: unknown[] } } };
        const ms = performance.now() - t;
        if (response.status !== 200 || !body.data || body.data.rowCount === 0 || body.data.elements.nodes.length === 0) {
          throw new Error(`console answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
        }
        return ms;
      };
      const bareOnce = async (text: string, id: string): Promise<number> => {
        const t = performance.now();
        const result = await driver.executeQuery(text, { id }, readConfig);
        const ms = performance.now() - t;
        if (result.records.length === 0) throw new Error(`bare: no rows for ${id}`);
        return ms;
      };
      for (let i = 0; i < warmup; i += 1) {
        const text = subject.text();
        await consoleOnce(text, ids[i % ids.length] as string);
        await bareOnce(text, ids[i % ids.length] as string);
      }
      const consoleSide: Side = { latencies: [] };
      const bareSide: Side = { latencies: [] };
      const perRound: Array<{ console: ReturnType<typeof stats>; bare: ReturnType<typeof stats> }> = [];
      for (let r = 0; r < rounds; r += 1) {
        const texts = plan.map(() => subject.text());
        const c: number[] = [];
        for (const [i, p] of plan.entries()) c.push(await consoleOnce(texts[i] as string, p.id));
        const b: number[] = [];
        for (const [i, p] of plan.entries()) b.push(await bareOnce(texts[i] as string, p.id));
        consoleSide.latencies.push(...c);
        bareSide.latencies.push(...b);
        perRound.push({ console: stats(c), bare: stats(b) });
        console.log(`  ${subject.name} round ${r + 1}: console p50 ${stats(c).p50} ms, bare p50 ${stats(b).p50} ms`);
      }
      const cs = stats(consoleSide.latencies);
      const bs = stats(bareSide.latencies);
      const added = round(cs.p50 - bs.p50, 2);
      results[subject.name] = { description: subject.description, console: cs, bare: bs, addedMedianMs: added, ratioOfMedians: round(cs.p50 / bs.p50, 2), rounds: perRound };
      rows.push(
        `| ${subject.name} | ${cs.p50} / ${cs.p90} / ${cs.p99} ms | ${bs.p50} / ${bs.p90} / ${bs.p99} ms | **${added} ms** (${round(cs.p50 / bs.p50, 2)}×) | ${added <= TARGET_ADDED_MS ? 'yes' : '**no**'} |`,
      );
    }
    const m = machine();
    const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ')[0];
    const md = [
      `### Cypher console overhead (${new Date().toISOString().slice(0, 10)}, ${m.cpus} cores, seed graph: ${ids.length} actors with 2-hop neighbours)`,
      '',
      `\`${QUERY}\`, one request at a time, ${rounds} rounds × ${iterations} requests per side after ${warmup} warm-up pairs, console and bare driver alternated per round, same texts and \`$id\`s in the same order. Console: POST /api/console/run on the real app over HTTP (gate, READ transaction, conversion, elements with claim counts, JSON). Bare: \`driver.executeQuery\` of the same text (READ routing). 1-minute load average at the end: ${load}.`,
      '',
      '| Subject | Console p50 / p90 / p99 | Bare driver p50 / p90 / p99 | Added at the median | ≤ 20 ms? |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
    await writeResults('console', { machine: m, query: QUERY, iterations, rounds, warmup, actors: ids.length, results }, md);
  } finally {
    server?.closeAllConnections();
    server?.close();
    await driver.close();
    await embedded.stop();
  }
}
