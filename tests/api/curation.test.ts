import { afterAll, describe, expect, it } from 'vitest';
import { actorDetailSchema } from '../../server/src/contracts/actors.js';
import { relationshipDetailSchema } from '../../server/src/contracts/relationships.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { deleteCurated, graphState, useCurationApp } from './curation-support.js';

const driver = getTestDriver();
const database = testDatabase();
const api = useCurationApp(driver, database, 'api');

const created = { actors: [] as string[], relationships: [] as string[], sources: [] as string[] };
afterAll(async () => deleteCurated(driver, database, created));

const fingerprint = () => graphState(driver, database);

/** Creates an actor through the API (editor) and remembers it for cleanup. */
async function createActor(name: string, kind = 'Company', extra: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await api.request('POST', '/api/actors', { body: { name, kind, description: `${name}, made by the curation tests.`, ...extra } });
  expect(status, JSON.stringify(body)).toBe(201);
  created.actors.push(body.data.actor.data.id);
  return body.data.actor.data.id as string;
}

const claim = (quote: string, source: Record<string, unknown> = { id: 'polygon-microsoft-unit-8200-report' }) => ({
  quote,
  attributedTo: 'Curation Test Desk',
  stance: 'reported',
  source,
});

async function createRelationship(source: string, target: string, type: string, claims: unknown[], extra: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await api.request('POST', '/api/relationships', {
    body: { source, target, type, status: 'active', summary: `${source} ${type} ${target}, per the curation tests.`, claims, ...extra },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  created.relationships.push(body.data.relationship.data.id);
  return body.data.relationship.data.id as string;
}

/** 401 without a token, then 403 with a reader token: the same request, nothing stored. */
async function expectGuarded(method: string, path: string, body: unknown): Promise<void> {
  const before = await fingerprint();
  const anonymous = await api.request(method, path, { token: null, body });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
  const reader = await api.request(method, path, { token: api.reader(), body });
  expect(reader.status).toBe(403);
  expect(reader.body.error.code).toBe('FORBIDDEN');
  expect(await fingerprint()).toEqual(before);
}

/** A refused request: the status and exact code, and the stored graph unchanged. */
async function expectRefused(method: string, path: string, body: unknown, status: number, code: string, field?: string): Promise<void> {
  const before = await fingerprint();
  const response = await api.request(method, path, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  if (field !== undefined) expect(response.body.error.field).toBe(field);
  expect(await fingerprint()).toEqual(before);
}

describe('POST /api/actors', () => {
  const good = { name: 'Curation Test Cloud Ltd', kind: 'Company', description: 'A company made by the curation tests.' };

  it('answers 401 without a token and 403 with a reader token', async () => {
    await expectGuarded('POST', '/api/actors', good);
  });

  it('refuses bad input with 400 and the exact code, storing nothing', async () => {
    await expectRefused('POST', '/api/actors', { ...good, kind: 'Spaceship' }, 400, 'VALIDATION_FAILED', 'kind');
    await expectRefused('POST', '/api/actors', { ...good, name: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED', 'name');
    await expectRefused('POST', '/api/actors', { ...good, description: 'd'.repeat(100_000) }, 400, 'VALIDATION_FAILED', 'description');
    await expectRefused('POST', '/api/actors', { ...good, name: 42 }, 400, 'VALIDATION_FAILED', 'name');
    await expectRefused('POST', '/api/actors', { ...good, aliases: 'not a list' }, 400, 'VALIDATION_FAILED', 'aliases');
    await expectRefused('POST', '/api/actors', { ...good, name: 'Line\nbreak' }, 400, 'VALIDATION_FAILED', 'name');
    await expectRefused('POST', '/api/actors', { ...good, id: 'chosen-id' }, 400, 'VALIDATION_FAILED');
    await expectRefused('POST', '/api/actors', { ...good, url: 'javascript:alert(1)' }, 400, 'VALIDATION_FAILED', 'url');
    await expectRefused('POST', '/api/actors', '{"name": ', 400, 'BAD_REQUEST');
    await expectRefused('POST', '/api/actors', [good], 400, 'VALIDATION_FAILED');
  });

  it('creates the actor with a slug id made unique, and records who did it', async () => {
    const id = await createActor('Curation Test Cloud Ltd', 'Company', { aliases: ['CTC'] });
    expect(id).toBe('curation-test-cloud-ltd');
    const again = await createActor('Curation Test Cloud Ltd');
    expect(again).toBe('curation-test-cloud-ltd-2');

    const { status, body } = await api.request('GET', `/api/actors/${id}`, { token: null });
    expect(status).toBe(200);
    const detail = actorDetailSchema.parse(body.data);
    expect(detail.actor.data).toMatchObject({ id, name: 'Curation Test Cloud Ltd', kind: 'Company', aliases: ['CTC'] });
    expect(typeof detail.properties.updatedAt).toBe('string');

    const history = await api.request('GET', `/api/actors/${id}/history`, { token: null });
    expect(history.status).toBe(200);
    expect(history.body.data.changes).toHaveLength(1);
    expect(history.body.data.changes[0]).toMatchObject({ action: 'create', by: api.editorName, targetKind: 'actor', targetId: id, before: null });
    expect(history.body.data.changes[0].after).toMatchObject({ id, name: 'Curation Test Cloud Ltd', kind: 'Company' });
  });

  it('stores HTML in a name as text, unchanged', async () => {
    const name = '<img src=x onerror="alert(1)"> Curation & <b>Co</b>';
    const id = await createActor(name, 'Organization');
    const { body } = await api.request('GET', `/api/actors/${id}`, { token: null });
    expect(body.data.actor.data.name).toBe(name);
    expect(id).toBe('img-src-x-onerror-alert-1-curation-b-co-b');
  });

  it('is found by search as soon as it is created', async () => {
    const { body } = await api.request('GET', '/api/search?q=Curation%20Test%20Cloud', { token: null });
    expect(body.data.actors.map((a: { id: string }) => a.id)).toContain('curation-test-cloud-ltd');
  });
});

describe('PATCH /api/actors/:id', () => {
  it('answers 401, 403, then 400 with the exact code, storing nothing', async () => {
    const id = await createActor('Curation Test Patchable');
    await expectGuarded('PATCH', `/api/actors/${id}`, { updatedAt: null, name: 'X' });
    await expectRefused('PATCH', `/api/actors/${id}`, { updatedAt: null }, 400, 'VALIDATION_FAILED', 'body');
    await expectRefused('PATCH', `/api/actors/${id}`, { name: 'No version' }, 400, 'VALIDATION_FAILED', 'updatedAt');
    await expectRefused('PATCH', `/api/actors/${id}`, { updatedAt: null, kind: 'Dragon' }, 400, 'VALIDATION_FAILED', 'kind');
    await expectRefused('PATCH', `/api/actors/${id}`, { updatedAt: null, aliases: ['a'.repeat(201)] }, 400, 'VALIDATION_FAILED', 'aliases.0');
    await expectRefused('PATCH', '/api/actors/no-such-actor-here', { updatedAt: null, name: 'X' }, 404, 'NOT_FOUND');
  });

  it('edits with the current updatedAt, refuses a stale one with 409 CONFLICT, and records before/after', async () => {
    const id = await createActor('Curation Test Editable', 'Company', { country: 'GB' });
    const read = await api.request('GET', `/api/actors/${id}`, { token: null });
    const version = read.body.data.properties.updatedAt as string;

    const edit = await api.request('PATCH', `/api/actors/${id}`, {
      body: { updatedAt: version, description: 'Edited by the curation tests.', kind: 'Organization', aliases: ['CTE'], country: null },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.data.actor.data).toMatchObject({ kind: 'Organization', description: 'Edited by the curation tests.', aliases: ['CTE'], country: null });
    expect(edit.body.data.properties.updatedAt).not.toBe(version);
    const labels = await driver.executeQuery('MATCH (a:Actor {id: $id}) RETURN labels(a) AS labels', { id }, { database });
    expect([...(labels.records[0]?.get('labels') as string[])].sort()).toEqual(['Actor', 'Organization']);

    // The same (now stale) version again: someone else's edit came first.
    await expectRefused('PATCH', `/api/actors/${id}`, { updatedAt: version, name: 'Lost update' }, 409, 'CONFLICT');

    const history = await api.request('GET', `/api/actors/${id}/history`, { token: null });
    const [update] = history.body.data.changes;
    expect(update).toMatchObject({ action: 'update', by: api.editorName });
    expect(update.before).toMatchObject({ kind: 'Company', country: 'GB', description: 'Curation Test Editable, made by the curation tests.' });
    expect(update.after).toMatchObject({ kind: 'Organization', country: null, description: 'Edited by the curation tests.' });
  });
});

describe('POST /api/relationships', () => {
  const body = (source: string, target: string, extra: Record<string, unknown> = {}) => ({
    source,
    target,
    type: 'PROVIDES_SERVICES_TO',
    status: 'alleged',
    summary: 'Alleged by the curation tests.',
    claims: [claim('Microsoft has reportedly cut off Israeli military access')],
    ...extra,
  });

  it('answers 401, 403, then 400 with the exact code for every kind of bad input, storing nothing', async () => {
    const a = await createActor('Curation Test Supplier');
    const b = await createActor('Curation Test Customer');
    await expectGuarded('POST', '/api/relationships', body(a, b));
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: [] }), 400, 'VALIDATION_FAILED', 'claims');
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: undefined }), 400, 'VALIDATION_FAILED', 'claims');
    await expectRefused('POST', '/api/relationships', body(a, b, { type: 'LOVES' }), 400, 'VALIDATION_FAILED', 'type');
    await expectRefused('POST', '/api/relationships', body(a, b, { type: 'CITES' }), 400, 'VALIDATION_FAILED', 'type');
    await expectRefused('POST', '/api/relationships', body(a, b, { status: 'proven' }), 400, 'VALIDATION_FAILED', 'status');
    await expectRefused('POST', '/api/relationships', body(a, a), 400, 'SELF_LOOP', 'target');
    await expectRefused('POST', '/api/relationships', body(a, b, { since: '2025-05', until: '2025-04' }), 400, 'VALIDATION_FAILED', 'until');
    await expectRefused('POST', '/api/relationships', body(a, b, { since: '2025-02-30' }), 400, 'VALIDATION_FAILED', 'since');
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: [claim('q'.repeat(301))] }), 400, 'VALIDATION_FAILED', 'claims.0.quote');
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: [{ ...claim('ok'), stance: 'fact' }] }), 400, 'VALIDATION_FAILED', 'claims.0.stance');
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: [claim('ok', { title: 'No publisher' })] }), 400, 'VALIDATION_FAILED');
    await expectRefused('POST', '/api/relationships', body(a, 'no-such-actor-anywhere'), 400, 'UNKNOWN_REFERENCE');
    await expectRefused('POST', '/api/relationships', body(a, b, { claims: [claim('ok', { id: 'no-such-source' })] }), 400, 'UNKNOWN_REFERENCE');
    // One good claim and one citing an unknown source: all or nothing.
    await expectRefused(
      'POST',
      '/api/relationships',
      body(a, b, { claims: [claim('fine', { title: 'A new report', publisher: 'Curation Test Press' }), claim('ok', { id: 'no-such-source' })] }),
      400,
      'UNKNOWN_REFERENCE',
    );
  });

  it('creates the relationship with its claims, an existing source and a new one, and records it', async () => {
    const a = await createActor('Curation Test Host');
    const b = await createActor('Curation Test Tenant');
    const newSource = { title: 'Curation test report', publisher: 'Curation Test Press', url: 'https://example.org/curation-test-report', publishedAt: '2025-09-26' };
    const id = await createRelationship(a, b, 'PROVIDES_SERVICES_TO', [claim('Microsoft has reportedly cut off Israeli military access'), claim('a verbatim line', newSource)], {
      since: '2021',
    });
    expect(id).toBe(`${a}-provides-services-to-${b}`);
    const { body } = await api.request('GET', `/api/relationships/${id}`, { token: null });
    const detail = relationshipDetailSchema.parse(body.data);
    expect(detail.relationship.data).toMatchObject({ source: a, target: b, type: 'PROVIDES_SERVICES_TO', status: 'active', since: '2021', evidenceCount: 2 });
    expect(detail.evidence.map((e) => e.id)).toEqual([`${id}-c1`, `${id}-c2`]);
    const added = detail.evidence.find((e) => e.quote === 'a verbatim line');
    expect(added?.source).toMatchObject({ title: 'Curation test report', publisher: 'Curation Test Press', url: newSource.url, publishedAt: '2025-09-26' });
    created.sources.push(String(added?.source?.id));

    // The same URL again reuses the source instead of duplicating it.
    const c = await createActor('Curation Test Other Tenant');
    const second = await createRelationship(a, c, 'PROVIDES_SERVICES_TO', [claim('another line', { ...newSource, title: 'Same URL, other title' })]);
    const again = await api.request('GET', `/api/relationships/${second}`, { token: null });
    expect(again.body.data.evidence[0].source.id).toBe(added?.source?.id);

    const history = await api.request('GET', `/api/relationships/${id}/history`, { token: null });
    expect(history.body.data.changes).toHaveLength(1);
    expect(history.body.data.changes[0]).toMatchObject({ action: 'create', by: api.editorName, targetKind: 'relationship', before: null });
    expect(history.body.data.changes[0].after.claims).toHaveLength(2);

    // It is on the canvas: the neighbourhood of the subject shows it.
    const hood = await api.request('GET', `/api/actors/${a}/neighborhood`, { token: null });
    expect(hood.body.data.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toContain(id);
  });
});

