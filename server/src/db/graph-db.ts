import type { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import { toPlainObject } from './plain.js';

export interface GraphDbOptions {
  /** Database name ("neo4j" on Community and the embedded default). */
  database: string;
  /** Server-side timeout of every read transaction (ms). */
  readTimeoutMs?: number;
  /** Server-side timeout of every write transaction (ms). */
  writeTimeoutMs?: number;
}

/** Defaults of GraphDb; one comment per option. */
export const GRAPH_DB_DEFAULTS = {
  /** Reads are interactive: a read that takes longer than this is cut off by Neo4j. */
  readTimeoutMs: 15_000,
  /** Writes (imports run in batches) may take longer. */
  writeTimeoutMs: 120_000,
} as const;

export type Row = Record<string, unknown>;

export interface ReadOptions {
  /** Server-side timeout of this read (ms), instead of readTimeoutMs (e.g. for a background read). */
  timeoutMs?: number;
  /** Stops the read, on the server too, when aborted (the client went away). */
  signal?: AbortSignal | undefined;
}

/**
 * The handle repositories use to run Cypher (and the only one they get): reads go through
 * managed READ transactions (routed to followers on a cluster, retried on transient errors) with
 * a server-side timeout; rows come back as plain JSON objects (see toPlain).
 */
export class GraphDb {
  readonly driver: Driver;
  readonly database: string;
  private readonly readTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly graphWriteListeners = new Set<() => void>();

  constructor(driver: Driver, options: GraphDbOptions) {
    this.driver = driver;
    this.database = options.database;
    this.readTimeoutMs = options.readTimeoutMs ?? GRAPH_DB_DEFAULTS.readTimeoutMs;
    this.writeTimeoutMs = options.writeTimeoutMs ?? GRAPH_DB_DEFAULTS.writeTimeoutMs;
  }

  /**
   * Runs one read query with $parameters; resolves to plain rows. `timeoutMs`: for a background
   * read, instead of readTimeoutMs. `signal` (the request's, see middlewares/client-gone.ts): once
   * aborted, the driver closes the query's session, which RESETs its connection and so terminates
   * the query on the server; the read then rejects with the signal's reason, whatever the driver
   * made of the interruption.
   */
  async read(cypher: string, params: Record<string, unknown> = {}, options: ReadOptions = {}): Promise<Row[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.database,
        routing: 'READ',
        transactionConfig: { timeout: options.timeoutMs ?? this.readTimeoutMs },
        signal,
      });
      signal?.throwIfAborted();
      return rows(result);
    } catch (error) {
      signal?.throwIfAborted();
      throw error;
    }
  }

  /** Runs one write query with $parameters; resolves to plain rows. */
  async write(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const result = await this.driver.executeQuery(cypher, params, {
      database: this.database,
      routing: 'WRITE',
      transactionConfig: { timeout: this.writeTimeoutMs },
    });
    return rows(result);
  }

  /**
   * Runs `work` in one managed write transaction (retried on transient errors), then tells the
   * onGraphWrite() listeners (committed or not: a listener only drops what it derived from the
   * graph). For writes to the graph's data (curation, import batches).
   */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs: number = this.writeTimeoutMs): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs });
    } finally {
      await session.close();
      for (const listener of this.graphWriteListeners) listener();
    }
  }

  /** Calls `listener` after every writeTransaction() on this handle; returns the unsubscribe. */
  onGraphWrite(listener: () => void): () => void {
    this.graphWriteListeners.add(listener);
    return () => this.graphWriteListeners.delete(listener);
  }
}

function rows(result: QueryResult<RecordShape>): Row[] {
  return result.records.map((record) => toPlainObject(record.toObject()));
}
