import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import type { Logger } from 'pino';
import { EMBEDDED_NEO4J_DEFAULTS, EMBEDDED_NEO4J_USER } from './defaults.js';
import { Neo4jRuntimeError, EXTERNAL_NEO4J_HINT } from './errors.js';
import { jvmArgs, renderNeo4jConf } from './conf.js';
import { ensureDistribution, type Neo4jDistribution } from './install.js';
import { generatePassword, maskPassword, readPassword, writePassword } from './password.js';
import {
  commandLineOf,
  isAlive,
  readPidRecord,
  removePidRecord,
  waitForExit,
  writePidRecord,
} from './pidfile.js';
import { freePort, isPortFree } from './ports.js';
import { checkJava } from './toolchain.js';

const execFileAsync = promisify(execFile);

export interface EmbeddedNeo4jOptions {
  /** Folder of this instance: conf/, data/, logs/, run/ and the password file go here. */
  homeDir: string;
  /** Folder where resolved Neo4j distributions (jars) are cached, shared by all instances. */
  cacheDir: string;
  logger: Logger;
  neo4jVersion?: string;
  apocVersion?: string;
  /** Preferred Bolt port; 0 picks a free one. When taken, a free one is chosen and logged. */
  boltPort?: number;
  heap?: string;
  pageCache?: string;
  transactionTimeout?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** How to reach a running embedded Neo4j. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

/**
 * The embedded default: a real Neo4j Community server (jars resolved from Maven Central) run as a
 * child java process with Neo4j's own entry point, Bolt on loopback only, auth on with a generated
 * password kept in the instance folder (mode 0600).
 */
export class EmbeddedNeo4j {
  readonly homeDir: string;
  private readonly options: EmbeddedNeo4jOptions;
  private readonly logger: Logger;
  private child: ChildProcess | undefined;
  private consoleLog: WriteStream | undefined;
  private tail: string[] = [];
  private port: number | undefined;
  private exitListener: (() => void) | undefined;

  constructor(options: EmbeddedNeo4jOptions) {
    this.options = options;
    this.homeDir = resolve(options.homeDir);
    this.logger = options.logger.child({ module: 'neo4j-runtime' });
  }

  private get paths() {
    const home = this.homeDir;
    return {
      conf: join(home, 'conf'),
      data: join(home, 'data'),
      logs: join(home, 'logs'),
      run: join(home, 'run'),
      passwordFile: join(home, 'password'),
      pidFile: join(home, 'run', 'sightline-neo4j.json'),
      consoleLog: join(home, 'logs', 'console.log'),
    };
  }