describe('POST /api/relationships/:id/claims (add evidence) and /end', () => {
  it('adds evidence after 401, 403 and 400; ends with until >= since after 401, 403 and 400', async () => {
    const a = await createActor('Curation Test Evidence Subject');
    const b = await createActor('Curation Test Evidence Object');
    const id = await createRelationship(a, b, 'PARTNERS_WITH', [claim('first line')], { since: '2024-03' });

    const evidence = { claims: [{ ...claim('second line'), stance: 'confirmed', note: 'Added later.' }] };
    await expectGuarded('POST', `/api/relationships/${id}/claims`, evidence);
    await expectRefused('POST', `/api/relationships/${id}/claims`, { claims: [] }, 400, 'VALIDATION_FAILED', 'claims');
    await expectRefused('POST', `/api/relationships/${id}/claims`, { claims: [claim('   ')] }, 400, 'VALIDATION_FAILED', 'claims.0.quote');
    await expectRefused('POST', '/api/relationships/no-such-relationship/claims', evidence, 404, 'NOT_FOUND');
    const added = await api.request('POST', `/api/relationships/${id}/claims`, { body: evidence });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.data.addedClaimIds).toEqual([`${id}-c2`]);
    expect(added.body.data.relationship.data.evidenceCount).toBe(2);

    await expectGuarded('POST', `/api/relationships/${id}/end`, { until: '2025-09' });
    await expectRefused('POST', `/api/relationships/${id}/end`, { until: '2024-02' }, 400, 'VALIDATION_FAILED', 'until');
    await expectRefused('POST', `/api/relationships/${id}/end`, { until: 'soon' }, 400, 'VALIDATION_FAILED', 'until');
    const ended = await api.request('POST', `/api/relationships/${id}/end`, { body: { until: '2025-09' } });
    expect(ended.status).toBe(200);
    expect(ended.body.data.relationship.data).toMatchObject({ status: 'ended', since: '2024-03', until: '2025-09' });
    // Same month as since is allowed (until >= since).
    const history = await api.request('GET', `/api/relationships/${id}/history`, { token: null });
    expect(history.body.data.changes.map((c: { action: string }) => c.action)).toEqual(['end', 'add-evidence', 'create']);
    expect(history.body.data.changes[0].before).toMatchObject({ status: 'active', until: null });
    expect(history.body.data.changes[0].after).toMatchObject({ status: 'ended', until: '2025-09' });
  });
});

