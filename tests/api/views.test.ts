import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;
const created: string[] = [];
const ID = /^[0-9A-Za-z]{16}$/;
const HOSTILE = 'views-test-hostile';
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Evil & "Co"';
const ENDED_EDGE = 'microsoft-provides-services-to-unit-8200';

async function write(cypher: string, params: Record<string, unknown> = {}) {
  await driver.executeQuery(cypher, params, { database: testDatabase() });
}

beforeAll(async () => {
  await ensureWebBuild(createLogger('warn'));
  // This file creates many views: the rate limit has its own test below.
  app = await startTestApp(driver, testDatabase(), { views: { ratePerMinute: 10_000 } });
  await write(`MERGE (a:Actor:Company {id: $id}) SET a.name = $name, a.aliases = [], a.description = 'test actor'`, { id: HOSTILE, name: HOSTILE_NAME });
});

afterAll(async () => {
  await app?.close();
  await write('MATCH (v:View) WHERE v.id IN $ids DETACH DELETE v', { ids: created });
  await write(`MATCH (c:Claim) WHERE c.id STARTS WITH 'views-test-' DETACH DELETE c`);
  await write(`MATCH (s:Source) WHERE s.id STARTS WITH 'views-test-' DETACH DELETE s`);
  await write('MATCH (a:Actor {id: $id}) DETACH DELETE a', { id: HOSTILE });
});

async function post(body: unknown, base = app.baseUrl): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status === 201) created.push(json.data.id);
  return { status: response.status, body: json, headers: response.headers };
}

const getJson = async (path: string) => {
  const response = await fetch(`${app.baseUrl}${path}`);
  return { status: response.status, body: await response.json(), headers: response.headers };
};

const view = (overrides: Record<string, unknown> = {}, definition: Record<string, unknown> = {}) => ({
  title: 'Microsoft and Unit 8200',
  mode: 'live',
  definition: { kind: 'actors', actorIds: ['microsoft', 'unit-8200'], depth: 0, ...definition },
  layout: { name: 'fcose' },
  ...overrides,
});

/** Adds a relationship microsoft -[PARTNERS_WITH]-> hostile actor with one claim and source. */
async function addHostileEdge(): Promise<string> {
  const id = 'views-test-microsoft-partners-with-hostile';
  await write(
    `MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: $hostile})
     MERGE (a)-[r:PARTNERS_WITH {id: $id}]->(b) SET r.status = 'alleged', r.summary = 'test'
     MERGE (s:Source {id: 'views-test-source'}) SET s.title = '<b>Bold</b> report', s.publisher = 'Test Wire'
     MERGE (c:Claim {id: 'views-test-claim'}) SET c.quote = $quote, c.attributedTo = '<script>x</script> Committee', c.stance = 'alleged', c.relationshipId = $id
     MERGE (c)-[:CITES]->(s)`,
    { hostile: HOSTILE, id, quote: '<script>window.__pwned=2</script> partners closely' },
  );
  return id;
}