  /** True while the java process is running. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The java process id while running (used by tests and by the memory figures in README). */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** Starts Neo4j (resolving the jars on the very first run) and resolves once it answers queries. */
  async start(): Promise<Neo4jConnection> {
    if (this.running) throw new Neo4jRuntimeError('NEO4J_ALREADY_RUNNING', 'this instance is already running');
    const o = this.options;
    const env = o.env ?? process.env;
    const java = await checkJava(env);
    const dist = await ensureDistribution({
      cacheDir: o.cacheDir,
      neo4jVersion: o.neo4jVersion ?? EMBEDDED_NEO4J_DEFAULTS.neo4jVersion,
      apocVersion: o.apocVersion ?? EMBEDDED_NEO4J_DEFAULTS.apocVersion,
      logger: this.logger,
      env,
    });
    const p = this.paths;
    await Promise.all([p.conf, p.data, p.logs, p.run].map((dir) => mkdir(dir, { recursive: true })));
    await this.handleLeftover();

    this.port = await this.choosePort();
    const heap = o.heap ?? EMBEDDED_NEO4J_DEFAULTS.heap;
    await writeFile(
      join(p.conf, 'neo4j.conf'),
      renderNeo4jConf({
        homeDir: this.homeDir,
        dataDir: p.data,
        logsDir: p.logs,
        runDir: p.run,
        pluginsDir: dist.plugins,
        boltPort: this.port,
        heap,
        pageCache: o.pageCache ?? EMBEDDED_NEO4J_DEFAULTS.pageCache,
        transactionTimeout: o.transactionTimeout ?? EMBEDDED_NEO4J_DEFAULTS.transactionTimeout,
      }),
    );
    const password = await this.ensurePassword(java.command, dist, env);

    const started = Date.now();
    this.tail = [];
    this.consoleLog = createWriteStream(p.consoleLog, { flags: 'a' });
    const child = spawn(
      java.command,
      [
        ...jvmArgs(heap),
        '-cp',
        `${join(dist.plugins, '*')}:${join(dist.lib, '*')}`,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${this.homeDir}`,
        `--config-dir=${p.conf}`,
        '--console-mode',
      ],
      { cwd: this.homeDir, env: { ...env, NEO4J_HOME: this.homeDir, NEO4J_CONF: p.conf }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const onData = (chunk: Buffer): void => {
      this.consoleLog?.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.tail.push(line);
        if (this.tail.length > EMBEDDED_NEO4J_DEFAULTS.logTailLines) this.tail.shift();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      this.consoleLog?.end();
      this.consoleLog = undefined;
      if (this.exitListener) process.off('exit', this.exitListener);
      this.exitListener = undefined;
      this.logger.info({ code, signal }, 'Neo4j process exited');
    });
    // If Node exits without a graceful stop, ask Neo4j to stop too (it shuts down cleanly on SIGTERM).
    this.exitListener = () => {
      if (this.running) child.kill('SIGTERM');
    };
    process.on('exit', this.exitListener);
    if (child.pid === undefined) {
      throw new Neo4jRuntimeError('NEO4J_START_FAILED', `could not start ${java.command}`);
    }
    await writePidRecord(p.pidFile, {
      pid: child.pid,
      ownerPid: process.pid,
      boltPort: this.port,
      startedAt: new Date().toISOString(),
    });

    const connection: Neo4jConnection = { uri: `bolt://127.0.0.1:${this.port}`, user: EMBEDDED_NEO4J_USER, password };
    await this.waitUntilReady(connection, o.startTimeoutMs ?? EMBEDDED_NEO4J_DEFAULTS.startTimeoutMs);
    this.logger.info(
      { uri: connection.uri, pid: child.pid, seconds: Math.round((Date.now() - started) / 100) / 10 },
      'Neo4j is ready',
    );
    return connection;
  }

  /** Stops Neo4j gracefully (SIGTERM), killing it if it has not stopped within the stop timeout. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running || child.pid === undefined) {
      this.child = undefined;
      return;
    }
    const timeout = this.options.stopTimeoutMs ?? EMBEDDED_NEO4J_DEFAULTS.stopTimeoutMs;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    this.logger.info({ pid: child.pid }, 'stopping Neo4j');
    child.kill('SIGTERM');
    const graceful = await Promise.race([exited.then(() => true), delay(timeout).then(() => false)]);
    if (!graceful) {
      this.logger.warn({ pid: child.pid, timeoutMs: timeout }, 'Neo4j did not stop in time; killing it');
      child.kill('SIGKILL');
      await exited;
    }
    await removePidRecord(this.paths.pidFile);
    this.child = undefined;
  }

  /** The last lines Neo4j printed (quoted in start errors). */
  logTail(): string {
    return this.tail.join('\n');
  }

  private async choosePort(): Promise<number> {
    if (this.port !== undefined) return this.port; // a restart keeps its port, so clients reconnect
    const wanted = this.options.boltPort ?? EMBEDDED_NEO4J_DEFAULTS.boltPort;
    if (wanted !== 0 && (await isPortFree(wanted))) return wanted;
    const port = await freePort();
    if (wanted !== 0) this.logger.warn({ wanted, port }, 'Bolt port is taken; using a free one instead');
    return port;
  }

  /**
   * Finds a Neo4j left running by an earlier Sightline process on this folder. If that process is
   * still alive, this folder is in use: refuse with a clear message. If it died (a crash, kill -9),
   * its Neo4j is an orphan: stop it, then carry on.
   */
  private async handleLeftover(): Promise<void> {
    const p = this.paths;
    const record = await readPidRecord(p.pidFile);
    if (!record) return;
    const cmdline = isAlive(record.pid) ? await commandLineOf(record.pid) : undefined;
    const isOurNeo4j = cmdline !== undefined && cmdline.includes('CommunityEntryPoint') && cmdline.includes(p.conf);
    if (!isOurNeo4j) {
      this.logger.info({ pidFile: p.pidFile }, 'removing a stale pid file from an earlier run');
      await removePidRecord(p.pidFile);
      return;
    }
    if (record.ownerPid !== process.pid && isAlive(record.ownerPid)) {
      throw new Neo4jRuntimeError(
        'NEO4J_ALREADY_RUNNING',
        `another Sightline process (pid ${record.ownerPid}) is running Neo4j (pid ${record.pid}) on ${this.homeDir}. ` +
          'Stop it first, or give this one its own folder with SIGHTLINE_DATA_DIR.',
      );
    }
    this.logger.warn(
      { pid: record.pid },
      'found a Neo4j left running by an earlier Sightline process that did not shut down; stopping it',
    );
    process.kill(record.pid, 'SIGTERM');
    const timeout = this.options.stopTimeoutMs ?? EMBEDDED_NEO4J_DEFAULTS.stopTimeoutMs;
    if (!(await waitForExit(record.pid, timeout))) {
      process.kill(record.pid, 'SIGKILL');
      await waitForExit(record.pid, 5_000);
    }
    await removePidRecord(p.pidFile);
  }

  /** Reads the stored password, or generates one and sets it as Neo4j's initial password. */
  private async ensurePassword(javaCommand: string, dist: Neo4jDistribution, env: NodeJS.ProcessEnv): Promise<string> {
    const p = this.paths;
    const stored = await readPassword(p.passwordFile);
    const databaseExists = existsSync(join(p.data, 'dbms'));
    if (stored && databaseExists) return stored;
    if (!stored && databaseExists) {
      throw new Neo4jRuntimeError(
        'NEO4J_PASSWORD_FAILED',
        `the Neo4j data in ${p.data} exists but its password file ${p.passwordFile} is missing. ` +
          `Restore the file, or delete ${this.homeDir} to start over with a fresh database (its data is lost).`,
      );
    }
    const password = stored ?? generatePassword();
    try {
      await execFileAsync(
        javaCommand,
        ['-cp', join(dist.lib, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
        { env: { ...env, NEO4J_HOME: this.homeDir, NEO4J_CONF: p.conf }, timeout: 120_000 },
      );
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.split(password).join('***') ?? '';
      throw new Neo4jRuntimeError('NEO4J_PASSWORD_FAILED', `could not set Neo4j's initial password: ${detail}`, {
        cause: undefined,
      });
    }
    if (!stored) await writePassword(p.passwordFile, password);
    this.logger.info({ passwordFile: p.passwordFile, password: maskPassword(password) }, 'generated the Neo4j password');
    return password;
  }

  private async waitUntilReady(connection: Neo4jConnection, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      connectionTimeout: 2_000,
      maxConnectionPoolSize: 1,
      logging: { level: 'error', logger: () => undefined },
    });
    try {
      let lastError: unknown;
      while (Date.now() < deadline) {
        if (!this.running) {
          throw new Neo4jRuntimeError(
            'NEO4J_START_FAILED',
            `Neo4j exited while starting (exit code ${this.child?.exitCode ?? 'unknown'}). ` +
              `Last lines of its log (${this.paths.consoleLog}):\n${this.logTail()}\n${EXTERNAL_NEO4J_HINT}`,
          );
        }
        try {
          await driver.verifyConnectivity();
          await driver.executeQuery('RETURN 1 AS ok');
          return;
        } catch (error) {
          lastError = error;
          await delay(300);
        }
      }
      await this.stop();
      throw new Neo4jRuntimeError(
        'NEO4J_START_TIMEOUT',
        `Neo4j did not accept connections within ${Math.round(timeoutMs / 1000)} s ` +
          `(last error: ${(lastError as Error | undefined)?.message ?? 'none'}). ` +
          `Last lines of its log (${this.paths.consoleLog}):\n${this.logTail()}`,
      );
    } finally {
      await driver.close();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
