/**
 * Runs one console query through the safety gate, then in a READ transaction:
 *
 *   (a) the request body was validated with zod by the route (routes/console/schema.ts);
 *   (d) lexical pre-check of the text (lexical-check.ts): USE, SHOW USERS…, administration,
 *       LOAD CSV, client commands, several statements, write clauses, procedures and functions
 *       outside the allow-list;
 *   (b) EXPLAIN in the READ transaction: Neo4j's query type must be "r", on the configured
 *       database (plan-check.ts);
 *   (c) the EXPLAIN plan's operators: no LoadCSV, no CALL {…} IN TRANSACTIONS, no procedure or
 *       function outside the allow-list (plan-check.ts);
 *   then the query itself in the same READ transaction (Neo4j refuses writes in it), which is
 *   rolled back at the end. Neo4j stops it after timeoutMs (transaction timeout) and so does this
 *   service (it resets the connection at the deadline, and when the client goes away), rows stream
 *   in until the row cap or the size cap, then the rest is discarded.
 *
 * The EXPLAIN verdict for a given text never changes (it depends on the text only), so texts that
 * passed are remembered (a small LRU) and later runs of the same text skip the EXPLAIN round trip;
 * every other layer still applies to them.
 */
import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import type { ConsoleResult, PlanNode } from '../contracts/console.js';
import { toPlain } from '../db/plain.js';
import { AppError } from '../errors.js';
import type { ConsoleRepository, ConsoleTransaction } from '../repositories/console-repository.js';
import { ElementCollector } from './elements.js';
import { lexicalCheck, type ConsoleMode } from './lexical-check.js';
import { positionOf } from './lexer.js';
import { consoleErrorOf, type TextMapping } from './neo4j-errors.js';
import type { ConsoleOptions } from './options.js';
import { toDriverParams } from './params.js';
import { presentPlan } from './plan.js';
import { checkExplain, type DriverPlan } from './plan-check.js';
import { ValueConverter } from './values.js';

export interface ConsoleRunInput {
  query: string;
  params: Record<string, unknown>;
  mode: ConsoleMode;
  /** `params` are already driver values (saved queries coerce them to their declared types). */
  typedParams?: boolean;
}

/** Thrown when the client went away: there is nobody to answer. */
export class ConsoleQueryCancelled extends Error {
  constructor() {
    super('sightline/console: the client closed the request; the query was stopped');
    this.name = 'ConsoleQueryCancelled';
  }
}

/** Most relationship endpoints fetched to draw relationships whose nodes the rows left out. */
const MAX_ENDPOINT_LOOKUP = 2_000;
/** Texts whose EXPLAIN verdict is remembered. */
const VERIFIED_CACHE_SIZE = 500;
const EXPLAIN_PREFIX = 'EXPLAIN '.length;
const PROFILE_PREFIX = 'PROFILE '.length;

