/**
 * Start-up benchmark: how long `npm start` takes to answer /api/health, and Neo4j's resident
 * memory, beside a baseline of the same Neo4j started bare (its own entry point, same jars and
 * conf, ready when the bare driver connects) in the same run.
 *
 *   npm run bench -- startup [--runs 5] [--cold]
 *
 * Subjects: warm start (jars cached, existing database); first start (jars cached, new database:
 * password set-up and store creation included); with --cold, one cold first start with an empty
 * Maven repository, so the jar download from Maven Central is included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { EMBEDDED_NEO4J_DEFAULTS } from '../../server/src/neo4j/defaults.js';
import { jvmArgs } from '../../server/src/neo4j/conf.js';
import { distributionFor } from '../../server/src/neo4j/install.js';
import { freePort } from '../../server/src/neo4j/ports.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { machine, writeResults } from './lib/report.js';
import { round, summary } from './lib/stats.js';

interface Run {
  readyMs: number;
  neo4jRssMiB: number;
  nodeRssMiB?: number;
  stopMs: number;
}

const CACHE_DIR = join(REPO_ROOT, '.cache');

function rssMiB(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((text) => {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? Number.NaN);
    return round(kb / 1024, 0);
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not ready in time');
}

function stopAndTime(child: ChildProcess): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    child.once('exit', () => resolve(Date.now() - started));
    child.kill('SIGTERM');
  });
}

/** One `npm start` (node server/src/main.ts) on a data folder; measured to /api/health = 200. */
async function startSightline(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_NEO4J_BOLT_PORT: '0',
      LOG_LEVEL: 'warn',
      SIGHTLINE_LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(
    async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200,
    600_000,
    child,
  );
  const readyMs = Date.now() - started;
  const record = JSON.parse(await readFile(join(dataDir, 'neo4j', 'run', 'sightline-neo4j.json'), 'utf8')) as { pid: number };
  const neo4jRssMiB = await rssMiB(record.pid);
  const nodeRssMiB = await rssMiB(child.pid as number);
  const stopMs = await stopAndTime(child);
  return { readyMs, neo4jRssMiB, nodeRssMiB, stopMs };
}

/** Baseline: the same Neo4j, same jars and conf, started bare; ready when the bare driver connects. */
async function startBare(homeDir: string, password: string): Promise<Run> {
  const dist = distributionFor(CACHE_DIR, EMBEDDED_NEO4J_DEFAULTS.neo4jVersion, EMBEDDED_NEO4J_DEFAULTS.apocVersion);
  const conf = join(homeDir, 'conf');
  const confText = await readFile(join(conf, 'neo4j.conf'), 'utf8');
  const port = Number(/server\.bolt\.listen_address=127\.0\.0\.1:(\d+)/.exec(confText)?.[1]);
  const started = Date.now();
  const child = spawn(
    'java',
    [...jvmArgs(EMBEDDED_NEO4J_DEFAULTS.heap), '-cp', `${join(dist.plugins, '*')}:${join(dist.lib, '*')}`,
      'org.neo4j.server.CommunityEntryPoint', `--home-dir=${homeDir}`, `--config-dir=${conf}`, '--console-mode'],
    { env: { ...process.env, NEO4J_HOME: homeDir, NEO4J_CONF: conf }, stdio: 'ignore' },
  );
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password), {
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await waitFor(
      async () => {
        await driver.verifyConnectivity();
        await driver.executeQuery('RETURN 1');
        return true;
      },
      600_000,
      child,
    );
  } finally {
    await driver.close();
  }
  const readyMs = Date.now() - started;
  const neo4jRssMiB = await rssMiB(child.pid as number);
  const stopMs = await stopAndTime(child);
  return { readyMs, neo4jRssMiB, stopMs };
}

function describeRuns(runs: Run[]) {
  return {
    readySeconds: summary(runs.map((r) => r.readyMs / 1000)),
    neo4jRssMiB: summary(runs.map((r) => r.neo4jRssMiB)),
    nodeRssMiB: runs[0]?.nodeRssMiB === undefined ? undefined : summary(runs.map((r) => r.nodeRssMiB as number)),
    stopSeconds: summary(runs.map((r) => r.stopMs / 1000)),
  };
}

export async function runStartupBench(args: string[]): Promise<void> {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const cold = args.includes('--cold');
  const scratch = await mkdtemp(join(tmpdir(), 'sightline-bench-startup-'));
  try {
    const results: Record<string, Run[]> = { first: [], warm: [], bare: [], cold: [] };
    if (cold) {
      console.log('cold first start (empty Maven repository, empty jar cache, new database)…');
      results.cold?.push(
        await startSightline(join(scratch, 'cold-data'), {
          SIGHTLINE_CACHE_DIR: join(scratch, 'cold-cache'),
          MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -Dmaven.repo.local=${join(scratch, 'm2')}`.trim(),
        }),
      );
    }
    const warmDir = join(scratch, 'warm');
    for (let i = 0; i < runs; i += 1) {
      console.log(`run ${i + 1}/${runs}: first start, warm start, bare Neo4j…`);
      const firstDir = join(scratch, `first-${i}`);
      results.first?.push(await startSightline(firstDir));
      if (i === 0) await startSightline(warmDir); // create the database the warm runs reuse
      results.warm?.push(await startSightline(warmDir));
      const password = (await readFile(join(warmDir, 'neo4j', 'password'), 'utf8')).trim();
      results.bare?.push(await startBare(join(warmDir, 'neo4j'), password));
      await rm(firstDir, { recursive: true, force: true });
    }
    const figures = Object.fromEntries(
      Object.entries(results).filter(([, r]) => r.length > 0).map(([k, r]) => [k, { ...describeRuns(r), runs: r }]),
    );
    const warm = figures.warm as ReturnType<typeof describeRuns>;
    const bare = figures.bare as ReturnType<typeof describeRuns>;
    const ratio = warm.readySeconds.median / bare.readySeconds.median;
    const row = (name: string, f: ReturnType<typeof describeRuns> | undefined): string =>
      f
        ? `| ${name} | ${round(f.readySeconds.median)} s (${round(f.readySeconds.min)}–${round(f.readySeconds.max)}) | ${f.neo4jRssMiB.median} MiB | ${f.nodeRssMiB ? `${f.nodeRssMiB.median} MiB` : '—'} | ${round(f.stopSeconds.median)} s | ${f.readySeconds.n} |`
        : '';
    const rows = [
      row('`npm start`, cold: empty Maven cache (jar download included), new database', figures.cold as never),
      row('`npm start`, first start: jars cached, new database', figures.first as never),
      row('`npm start`, warm: jars cached, existing database', warm),
      row('baseline: bare Neo4j (same jars and conf), ready at first driver query', bare),
    ].filter((l) => l !== '');
    const md = [
      `### Start-up (${new Date().toISOString().slice(0, 10)}, ${machine().cpus} cores; heap ${EMBEDDED_NEO4J_DEFAULTS.heap}, page cache ${EMBEDDED_NEO4J_DEFAULTS.pageCache})`,
      '',
      '| Subject | Ready, median (min–max) | Neo4j RSS | Node RSS | Graceful stop | Runs |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Warm \`npm start\` / bare Neo4j, medians: **${round(ratio, 2)}×** (Sightline adds schema + seed + web check + Express on top of Neo4j's own start).`,
    ].join('\n');
    await writeResults('startup', { machine: machine(), figures, warmOverBare: ratio }, md);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
