import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { generateApiToken } from '../../server/src/auth/api-tokens.js';
import { authSecret } from '../../server/src/auth/secret.js';
import type { Role } from '../../server/src/auth/roles.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { startTestApp, type RunningApp } from '../support/app.js';

export interface CurationFixture {
  baseUrl: () => string;
  /** Bearer tokens of an editor and of a reader, made with the auth module (stored hashed, like the CLI does). */
  editor: () => string;
  reader: () => string;
  /** Name of the editor token: what the audit trail records as "by". */
  editorName: string;
  request: (method: string, path: string, options?: { token?: string | null; body?: unknown }) => Promise<{ status: number; body: any }>;
}

/**
 * The real app on an ephemeral port, with an editor and a reader API token created through the
 * auth repository, for the curation tests of one file. The tokens are deleted afterwards; each
 * test file deletes the graph data it creates.
 */
export function useCurationApp(driver: Driver, database: string, label: string): CurationFixture {
  let app: RunningApp | undefined;
  const tokens: Partial<Record<Role, { id: string; token: string }>> = {};
  const editorName = `curation-test-editor-${label}`;
  const repository = new AuthRepository(new GraphDb(driver, { database }));

  beforeAll(async () => {
    app = await startTestApp(driver, database);
    for (const role of ['editor', 'reader'] as const) {
      const t = generateApiToken(await authSecret());
      await repository.createToken({ id: t.id, name: role === 'editor' ? editorName : `curation-test-reader-${label}`, role, hash: t.hash, createdAt: new Date().toISOString() });
      tokens[role] = { id: t.id, token: t.token };
    }
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (t:ApiToken) WHERE t.id IN $ids DETACH DELETE t', { ids: Object.values(tokens).map((t) => t.id) }, { database });
    await app?.close();
  });

  const base = () => {
    if (!app) throw new Error('sightline/tests: the curation app is not started');
    return app.baseUrl;
  };
  const token = (role: Role) => {
    const t = tokens[role];
    if (!t) throw new Error(`sightline/tests: no ${role} token`);
    return t.token;
  };
  return {
    baseUrl: base,
    editor: () => token('editor'),
    reader: () => token('reader'),
    editorName,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      const bearer = options.token === undefined ? token('editor') : options.token;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const response = await fetch(`${base()}${path}`, { method, headers, body });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/**
 * Deletes, for real, what a curation test created: the actors (hard, with their relationships),
 * the claims of the given relationships, the given sources, and every Change about any of them.
 */
export async function deleteCurated(
  driver: Driver,
  database: string,
  what: { actors: string[]; relationships: string[]; sources: string[] },
): Promise<void> {
  const q = (cypher: string, params: Record<string, unknown>) => driver.executeQuery(cypher, params, { database });
  await q('MATCH (c:Claim) WHERE c.relationshipId IN $ids DETACH DELETE c', { ids: what.relationships });
  await q('MATCH (c:Change) WHERE c.targetId IN $ids DETACH DELETE c', { ids: [...what.actors, ...what.relationships] });
  await q('MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a', { ids: what.actors });
  await q('MATCH (s:Source) WHERE s.id IN $ids DETACH DELETE s', { ids: what.sources });
}

/**
 * A fingerprint of the graph (every node's labels and properties, every relationship) leaving out
 * the auth bookkeeping (tokens record their last use on their own, asynchronously): equal before
 * and after a refused request proves it stored nothing.
 */
export async function graphState(driver: Driver, database: string): Promise<{ nodes: number; relationships: number; hash: string }> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:ApiToken AND NOT n:Session AND NOT n:User
     WITH n ORDER BY elementId(n)
     WITH collect([labels(n), properties(n)]) AS nodes
     CALL () {
       MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
       RETURN collect([type(r), elementId(a), elementId(b), properties(r)]) AS rels
     }
     RETURN nodes, rels`,
    {},
    { database, routing: 'READ' },
  );
  const nodes = records[0]?.get('nodes') as unknown[];
  const rels = records[0]?.get('rels') as unknown[];
  const { createHash } = await import('node:crypto');
  const sorted = (_k: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : typeof v === 'bigint' ? v.toString() : v;
  const hash = createHash('sha256').update(JSON.stringify(nodes, sorted)).update(JSON.stringify(rels, sorted)).digest('hex');
  return { nodes: nodes.length, relationships: rels.length, hash };
}
