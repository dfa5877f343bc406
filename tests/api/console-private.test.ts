import { createHash, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/src/auth/accounts.js';
import { csrfTokenFor } from '../../server/src/auth/csrf.js';
import { PRIVATE_LABELS, PRIVATE_PROPERTY_KEYS } from '../../server/src/contracts/vocabulary.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson, setCookie } from './auth-support.js';

/**
 * Write access control keeps its users, API tokens and login sessions in the same Neo4j the Cypher
 * console reads, and Neo4j Community cannot hide nodes from a read. So with a real user, token and
 * session in the database, this file checks both defences:
 *   - what is stored is useless: no CSRF token, no password hash that scrypt alone reproduces, no
 *     plain SHA-256 of a token, nothing from which the cookie or the CSRF token can be computed;
 *   - the console does not show it: queries naming the labels are refused, nodes reached any other
 *     way are redacted from rows and dropped from the graph elements, the schema listing omits them.
 */
const driver = getTestDriver();
const database = testDatabase();
const PASSWORD = 'console-private-password-1';
const USERNAME = 'console-private-user';
const TOKEN_NAME = 'console-private-token';
const COOKIE = 'sightline_session';

let app: RunningApp;
let token: string;
let tokenId: string;
let sessionId: string;
let csrfToken: string;

async function clearAuthNodes(): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE n:ApiToken OR n:User OR n:Session DETACH DELETE n', {}, { database });
}

beforeAll(async () => {
  await clearAuthNodes();
  app = await startTestApp(driver, database, { console: { ratePerMinute: 10_000, timeoutMs: 5_000 } });
  const repository = new AuthRepository(new GraphDb(driver, { database }));
  await createUser(repository, USERNAME, 'editor', PASSWORD);
  const created = await createApiToken(repository, TOKEN_NAME, 'reader');
  token = created.token;
  tokenId = created.record.id;
  const login = await postJson(`${app.baseUrl}/api/auth/login`, { username: USERNAME, password: PASSWORD });
  expect(login.status).toBe(200);
  sessionId = setCookie(login.response, COOKIE)?.value ?? '';
  csrfToken = login.body.data.csrfToken;
  expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(csrfToken).toBe(csrfTokenFor(sessionId));
});

afterAll(async () => {
  await app?.close();
  await clearAuthNodes();
});

/** What the database holds of the three auth nodes. */
async function stored(): Promise<{ passwordHash: string; tokenHash: string; idHash: string }> {
  const { records } = await driver.executeQuery(
    `MATCH (u:User {username: $username}) MATCH (t:ApiToken {id: $tokenId}) MATCH (s:Session {userId: u.id})
     RETURN u.passwordHash AS passwordHash, t.hash AS tokenHash, s.idHash AS idHash`,
    { username: USERNAME, tokenId },
    { database },
  );
  return records[0]?.toObject() as { passwordHash: string; tokenHash: string; idHash: string };
}

/** scrypt of the password with the stored salt and parameters: what an offline cracker could compare. */
function bareScrypt(passwordHash: string): string {
  const [, N, r, p, salt] = passwordHash.split('$');
  return scryptSync(PASSWORD, Buffer.from(salt as string, 'base64'), 32, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(N) * Number(r),
  }).toString('base64');
}

const sha256 = (v: string): string => createHash('sha256').update(v).digest('hex');

/** Values that must never appear anywhere the console answers: each one unlocks something. */
function usableSecrets(passwordHash: string): Record<string, string> {
  return {
    password: PASSWORD,
    'unpeppered scrypt of the password': bareScrypt(passwordHash),
    'API token': token,
    'API token secret part': token.split('_').slice(2).join('_'),
    'plain SHA-256 of the API token': sha256(token),
    'session id (cookie)': sessionId,
    'CSRF token': csrfToken,
  };
}

const run = (query: string) => postJson(`${app.baseUrl}/api/console/run`, { query, params: {} });

describe('what the database stores of users, tokens and sessions is useless to a reader', () => {
  it('holds no CSRF token, no session id, no token or its plain SHA-256, no password', async () => {
    const { records } = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p', {}, { database });
    const dump = JSON.stringify(records.map((r) => r.toObject()));
    const { passwordHash } = await stored();
    for (const [what, value] of Object.entries(usableSecrets(passwordHash))) expect(dump, what).not.toContain(value);
    expect(dump).not.toContain('csrfToken');
  });

  it('stores a password hash that scrypt with the stored salt does not reproduce (it needs the pepper)', async () => {
    const { passwordHash } = await stored();
    const parts = passwordHash.split('$');
    expect(parts[0]).toBe('scrypt-hmac');
    expect(parts[5]).not.toBe(bareScrypt(passwordHash));
  });

  it('stores a session hash from which the CSRF token cannot be computed', async () => {
    const { idHash, tokenHash } = await stored();
    expect(idHash).toBe(sha256(sessionId));
    expect(tokenHash).not.toBe(sha256(token));
    expect(csrfTokenFor(idHash)).not.toBe(csrfToken);
  });
});