describe('POST /api/views', () => {
  it('creates a live view: 201 with an unguessable id, version 1, and its URLs', async () => {
    const r = await post(view());
    expect(r.status).toBe(201);
    const d = r.body.data;
    expect(d.id).toMatch(ID);
    expect(d.version).toBe(1);
    expect(d.mode).toBe('live');
    expect(d.previousVersionOf).toBeNull();
    expect(Date.parse(d.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(d.url).toBe(`${app.baseUrl}/?view=${d.id}`);
    expect(d.embedUrl).toBe(`${app.baseUrl}/embed/${d.id}`);
    expect(d.oembedUrl).toBe(`${app.baseUrl}/oembed?url=${encodeURIComponent(d.url)}&format=json`);
    expect(r.headers.get('location')).toBe(`/api/views/${d.id}`);
  });

  it('gives every view a different id', async () => {
    const ids = await Promise.all([post(view()), post(view()), post(view())]);
    expect(new Set(ids.map((r) => r.body.data.id)).size).toBe(3);
  });

  it.each([
    ['title too long', view({ title: 'x'.repeat(201) }), 'title'],
    ['empty title', view({ title: '  ' }), 'title'],
    ['caption too long', view({ caption: 'x'.repeat(1001) }), 'caption'],
    ['bad mode', view({ mode: 'frozen' }), 'mode'],
    ['depth 3', view({}, { depth: 3 }), 'definition.depth'],
    ['201 actors', view({}, { actorIds: Array.from({ length: 201 }, (_, i) => `a-${i}`) }), 'definition.actorIds'],
    ['no actors', view({}, { actorIds: [] }), 'definition.actorIds'],
    ['a Neo4j internal id', view({}, { actorIds: ['4:abc:12'] }), 'definition.actorIds.0'],
    ['unknown relationship type', view({}, { filters: { types: ['LIKES'] } }), 'definition.filters.types.0'],
    ['unknown kind', view({}, { filters: { kinds: ['Robot'] } }), 'definition.filters.kinds.0'],
    ['unknown status', view({}, { filters: { statuses: ['rumoured'] } }), 'definition.filters.statuses.0'],
    ['bad asOf', view({}, { asOf: '2025-13' }), 'definition.asOf'],
    ['unknown definition kind', view({}, { kind: 'cypher', query: 'MATCH (n) DETACH DELETE n' }), 'definition.kind'],
    ['unknown property', view({ script: 'x' }), 'body'],
    ['bad layout', view({ layout: { name: 'random' } }), 'layout.name'],
    ['coordinate out of range', view({ layout: { name: 'preset', positions: { microsoft: { x: 1e9, y: 0 } } } }), 'layout.positions.microsoft.x'],
    ['too many positions', view({ layout: { name: 'preset', positions: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`a-${i}`, { x: i, y: i }])) } }), 'layout.positions'],
    ['bad previousVersionOf', view({ previousVersionOf: 'nope' }), 'previousVersionOf'],
    ['bad theme', view({ style: { theme: 'neon' } }), 'style.theme'],
  ])('400 VALIDATION_FAILED: %s', async (_name, body, field) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.field).toBe(field);
  });

  it('400 UNKNOWN_ACTOR naming the actors that do not exist', async () => {
    const r = await post(view({}, { actorIds: ['microsoft', 'no-such-actor', 'nor-this-one'] }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UNKNOWN_ACTOR');
    expect(r.body.error.missing).toEqual(['no-such-actor', 'nor-this-one']);
    expect(r.body.error.message).toContain('no-such-actor');
  });

  it('400 UNKNOWN_VIEW for a previousVersionOf that is not a view', async () => {
    const r = await post(view({ previousVersionOf: '0123456789abcdef' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UNKNOWN_VIEW');
  });

  it('400 BAD_REQUEST for a body that is not JSON', async () => {
    const response = await fetch(`${app.baseUrl}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/views/:id', () => {
  it('returns the definition, the elements (Cytoscape JSON), positions and the sources behind the visible edges', async () => {
    const { body } = await post(view({ caption: 'Who serves whom' }));
    const r = await getJson(`/api/views/${body.data.id}`);
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d.title).toBe('Microsoft and Unit 8200');
    expect(d.caption).toBe('Who serves whom');
    expect(d.definition).toEqual({ kind: 'actors', actorIds: ['microsoft', 'unit-8200'], depth: 0, filters: {} });
    expect(d.elements.nodes.map((n: any) => n.data.id).sort()).toEqual(['microsoft', 'unit-8200']);
    const edges = d.elements.edges.map((e: any) => e.data.id);
    expect(edges).toContain(ENDED_EDGE);
    const edge = d.elements.edges.find((e: any) => e.data.id === ENDED_EDGE).data;
    expect(edge).toMatchObject({ source: 'microsoft', target: 'unit-8200', status: 'ended', label: 'provides services to' });
    expect(Object.keys(d.positions).sort()).toEqual(['microsoft', 'unit-8200']);
    expect(d.citations.length).toBeGreaterThan(0);
    expect(d.citations.map((c: any) => c.publisher).join(' ')).toMatch(/Polygon/);
    expect(d.mode).toBe('live');
    expect(Date.parse(d.dataAsOf)).toBeGreaterThanOrEqual(Date.parse(d.createdAt));
    expect(r.headers.get('cache-control')).toBe('no-cache');
  });

  it('depth 1 brings the neighbours (through the neighbourhood repository); status filters drop edges', async () => {
    const deep = await post(view({}, { actorIds: ['unit-8200'], depth: 1 }));
    const d = (await getJson(`/api/views/${deep.body.data.id}`)).body.data;
    expect(d.elements.nodes.map((n: any) => n.data.id)).toEqual(expect.arrayContaining(['unit-8200', 'microsoft', 'azure', 'idf']));
    const ended = await post(view({}, { actorIds: ['unit-8200'], depth: 1, filters: { statuses: ['ended'] } }));
    const e = (await getJson(`/api/views/${ended.body.data.id}`)).body.data;
    expect(e.elements.edges.length).toBeGreaterThan(0);
    expect(e.elements.edges.every((x: any) => x.data.status === 'ended')).toBe(true);
    expect(e.elements.edges.length).toBeLessThan(d.elements.edges.length);
  });

  it('keeps stored positions of a preset layout', async () => {
    const positions = { microsoft: { x: -100, y: 20 }, 'unit-8200': { x: 150.5, y: -40 } };
    const r = await post(view({ layout: { name: 'preset', positions } }));
    expect((await getJson(`/api/views/${r.body.data.id}`)).body.data.positions).toEqual(positions);
  });

  it('404 NOT_FOUND for an unknown view; 400 for a malformed id', async () => {
    const missing = await getJson('/api/views/0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await getJson('/api/views/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('versions, immutability, live and pinned', () => {
  it('a new version gets a new id and version n+1; the old one keeps working unchanged and lists the newer one', async () => {
    const v1 = (await post(view({ title: 'First' }))).body.data;
    const v2 = (await post(view({ title: 'Second', previousVersionOf: v1.id }))).body.data;
    const v3 = (await post(view({ title: 'Third', previousVersionOf: v2.id }))).body.data;
    expect(v2.id).not.toBe(v1.id);
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect(v3.previousVersionOf).toBe(v2.id);
    const old = (await getJson(`/api/views/${v1.id}`)).body.data;
    expect(old.title).toBe('First');
    expect(old.newerVersions).toEqual([v2.id]);
  });

  it('offers no way to change or delete a view', async () => {
    const { id } = (await post(view())).body.data;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${app.baseUrl}/api/views/${id}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : JSON.stringify(view({ title: 'Changed' })) });
      expect(response.status, method).toBe(404);
      expect((await response.json()).error.code).toBe('ROUTE_NOT_FOUND');
    }
    expect((await getJson(`/api/views/${id}`)).body.data.title).toBe('Microsoft and Unit 8200');
  });

  it('a live view shows an edge added after saving; a pinned one does not', async () => {
    const definition = { actorIds: ['microsoft', HOSTILE] };
    const live = (await post(view({ mode: 'live' }, definition))).body.data;
    const pinned = (await post(view({ mode: 'pinned' }, definition))).body.data;
    const before = (await getJson(`/api/views/${pinned.id}`)).body.data;
    expect(before.elements.edges).toEqual([]);
    const edgeId = await addHostileEdge();
    const liveNow = (await getJson(`/api/views/${live.id}`)).body.data;
    const pinnedNow = (await getJson(`/api/views/${pinned.id}`)).body.data;
    expect(liveNow.elements.edges.map((e: any) => e.data.id)).toEqual([edgeId]);
    expect(liveNow.citations.map((c: any) => c.id)).toEqual(['views-test-source']);
    expect(pinnedNow.elements.edges).toEqual([]);
    expect(pinnedNow.mode).toBe('pinned');
    expect(pinnedNow.dataAsOf).toBe(pinned.createdAt);
    expect(pinnedNow.elements.nodes.find((n: any) => n.data.id === HOSTILE).data.name).toBe(HOSTILE_NAME);
  });
});

describe('oEmbed', () => {
  let id = '';
  beforeAll(async () => {
    id = (await post(view({ title: '<script>alert(1)</script> Microsoft & "Unit 8200"' }))).body.data.id;
  });
  const oembed = (query: string) => fetch(`${app.baseUrl}/oembed?${query}`);

  it('answers oEmbed 1.0 rich JSON with an iframe of the embed page, HTML-escaped', async () => {
    const url = encodeURIComponent(`${app.baseUrl}/?view=${id}`);
    const response = await oembed(`url=${url}&format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(body).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Sightline', provider_url: `${app.baseUrl}/`, width: 720, height: 560 });
    expect(body.title).toBe('<script>alert(1)</script> Microsoft & "Unit 8200"');
    expect(body.html).toBe(
      `<iframe src="${app.baseUrl}/embed/${id}" width="720" height="560" title="&lt;script&gt;alert(1)&lt;/script&gt; Microsoft &amp; &quot;Unit 8200&quot;" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`,
    );
    expect(body.thumbnail_url).toBe(`${app.baseUrl}/embed/${id}.png`);
    expect([body.thumbnail_width, body.thumbnail_height]).toEqual([1200, 630]);
  });

  it('respects maxwidth and maxheight (and drops a thumbnail that would not fit); accepts the embed URL too', async () => {
    const url = encodeURIComponent(`${app.baseUrl}/embed/${id}`);
    const body = await (await oembed(`url=${url}&maxwidth=400&maxheight=300`)).json();
    expect([body.width, body.height]).toEqual([400, 300]);
    expect(body.html).toContain('width="400" height="300"');
    expect(body.thumbnail_url).toBeUndefined();
  });

  it('501 for format=xml; 404 for a URL that is not a view here; 400 without url', async () => {
    const url = encodeURIComponent(`${app.baseUrl}/?view=${id}`);
    const xml = await oembed(`url=${url}&format=xml`);
    expect(xml.status).toBe(501);
    expect((await xml.json()).error.code).toBe('NOT_IMPLEMENTED');
    for (const bad of [`https://elsewhere.example/?view=${id}`, `${app.baseUrl}/?view=0123456789abcdef`, `${app.baseUrl}/api/actors/microsoft`, 'not a url']) {
      const response = await oembed(`url=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(404);
    }
    expect((await oembed('format=json')).status).toBe(400);
    expect((await oembed(`url=${url}&maxwidth=wide`)).status).toBe(400);
  });
});

describe('server-rendered images', () => {
  let id = '';
  beforeAll(async () => {
    id = (await post(view({ title: 'Hostile <b>title</b>', mode: 'pinned' }, { actorIds: ['microsoft', 'unit-8200', HOSTILE], depth: 0 }))).body.data.id;
  });

  it('PNG: 1200×630, immutable for a pinned view, cached with an ETag', async () => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/embed/${id}.png`);
    const firstMs = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);
    const etag = response.headers.get('etag');
    const again = await fetch(`${app.baseUrl}/embed/${id}.png`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    console.log(`[views] PNG of a 3-actor view: ${png.length} bytes, first request ${firstMs.toFixed(0)} ms (${response.headers.get('server-timing')})`);
  });

  it('SVG: well-formed XML with every name escaped, its own locked-down CSP; dark theme', async () => {
    const response = await fetch(`${app.baseUrl}/embed/${id}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;Evil &amp; &quot;Co&quot;');
    expect(svg).toContain('Hostile &lt;b&gt;title&lt;/b&gt;');
    expect((svg.match(/<circle /g) ?? []).length).toBe(3);
    expect(svg).toContain('stroke-dasharray="8 5"'); // the ended edge, dashed
    const dark = await (await fetch(`${app.baseUrl}/embed/${id}.svg?theme=dark`)).text();
    expect(dark).toContain('fill="#111827"');
    expect((await fetch(`${app.baseUrl}/embed/${id}.svg?theme=neon`)).status).toBe(400);
    expect((await fetch(`${app.baseUrl}/embed/0123456789abcdef.png`)).status).toBe(404);
  });
});

describe('embed page, view page and security headers', () => {
  let id = '';
  beforeAll(async () => {
    id = (await post(view({ title: '"><script>window.__pwned=3</script>', caption: 'A <i>caption</i>' }))).body.data.id;
  });

  it('/embed/:id: frameable by any origin, strict CSP (no inline script), no cookies, per-view meta escaped', async () => {
    const response = await fetch(`${app.baseUrl}/embed/${id}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+';/);
    expect(csp.split(';').filter((d) => d.includes('unsafe-inline')).map((d) => d.trim())).toEqual(["style-src-attr 'unsafe-inline'"]);
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain(`<meta property="og:title" content="&quot;&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;" />`);
    expect(html).toContain(`<meta property="og:image" content="${app.baseUrl}/embed/${id}.png" />`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${app.baseUrl}/oembed?url=${encodeURIComponent(`${app.baseUrl}/?view=${id}`)}&amp;format=json"`);
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/embed-[^"]+\.js"><\/script>/);
    // One script (the bundle) and one JSON data block (the view, inline): nothing inline that runs.
    expect(html.match(/<script[^>]*>/g)?.map((tag) => (tag.includes('src=') ? 'bundle' : tag))).toEqual([
      'bundle',
      '<script type="application/json" id="sightline-view-data">',
    ]);
  });

  it('/embed/:id inlines exactly what GET /api/views/:id answers, escaped so no </script> breaks out', async () => {
    const breakout = '</script><script>alert(1)</script>';
    const hostileId = (
      await post(view({ title: `${breakout} <!-- & \u2028 ${breakout}`, caption: breakout, mode: 'pinned' }, { actorIds: ['microsoft', HOSTILE] }))
    ).body.data.id;
    const html = await (await fetch(`${app.baseUrl}/embed/${hostileId}`)).text();
    const block = /<script type="application\/json" id="sightline-view-data">([\s\S]*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    const text = block![1]!;
    // Nothing HTML could read as markup inside the block: the whole of it is JSON with \u escapes.
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // The page has exactly two <script elements and closes the block where the server meant it to.
    expect(html.match(/<script/g)?.length).toBe(2);
    expect(html.indexOf('</script>', html.indexOf('id="sightline-view-data"'))).toBe(html.indexOf('id="sightline-view-data"') + 'id="sightline-view-data">'.length + text.length);
    const inline = JSON.parse(text);
    const api = await getJson(`/api/views/${hostileId}`);
    expect(inline).toEqual(api.body.data);
    expect(inline.title).toBe(`${breakout} <!-- & \u2028 ${breakout}`);
    expect(inline.elements.nodes.find((n: { data: { id: string } }) => n.data.id === HOSTILE).data.name).toBe(HOSTILE_NAME);
  });

  it('/embed/:id of a live view is re-resolved on every load (no-cache, new data); a pinned one revalidates to 304', async () => {
    const live = (await post(view({ mode: 'live' }))).body.data.id;
    const pinned = (await post(view({ mode: 'pinned' }))).body.data.id;
    const dataOf = (html: string) => JSON.parse(/id="sightline-view-data">([^<]*)<\/script>/.exec(html)![1]!);

    const first = await fetch(`${app.baseUrl}/embed/${live}`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    // Streamed (the page's start goes out while the view is resolved): no ETag to revalidate with.
    expect(first.headers.get('etag')).toBeNull();
    const firstData = dataOf(await first.text());
    expect(firstData.mode).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await fetch(`${app.baseUrl}/embed/${live}`, { headers: { 'if-none-match': first.headers.get('etag') ?? '', 'cache-control': 'max-age=0' } });
    expect(second.status).toBe(200);
    const secondData = dataOf(await second.text());
    expect(Date.parse(secondData.dataAsOf)).toBeGreaterThan(Date.parse(firstData.dataAsOf));
    // A live view's data is read at each request (not cached by the server either): an edge removed
    // after saving is gone from the live view's page and still in the pinned one's.
    const edgeId = await addHostileEdge();
    const liveHostile = (await post(view({ mode: 'live' }, { actorIds: ['microsoft', HOSTILE] }))).body.data.id;
    const pinnedHostile = (await post(view({ mode: 'pinned' }, { actorIds: ['microsoft', HOSTILE] }))).body.data.id;
    await write('MATCH ()-[r {id: $id}]->() DELETE r', { id: edgeId });
    try {
      expect(dataOf(await (await fetch(`${app.baseUrl}/embed/${liveHostile}`)).text()).elements.edges).toEqual([]);
      expect(dataOf(await (await fetch(`${app.baseUrl}/embed/${pinnedHostile}`)).text()).elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual([edgeId]);
    } finally {
      await addHostileEdge(); // later tests draw it
    }

    const p1 = await fetch(`${app.baseUrl}/embed/${pinned}`);
    expect(p1.headers.get('cache-control')).toBe('no-cache');
    const etag = p1.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(dataOf(await p1.text()).mode).toBe('pinned');
    // (fetch adds Cache-Control: no-cache to a conditional request unless it has one: a browser revalidating sends max-age=0.)
    const p2 = await fetch(`${app.baseUrl}/embed/${pinned}`, { headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' } });
    expect(p2.status).toBe(304);
  });

  it('the view page /?view=:id is the explorer with the same meta; the explorer itself is not frameable', async () => {
    const response = await fetch(`${app.baseUrl}/?view=${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await response.text();
    expect(html).toContain('application/json+oembed');
    expect(html).toContain('id="search-input"');
    const plain = await fetch(`${app.baseUrl}/`);
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await plain.text()).not.toContain('application/json+oembed');
    const api = await fetch(`${app.baseUrl}/api/views/${id}`);
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('/embed.js may be loaded by other sites; an unknown view embed is 404', async () => {
    const script = await fetch(`${app.baseUrl}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await script.text()).toContain("customElements.define('sightline-graph'");
    expect((await fetch(`${app.baseUrl}/embed/0123456789abcdef`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/embed/bad`)).status).toBe(400);
  });

  it('SIGHTLINE_EMBED_FRAME_ANCESTORS narrows framing to an allow-list', async () => {
    const narrow = await startTestApp(driver, testDatabase(), { views: { frameAncestors: ['https://news.example', 'https://blog.example'] } });
    try {
      const response = await fetch(`${narrow.baseUrl}/embed/${id}`);
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://news.example https://blog.example');
    } finally {
      await narrow.close();
    }
  });
});

describe('rate limit', () => {
  it('429 RATE_LIMITED after SIGHTLINE_VIEWS_RATE_PER_MIN creations per minute', async () => {
    const limited = await startTestApp(driver, testDatabase(), { views: { ratePerMinute: 2 } });
    try {
      expect((await post(view(), limited.baseUrl)).status).toBe(201);
      expect((await post(view(), limited.baseUrl)).status).toBe(201);
      const third = await post(view(), limited.baseUrl);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('RATE_LIMITED');
      expect(third.headers.get('ratelimit-policy') ?? third.headers.get('ratelimit')).toBeTruthy();
      // Reading is not limited.
      expect((await fetch(`${limited.baseUrl}/api/views/${created[created.length - 1]}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
