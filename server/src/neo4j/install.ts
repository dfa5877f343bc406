import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { NEO4J_POM } from '../paths.js';
import { Neo4jRuntimeError } from './errors.js';
import { checkMaven } from './toolchain.js';

/** A resolved Neo4j distribution: the server's jars and the plugins (APOC) directory. */
export interface Neo4jDistribution {
  dir: string;
  lib: string;
  plugins: string;
}

const COMPLETE_MARKER = '.complete';

export function distributionFor(cacheDir: string, neo4jVersion: string, apocVersion: string): Neo4jDistribution {
  const dir = join(cacheDir, `neo4j-${neo4jVersion}-apoc-${apocVersion}`);
  return { dir, lib: join(dir, 'lib'), plugins: join(dir, 'plugins') };
}

export function isInstalled(dist: Neo4jDistribution): boolean {
  return existsSync(join(dist.dir, COMPLETE_MARKER));
}

/**
 * Makes sure Neo4j's jars are in the cache: the first time, Maven resolves them from Maven Central
 * (into a temporary folder renamed into place when complete, so an interrupted download never
 * leaves a half distribution behind); afterwards this is a file check and needs no network.
 */
export async function ensureDistribution(options: {
  cacheDir: string;
  neo4jVersion: string;
  apocVersion: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<Neo4jDistribution> {
  const { cacheDir, neo4jVersion, apocVersion, logger } = options;
  const dist = distributionFor(cacheDir, neo4jVersion, apocVersion);
  if (isInstalled(dist)) return dist;

  const env = options.env ?? process.env;
  const mvn = await checkMaven(env);
  await mkdir(cacheDir, { recursive: true });
  const staging = `${dist.dir}.partial-${process.pid}-${Date.now()}`;
  const started = Date.now();
  logger.info(
    { neo4jVersion, apocVersion, into: dist.dir },
    'first start: resolving the Neo4j server and APOC jars from Maven Central (once; later starts reuse them)',
  );
  try {
    await runMaven(mvn, [
      '-B',
      '-f',
      NEO4J_POM,
      `-Dneo4j.version=${neo4jVersion}`,
      `-Dapoc.version=${apocVersion}`,
      `-Dsightline.lib=${join(staging, 'lib')}`,
      `-Dsightline.plugins=${join(staging, 'plugins')}`,
      'dependency:copy-dependencies@server',
      'dependency:copy-dependencies@apoc',
    ], logger, env);
    const jars = (await readdir(join(staging, 'lib'))).filter((f) => f.endsWith('.jar'));
    const plugins = (await readdir(join(staging, 'plugins'))).filter((f) => f.endsWith('.jar'));
    if (jars.length === 0 || !plugins.some((f) => f.startsWith('apoc-core'))) {
      throw new Neo4jRuntimeError('JAR_RESOLUTION_FAILED', `Maven finished but ${staging} lacks the server or APOC jars`);
    }
    await writeFile(join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    if (!isInstalled(dist)) {
      await rm(dist.dir, { recursive: true, force: true });
      await rename(staging, dist.dir);
    }
    logger.info(
      { jars: jars.length, plugins: plugins.length, seconds: Math.round((Date.now() - started) / 100) / 10 },
      'Neo4j jars resolved',
    );
    return dist;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Runs Maven, logging a progress line every few seconds instead of Maven's own flood of output. */
function runMaven(mvn: string, args: string[], logger: Logger, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mvn, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    let downloaded = 0;
    let copied = 0;
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (line.includes('Downloaded from')) downloaded += 1;
      if (/\bCopying\b/.test(line)) copied += 1;
    };
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const progress = setInterval(() => {
      logger.info({ downloaded, copied }, 'resolving Neo4j jars…');
    }, 5_000);
    child.on('error', (error) => {
      clearInterval(progress);
      reject(new Neo4jRuntimeError('JAR_RESOLUTION_FAILED', `could not run Maven (${mvn})`, { cause: error }));
    });
    child.on('close', (code) => {
      clearInterval(progress);
      if (code === 0) return resolvePromise();
      reject(
        new Neo4jRuntimeError(
          'JAR_RESOLUTION_FAILED',
          `Maven exited with code ${code} while resolving Neo4j's jars. Last lines of its output:\n${tail.join('\n')}`,
        ),
      );
    });
  });
}