const ms = (v: unknown): number => {
  const n = toPlain(v);
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

export class ConsoleService {
  private readonly verified = new Map<string, true>();

  constructor(
    private readonly repository: ConsoleRepository,
    private readonly options: ConsoleOptions,
  ) {}

  /** Runs one query; `signal` aborts it (the client went away). */
  async run(input: ConsoleRunInput, signal?: AbortSignal): Promise<ConsoleResult> {
    const started = performance.now();
    const lexical = lexicalCheck(input.query);
    if (lexical.body.trim().length === 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'query: there is no statement to run', { field: 'query' });
    }
    const mode = lexical.prefixMode ?? input.mode;
    const params = input.typedParams ? input.params : toDriverParams(input.params);
    const mapping = (prefixLength: number): TextMapping => ({ original: input.query, prefixLength, bodyOffset: lexical.bodyOffset });

    if (signal?.aborted) throw new ConsoleQueryCancelled();
    const tx = await this.repository.begin(this.options.timeoutMs);
    let stopReason: 'timeout' | 'client' | undefined;
    const stop = (reason: 'timeout' | 'client') => {
      stopReason ??= reason;
      void tx.close();
    };
    const deadline = setTimeout(() => stop('timeout'), this.options.timeoutMs);
    const onAbort = () => stop('client');
    signal?.addEventListener('abort', onAbort);
    let phase: 'explain' | 'run' = 'explain';
    try {
      let explained: Awaited<ReturnType<ConsoleTransaction['explain']>> | undefined;
      if (mode === 'explain' || !this.verified.has(lexical.body)) {
        explained = await tx.explain(lexical.body, params);
        checkExplain(explained, this.repository.database);
        this.remember(lexical.body);
      }
      if (mode === 'explain' && explained) {
        return {
          columns: explained.columns,
          rows: [],
          elements: { nodes: [], edges: [] },
          truncated: false,
          rowCount: 0,
          summary: this.summaryOf(explained.summary, started, mapping(EXPLAIN_PREFIX), presentPlan(explained.plan as DriverPlan, false)),
        };
      }
      phase = 'run';
      return await this.execute(tx, lexical.body, params, mode, started, mapping(mode === 'profile' ? PROFILE_PREFIX : 0));
    } catch (error) {
      if (stopReason === 'client') throw new ConsoleQueryCancelled();
      if (stopReason === 'timeout') {
        throw new AppError(408, 'QUERY_TIMEOUT', `the query was stopped after ${this.options.timeoutMs} ms, the console's limit`);
      }
      const mapped = consoleErrorOf(error, mapping(phase === 'explain' ? EXPLAIN_PREFIX : mode === 'profile' ? PROFILE_PREFIX : 0));
      if (mapped?.code === 'QUERY_TIMEOUT') {
        throw new AppError(408, 'QUERY_TIMEOUT', `the query was stopped after ${this.options.timeoutMs} ms, the console's limit`);
      }
      throw mapped ?? error;
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      await tx.close();
    }
  }

  private async execute(
    tx: ConsoleTransaction,
    body: string,
    params: Record<string, unknown>,
    mode: ConsoleMode,
    started: number,
    mapping: TextMapping,
  ): Promise<ConsoleResult> {
    const elements = new ElementCollector();
    const converter = new ValueConverter(elements);
    const rows: Array<Record<string, unknown>> = [];
    let rowBytes = 0;
    let truncated = false;
    const onRecord = (record: Neo4jRecord): boolean => {
      if (rows.length >= this.options.maxRows) {
        truncated = true;
        return false;
      }
      const row: Record<string, unknown> = {};
      for (const key of record.keys) row[String(key)] = converter.convert(record.get(key));
      rowBytes += Buffer.byteLength(JSON.stringify(row));
      if (rowBytes + elements.bytes > this.options.maxBytes) {
        truncated = true;
        return false;
      }
      rows.push(row);
      return true;
    };
    const outcome = await tx.stream(mode === 'profile' ? `PROFILE ${body}` : body, params, onRecord);
    // The READ transaction refuses writes and is rolled back; this is one more check that nothing
    // but a read ran.
    if (outcome.summary.queryType !== 'r') {
      throw new AppError(403, 'QUERY_NOT_ALLOWED', 'This query is not allowed in the console: it is not read-only');
    }
    const missing = elements.missingEndpoints().slice(0, MAX_ENDPOINT_LOOKUP);
    for (const node of await tx.nodesByElementId(missing)) elements.addNode(node);
    converter.patchEndpoints();
    const evidence = await tx.evidenceCounts(elements.actorRelationshipIds());
    const profile = mode === 'profile' ? (outcome.summary.profile as unknown as DriverPlan | false) : false;
    return {
      columns: outcome.columns,
      rows,
      elements: elements.build(evidence),
      truncated,
      rowCount: rows.length,
      summary: this.summaryOf(outcome.summary, started, mapping, profile ? presentPlan(profile, true) : undefined),
    };
  }

  private summaryOf(summary: ResultSummary, started: number, mapping: TextMapping, plan?: PlanNode): ConsoleResult['summary'] {
    const counters = summary.counters.updates() as unknown as Record<string, number>;
    return {
      // Neo4j answers one of 'r', 'rw', 'w', 's' (the driver types it as a plain string).
      queryType: summary.queryType as ConsoleResult['summary']['queryType'],
      counters: Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, ms(v)])),
      resultAvailableAfterMs: ms(summary.resultAvailableAfter),
      resultConsumedAfterMs: ms(summary.resultConsumedAfter),
      totalMs: Math.round((performance.now() - started) * 100) / 100,
      ...(plan ? { plan } : {}),
      notifications: summary.notifications.map((n) => {
        const offset = (n.position as { offset?: number } | undefined)?.offset;
        return {
          code: n.code,
          title: n.title,
          description: n.description,
          severity: String(n.rawSeverityLevel ?? n.severityLevel),
          ...(typeof offset === 'number'
            ? { position: positionOf(mapping.original, Math.max(0, offset - mapping.prefixLength) + mapping.bodyOffset) }
            : {}),
        };
      }),
    };
  }

  private remember(body: string): void {
    this.verified.delete(body);
    this.verified.set(body, true);
    if (this.verified.size > VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
  }
}