describe('DELETE (soft: retracted, hidden from reads, kept in the history)', () => {
  it('deletes a relationship only with ?confirm=<id>', async () => {
    const a = await createActor('Curation Test Deleter');
    const b = await createActor('Curation Test Deleted Partner');
    const id = await createRelationship(a, b, 'OWNS', [claim('owned line')]);
    await expectGuarded('DELETE', `/api/relationships/${id}?confirm=${id}`, undefined);
    await expectRefused('DELETE', `/api/relationships/${id}`, undefined, 400, 'CONFIRMATION_REQUIRED');
    await expectRefused('DELETE', `/api/relationships/${id}?confirm=something-else`, undefined, 400, 'CONFIRMATION_REQUIRED');
    const schemaBefore = await api.request('GET', '/api/schema', { token: null });

    const deleted = await api.request('DELETE', `/api/relationships/${id}?confirm=${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id, deleted: true });

    expect((await api.request('GET', `/api/relationships/${id}`, { token: null })).status).toBe(404);
    const hood = await api.request('GET', `/api/actors/${a}/neighborhood`, { token: null });
    expect(hood.body.data.elements.edges).toEqual([]);
    const actor = await api.request('GET', `/api/actors/${a}`, { token: null });
    expect(actor.body.data.degree.total).toBe(0);
    const exported = await api.request('GET', `/api/export?format=json&ids=${a}&depth=1`, { token: null });
    expect(exported.body.edges ?? exported.body.data?.edges ?? []).toEqual([]);
    const schemaAfter = await api.request('GET', '/api/schema', { token: null });
    const owns = (s: any) => s.body.data.relationshipTypes.find((t: { type: string }) => t.type === 'OWNS').count;
    expect(owns(schemaAfter)).toBe(owns(schemaBefore) - 1);

    // Still stored, with a trace: who deleted it, and what it was.
    const stored = await driver.executeQuery('MATCH ()-[r:OWNS {id: $id}]->() RETURN r.retractedAt AS at', { id }, { database });
    expect(stored.records[0]?.get('at')).toEqual(expect.any(String));
    const history = await api.request('GET', `/api/relationships/${id}/history`, { token: null });
    expect(history.body.data.changes[0]).toMatchObject({ action: 'delete', by: api.editorName });
    expect(history.body.data.changes[0].before).toMatchObject({ id, type: 'OWNS', retractedAt: null });
    expect(history.body.data.changes[0].after.claims[0]).toMatchObject({ quote: 'owned line' });

    // Deleted twice: it is gone.
    await expectRefused('DELETE', `/api/relationships/${id}?confirm=${id}`, undefined, 404, 'NOT_FOUND');
  });

  it('deletes an actor (body confirmation) with its relationships, hidden from search, details, neighbourhoods and paths', async () => {
    const a = await createActor('Curation Test Doomed Vendor');
    const b = await createActor('Curation Test Survivor Client');
    const rel = await createRelationship(a, b, 'PROVIDES_SERVICES_TO', [claim('doomed line')]);
    await expectGuarded('DELETE', `/api/actors/${a}`, { confirm: a });
    await expectRefused('DELETE', `/api/actors/${a}`, { confirm: b }, 400, 'CONFIRMATION_REQUIRED');

    const deleted = await api.request('DELETE', `/api/actors/${a}`, { body: { confirm: a } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id: a, deleted: true, relationshipsDeleted: [rel] });

    expect((await api.request('GET', `/api/actors/${a}`, { token: null })).status).toBe(404);
    expect((await api.request('GET', `/api/relationships/${rel}`, { token: null })).status).toBe(404);
    expect((await api.request('GET', `/api/actors/${a}/neighborhood`, { token: null })).status).toBe(404);
    expect((await api.request('GET', `/api/paths?from=${a}&to=${b}`, { token: null })).status).toBe(404);
    const search = await api.request('GET', '/api/search?q=Curation%20Test%20Doomed%20Vendor', { token: null });
    expect(search.body.data.actors.map((x: { id: string }) => x.id)).not.toContain(a);
    const hood = await api.request('GET', `/api/actors/${b}/neighborhood`, { token: null });
    expect(hood.body.data.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual([b]);

    const history = await api.request('GET', `/api/actors/${a}/history`, { token: null });
    expect(history.status).toBe(200);
    expect(history.body.data.changes.map((c: { action: string }) => c.action)).toEqual(['delete', 'create']);
    expect(history.body.data.changes[0].after).toMatchObject({ id: a, retractedAt: expect.any(String), relationshipsRetracted: [rel] });
    const relHistory = await api.request('GET', `/api/relationships/${rel}/history`, { token: null });
    expect(relHistory.body.data.changes[0]).toMatchObject({ action: 'delete' });
    expect(relHistory.body.data.changes[0].after.reason).toBe(`actor ${a} deleted`);

    // Its id is not reused by a new actor of the same name.
    const again = await createActor('Curation Test Doomed Vendor');
    expect(again).toBe(`${a}-2`);
  });

  it('answers 404 for the history of something that never existed', async () => {
    expect((await api.request('GET', '/api/actors/never-existed-anywhere/history', { token: null })).status).toBe(404);
    expect((await api.request('GET', '/api/relationships/never-existed-anywhere/history', { token: null })).status).toBe(404);
  });
});

describe('POST /api/actors/merge', () => {
  it('answers 401, 403, then 400 with the exact code, storing nothing', async () => {
    const a = await createActor('Curation Test Merge Guard');
    await expectGuarded('POST', '/api/actors/merge', { survivorId: a, mergedId: 'microsoft' });
    await expectRefused('POST', '/api/actors/merge', { survivorId: a, mergedId: a }, 400, 'SELF_LOOP');
    await expectRefused('POST', '/api/actors/merge', { survivorId: a }, 400, 'VALIDATION_FAILED', 'mergedId');
    await expectRefused('POST', '/api/actors/merge', { survivorId: a, mergedId: 'Not A Slug' }, 400, 'VALIDATION_FAILED', 'mergedId');
    await expectRefused('POST', '/api/actors/merge', { survivorId: a, mergedId: 'no-such-actor-to-merge' }, 400, 'UNKNOWN_REFERENCE');
  });

  it('moves relationships and every claim to the survivor, combines duplicates, drops meaningless self-loops, and keeps the merged id resolving', async () => {
    const survivor = await createActor('Curation Test Megacorp', 'Company', { aliases: ['Megacorp'] });
    const merged = await createActor('Curation Test Mega Corp.', 'Company', { aliases: ['MegaCorp Inc'], wikidata: 'Q4242424' });
    const x = await createActor('Curation Test Ministry', 'GovernmentBody');
    const y = await createActor('Curation Test Brand', 'Product');
    const z = await createActor('Curation Test Watchdog', 'Organization');
    const sx = await createRelationship(survivor, x, 'PROVIDES_SERVICES_TO', [claim('survivor line 1')]);
    const mx = await createRelationship(merged, x, 'PROVIDES_SERVICES_TO', [claim('merged line 1'), claim('merged line 2')]);
    const my = await createRelationship(merged, y, 'OWNS', [claim('merged owns line')]);
    const zm = await createRelationship(z, merged, 'REPORTED_ON', [claim('watchdog line')]);
    const sm = await createRelationship(survivor, merged, 'PARTNERS_WITH', [claim('partners line')]);

    const liveClaims = async () =>
      Number(
        (
          await driver.executeQuery(
            'MATCH (c:Claim) WHERE NOT c:Retracted AND any(id IN $ids WHERE c.relationshipId STARTS WITH id) RETURN count(c) AS n',
            { ids: [survivor, merged, z] },
            { database },
          )
        ).records[0]?.get('n'),
      );
    expect(await liveClaims()).toBe(6);

    const result = await api.request('POST', '/api/actors/merge', { body: { survivorId: survivor, mergedId: merged } });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const data = result.body.data;
    expect(data.mergedId).toBe(merged);
    expect(data.combined).toEqual([{ from: mx, into: sx }]);
    const newOwns = `${survivor}-owns-${y}`;
    const newReported = `${z}-reported-on-${survivor}`;
    expect(data.moved).toEqual(expect.arrayContaining([{ from: my, to: newOwns }, { from: zm, to: newReported }]));
    expect(data.moved).toHaveLength(2);
    expect(data.dropped).toEqual([sm]);
    expect(data.claimsMoved).toBe(4);
    created.relationships.push(newOwns, newReported);

    // Evidence preserved: the duplicate now carries all three claims; only the self-loop's claim left view.
    const combined = await api.request('GET', `/api/relationships/${sx}`, { token: null });
    expect(combined.body.data.evidence.map((e: { quote: string }) => e.quote).sort()).toEqual(['merged line 1', 'merged line 2', 'survivor line 1']);
    const owns = await api.request('GET', `/api/relationships/${newOwns}`, { token: null });
    expect(owns.body.data.relationship.data).toMatchObject({ source: survivor, target: y, type: 'OWNS', evidenceCount: 1 });
    expect(await liveClaims()).toBe(5);
    for (const gone of [mx, my, zm, sm]) expect((await api.request('GET', `/api/relationships/${gone}`, { token: null })).status).toBe(404);

    // The survivor: the merged name and aliases become aliases; missing fields filled in.
    const s = data.survivor.actor.data;
    expect(s.id).toBe(survivor);
    expect(s.aliases).toEqual(['Megacorp', 'Curation Test Mega Corp.', 'MegaCorp Inc']);
    expect(s.wikidata).toBe('Q4242424');
    expect(data.survivor.degree.total).toBe(3);

    // The merged id keeps resolving, to the survivor, saying so.
    const resolved = await api.request('GET', `/api/actors/${merged}`, { token: null });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data.actor.data.id).toBe(survivor);
    expect(resolved.body.data.mergedFrom).toBe(merged);
    const search = await api.request('GET', '/api/search?q=MegaCorp%20Inc', { token: null });
    expect(search.body.data.actors.map((a: { id: string }) => a.id)).toContain(survivor);
    expect(search.body.data.actors.map((a: { id: string }) => a.id)).not.toContain(merged);

    // Both histories say what happened.
    const sh = await api.request('GET', `/api/actors/${survivor}/history`, { token: null });
    expect(sh.body.data.changes[0]).toMatchObject({ action: 'merge', by: api.editorName });
    expect(sh.body.data.changes[0].after).toMatchObject({ mergedFrom: merged, claimsMoved: 4 });
    const mh = await api.request('GET', `/api/actors/${merged}/history`, { token: null });
    expect(mh.body.data.changes[0]).toMatchObject({ action: 'merged-into' });
    expect(mh.body.data.changes[0].after).toMatchObject({ mergedInto: survivor });
    const relHistory = await api.request('GET', `/api/relationships/${mx}/history`, { token: null });
    expect(relHistory.body.data.changes[0]).toMatchObject({ action: 'merge-move' });
    expect(relHistory.body.data.changes[0].after).toMatchObject({ mergedInto: sx });

    // A later merge of the survivor re-points the first merged id.
    const bigger = await createActor('Curation Test Holding');
    const second = await api.request('POST', '/api/actors/merge', { body: { survivorId: bigger, mergedId: survivor } });
    expect(second.status).toBe(200);
    const chained = await api.request('GET', `/api/actors/${merged}`, { token: null });
    expect(chained.body.data.actor.data.id).toBe(bigger);
    created.relationships.push(`${bigger}-provides-services-to-${x}`, `${bigger}-owns-${y}`, `${z}-reported-on-${bigger}`);
  });
});

describe('POST /api/mentions', () => {
  it('finds known actors by name or alias with their offsets, without a login', async () => {
    const text = 'Microsoft’s Azure cloud was used by Unit 8200, The Guardian reported; the IDF and MICROSOFT AZURE were named. Gazans in Gaza.';
    const { status, body } = await api.request('POST', '/api/mentions', { token: null, body: { text } });
    expect(status).toBe(200);
    const mentions = body.data.mentions as Array<{ start: number; end: number; text: string; actor: { id: string }; matched: string }>;
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const found = mentions.map((m) => [m.actor.id, m.text, m.matched]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['microsoft', 'Microsoft', 'name'],
        ['azure', 'Azure', 'alias'],
        ['unit-8200', 'Unit 8200', 'name'],
        ['the-guardian', 'The Guardian', 'name'],
        ['azure', 'MICROSOFT AZURE', 'name'],
        ['gaza-strip', 'Gaza', 'alias'],
      ]),
    );
    // "MICROSOFT AZURE" is one mention of Azure (longest), not also one of Microsoft; "Gazans" is no mention of Gaza.
    expect(mentions.filter((m) => m.start === text.indexOf('MICROSOFT AZURE'))).toHaveLength(1);
    expect(mentions.filter((m) => m.actor.id === 'gaza-strip')).toHaveLength(1);
    expect(mentions.find((m) => m.actor.id === 'microsoft')?.start).toBe(0);
    expect(body.data.actors.find((a: { id: string }) => a.id === 'azure').count).toBe(2);
  });

  it('sees an actor created a moment ago, and refuses more than 100 KB with 400', async () => {
    await createActor('Curation Test Mentionable Org', 'Organization', { aliases: ['CTMO'] });
    const { body } = await api.request('POST', '/api/mentions', { token: null, body: { text: 'A statement by CTMO.' } });
    expect(body.data.mentions).toEqual([expect.objectContaining({ start: 15, end: 19, text: 'CTMO', matched: 'alias' })]);

    const huge = await api.request('POST', '/api/mentions', { token: null, body: { text: 'é'.repeat(60_000) } });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('VALIDATION_FAILED');
    const wrong = await api.request('POST', '/api/mentions', { token: null, body: { text: 42 } });
    expect(wrong.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
  });
});