describe('the console never shows users, tokens or sessions', () => {
  it('refuses queries that name their labels', async () => {
    for (const query of ['MATCH (u:User) RETURN u', 'MATCH (t:ApiToken) RETURN t.hash', 'MATCH (s:`Session`) RETURN s', 'MATCH (n) WHERE n:User RETURN n']) {
      const r = await run(query);
      expect(r.status, query).toBe(403);
      expect(r.body.error.code, query).toBe('QUERY_NOT_ALLOWED');
      expect(r.body.error.message, query).toMatch(/private to write access control/);
    }
  });

  const NODE_QUERIES = [
    ['every node', 'MATCH (n) RETURN n'],
    ['nodes found by labels() filtering', "MATCH (n) WHERE any(l IN labels(n) WHERE l IN ['Us' + 'er', 'Api' + 'Token', 'Sess' + 'ion']) RETURN n"],
    ['nodes in a list', "MATCH (n) WHERE size(labels(n)) = 1 AND labels(n)[0] IN ['Us' + 'er', 'Api' + 'Token', 'Sess' + 'ion'] RETURN collect(n) AS nodes"],
    ['nodes in a path', "MATCH p = (n) WHERE 'Sess' + 'ion' IN labels(n) OR 'Us' + 'er' IN labels(n) RETURN p"],
    ['nodes in a map', "MATCH (n) WHERE 'Api' + 'Token' IN labels(n) RETURN {node: n, more: [n]} AS m"],
  ] as const;

  it.each(NODE_QUERIES)('redacts %s and drops them from the elements', async (_what, query) => {
    const r = await run(query);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const text = JSON.stringify(r.body);
    const { passwordHash, tokenHash, idHash } = await stored();
    for (const [what, value] of Object.entries({ ...usableSecrets(passwordHash), passwordHash, tokenHash, idHash, username: USERNAME, tokenName: TOKEN_NAME })) {
      expect(text, what).not.toContain(value);
    }
    // Every private node in the rows is the redacted form; all three kinds were met.
    const privateNodes: Array<Record<string, unknown>> = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const record = v as Record<string, unknown>;
        const path = record['@path'] as { nodes: Array<{ labels: string[] }> } | undefined;
        for (const node of [record['@node'] as { labels: string[] } | undefined, ...(path?.nodes ?? [])]) {
          if (node?.labels.some((l) => (PRIVATE_LABELS as readonly string[]).includes(l))) privateNodes.push(node as unknown as Record<string, unknown>);
        }
        Object.values(v).forEach(walk);
      }
    };
    walk(r.body.data.rows);
    expect(privateNodes.length).toBeGreaterThan(0);
    for (const node of privateNodes) expect(Object.keys(node).sort()).toEqual(['id', 'labels', 'properties']);
    for (const node of privateNodes) expect(node).toMatchObject({ id: '[private]', properties: {} });
    const labelsMet = new Set(privateNodes.flatMap((n) => n.labels as string[]));
    if (query.includes('any(l IN labels(n)')) expect([...labelsMet].sort()).toEqual([...PRIVATE_LABELS].sort());
    const elementLabels = (r.body.data.elements.nodes as Array<{ data: { labels?: string[]; kind?: string } }>).flatMap((n) => [...(n.data.labels ?? []), n.data.kind ?? '']);
    for (const label of PRIVATE_LABELS) expect(elementLabels).not.toContain(label);
  });

  const VALUE_QUERIES = [
    ['properties() of users', "MATCH (n) WHERE 'Us' + 'er' IN labels(n) RETURN properties(n) AS p"],
    ['values by keys() of tokens', "MATCH (n) WHERE 'Api' + 'Token' IN labels(n) RETURN keys(n) AS ks, [k IN keys(n) | n[k]] AS vals"],
    ['map projections of everything', 'MATCH (n) RETURN n {.*} AS p'],
    ['session properties by key name', "MATCH (n) WHERE 'Sess' + 'ion' IN labels(n) RETURN n['idHash'] AS h, n['csrf' + 'Token'] AS c, n['userId'] AS u"],
  ] as const;

  it.each(VALUE_QUERIES)('answers %s with nothing usable (no password, token, cookie or CSRF token, nothing that verifies without the pepper)', async (_what, query) => {
    const r = await run(query);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(r.body);
    const { passwordHash } = await stored();
    for (const [what, value] of Object.entries(usableSecrets(passwordHash))) expect(text, what).not.toContain(value);
    expect(text).not.toContain('csrfToken"');
    // Whatever string the answer holds, none of them yields the CSRF token.
    const strings = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(r.body.data.rows);
    for (const s of strings) expect(csrfTokenFor(s)).not.toBe(csrfToken);
  });

  it('leaves their labels and property keys out of GET /api/console/schema', async () => {
    const { records } = await driver.executeQuery('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys', {}, { database });
    const keysInDb = records[0]?.get('keys') as string[];
    expect(keysInDb).toContain('passwordHash'); // the database has them; the listing must not
    const response = await fetch(`${app.baseUrl}/api/console/schema`);
    const body = (await response.json()) as { data: { labels: string[]; propertyKeys: string[] } };
    expect(body.data.labels).toContain('Actor');
    for (const label of PRIVATE_LABELS) expect(body.data.labels).not.toContain(label);
    for (const key of PRIVATE_PROPERTY_KEYS) expect(body.data.propertyKeys).not.toContain(key);
    expect(body.data.propertyKeys).toContain('name');
  });
});
