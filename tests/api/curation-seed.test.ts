import { afterAll, describe, expect, it } from 'vitest';
import { applySeed } from '../../server/src/repositories/migrations.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { useCurationApp } from './curation-support.js';

const driver = getTestDriver();
const database = testDatabase();
const api = useCurationApp(driver, database, 'seed');

const ACTOR = 'polygon';
const RELATIONSHIP = 'microsoft-provides-services-to-idf';
let original: Record<string, unknown> | undefined;

afterAll(async () => {
  // Put the seed's own data back exactly as it was, and drop the test's trail.
  const q = (cypher: string, params: Record<string, unknown> = {}) => driver.executeQuery(cypher, params, { database });
  if (original) await q('MATCH (a:Actor {id: $id}) SET a = $properties', { id: ACTOR, properties: original });
  await q('MATCH ()-[r:PROVIDES_SERVICES_TO {id: $id}]->() REMOVE r.retractedAt, r.updatedAt', { id: RELATIONSHIP });
  await q('MATCH (c:Claim:Retracted {relationshipId: $id}) REMOVE c:Retracted', { id: RELATIONSHIP });
  await q('MATCH (c:Change) WHERE c.targetId IN $ids DETACH DELETE c', { ids: [ACTOR, RELATIONSHIP] });
});

describe('the seed never overwrites curated edits', () => {
  it('keeps an edited seed actor and a deleted seed relationship after the seed is re-applied with force', async () => {
    const read = await api.request('GET', `/api/actors/${ACTOR}`, { token: null });
    original = read.body.data.properties as Record<string, unknown>;
    expect(original.updatedAt).toBeUndefined();

    const edit = await api.request('PATCH', `/api/actors/${ACTOR}`, {
      body: { updatedAt: null, description: 'Video game news website (edited by a curator).', aliases: ['Polygon.com'] },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const deleted = await api.request('DELETE', `/api/relationships/${RELATIONSHIP}?confirm=${RELATIONSHIP}`);
    expect(deleted.status).toBe(200);

    const report = await applySeed(driver, { database, force: true });
    expect(report.skipped).toBe(0);
    expect(report.statements).toBeGreaterThan(0);

    const after = await api.request('GET', `/api/actors/${ACTOR}`, { token: null });
    expect(after.body.data.actor.data).toMatchObject({ description: 'Video game news website (edited by a curator).', aliases: ['Polygon.com'] });
    expect((await api.request('GET', `/api/relationships/${RELATIONSHIP}`, { token: null })).status).toBe(404);
    const counts = await driver.executeQuery(
      `RETURN COUNT { (:Actor {id: $actor}) } AS actors,
              COUNT { ()-[r:PROVIDES_SERVICES_TO]->() WHERE r.id = $rel } AS rels,
              COUNT { (c:Claim {relationshipId: $rel}) WHERE NOT c:Retracted } AS liveClaims`,
      { actor: ACTOR, rel: RELATIONSHIP },
      { database },
    );
    expect(counts.records[0]?.toObject()).toEqual({ actors: 1, rels: 1, liveClaims: 0 });
    const history = await api.request('GET', `/api/actors/${ACTOR}/history`, { token: null });
    expect(history.body.data.changes.map((c: { action: string }) => c.action)).toEqual(['update']);
  });
});
