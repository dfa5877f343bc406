/**
 * The one place that runs analyst-written Cypher (the console and saved queries). Everything here
 * runs in a READ transaction (Neo4j refuses writes in it; on a cluster it goes to a follower) with
 * a server-side timeout, and the transaction is always rolled back, never committed: even if a
 * write slipped through every check, nothing would be kept.
 *
 * The text given to explain()/stream() has been through the console's lexical check
 * (console/lexical-check.ts); the service (console/service.ts) checks explain()'s verdict before it
 * calls stream(). The other queries here are fixed Cypher with $parameters.
 */
import neo4j, { type Driver, type Record as Neo4jRecord, type ResultSummary, type Session, type Transaction } from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import type { RawNode } from '../console/elements.js';
import type { DriverPlan } from '../console/plan-check.js';

export interface ExplainSummary {
  queryType: string;
  database: string | undefined;
  plan: DriverPlan | false;
  columns: string[];
  summary: ResultSummary;
}

export interface StreamOutcome {
  columns: string[];
  summary: ResultSummary;
  /** The caller asked to stop before the last record (row or size cap). */
  stoppedEarly: boolean;
}

const ENDPOINTS = 'MATCH (n) WHERE elementId(n) IN $ids RETURN n';
const EVIDENCE_COUNTS = 'UNWIND $ids AS id RETURN id, COUNT { (c:Claim {relationshipId: id}) } AS evidence';

/** One console transaction: READ, with a server-side timeout, rolled back by close(). */
export class ConsoleTransaction {
  private closed = false;

  constructor(
    private readonly session: Session,
    private readonly tx: Transaction,
  ) {}

  /** EXPLAIN of the text: Neo4j parses and plans it without running it. */
  async explain(body: string, params: Record<string, unknown>): Promise<ExplainSummary> {
    const result = this.tx.run(`EXPLAIN ${body}`, params);
    const keys = await result.keys();
    const summary = await result.summary();
    return {
      queryType: summary.queryType,
      database: summary.database?.name ?? undefined,
      plan: (summary.plan as unknown as DriverPlan | false) ?? false,
      columns: keys.map(String),
      summary,
    };
  }

  /**
   * Runs the text, handing each record to `onRecord` as it arrives; when onRecord returns false the
   * rest is discarded (Neo4j stops producing it) and the summary is still read.
   */
  async stream(text: string, params: Record<string, unknown>, onRecord: (record: Neo4jRecord) => boolean): Promise<StreamOutcome> {
    const result = this.tx.run(text, params);
    const columns = (await result.keys()).map(String);
    const iterator = result[Symbol.asyncIterator]();
    let stoppedEarly = false;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return { columns, summary: next.value as ResultSummary, stoppedEarly };
      if (!onRecord(next.value)) {
        stoppedEarly = true;
        const last = await iterator.return?.();
        return { columns, summary: (last?.value as ResultSummary) ?? (await result.summary()), stoppedEarly };
      }
    }
  }

  /** Nodes by element id (the endpoints of result relationships that the rows did not include). */
  async nodesByElementId(ids: string[]): Promise<RawNode[]> {
    if (ids.length === 0) return [];
    const result = await this.tx.run(ENDPOINTS, { ids });
    return result.records.map((r) => r.get('n') as RawNode);
  }

  /** Claim counts of relationships, by relationship id. */
  async evidenceCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const result = await this.tx.run(EVIDENCE_COUNTS, { ids });
    return new Map(result.records.map((r) => [String(r.get('id')), Number(r.get('evidence'))]));
  }

  /**
   * Rolls back and closes. While a query is still running this resets the connection, which makes
   * Neo4j terminate the query at once (used for timeouts and for clients that went away).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session.close().catch(() => undefined);
  }
}

export interface SchemaListing {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  functions: Array<{ name: string; signature: string; description: string }>;
  procedures: Array<{ name: string; signature: string; description: string }>;
}

const SCHEMA_NAMES = `
CALL db.labels() YIELD label WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, types, collect(propertyKey) AS keys`;
const FUNCTIONS = 'SHOW FUNCTIONS YIELD name, signature, description RETURN name, signature, description ORDER BY name';
const PROCEDURES = 'SHOW PROCEDURES YIELD name, signature, description RETURN name, signature, description ORDER BY name';

export class ConsoleRepository {
  constructor(
    private readonly db: GraphDb,
    /** The console's driver: the app's, or one logged in as SIGHTLINE_CONSOLE_NEO4J_USER. */
    private readonly driver: Driver = db.driver,
  ) {}

  get database(): string {
    return this.db.database;
  }

  /** Opens a READ transaction that Neo4j itself stops after timeoutMs. */
  async begin(timeoutMs: number): Promise<ConsoleTransaction> {
    const session = this.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = await session.beginTransaction({ timeout: timeoutMs, metadata: { app: 'sightline-console' } });
      return new ConsoleTransaction(session, tx);
    } catch (error) {
      await session.close().catch(() => undefined);
      throw error;
    }
  }

  /** Labels, relationship types, property keys, functions and procedures (the console filters the last two). */
  async schema(): Promise<SchemaListing> {
    const [names, functions, procedures] = await Promise.all([this.db.read(SCHEMA_NAMES), this.db.read(FUNCTIONS), this.db.read(PROCEDURES)]);
    const row = names[0] ?? {};
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).sort() : []);
    const entries = (rows: Array<Record<string, unknown>>) =>
      rows.map((r) => ({ name: String(r.name), signature: String(r.signature ?? ''), description: String(r.description ?? '') }));
    return {
      labels: strings(row.labels),
      relationshipTypes: strings(row.types),
      propertyKeys: strings(row.keys),
      functions: entries(functions),
      procedures: entries(procedures),
    };
  }
}
