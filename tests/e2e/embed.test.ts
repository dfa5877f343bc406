import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEdge, collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const fixture = useBrowserApp(driver, testDatabase());

const HOSTILE = 'embed-test-hostile';
const LONELY = 'embed-test-lonely';
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Evil & Co';
const HOSTILE_QUOTE = '<script>window.__pwned=2</script> works with Microsoft';
const HOSTILE_EDGE = 'embed-test-microsoft-partners-with-hostile';
const LATE_EDGE = 'embed-test-microsoft-partners-with-lonely';
const ENDED_EDGE = 'microsoft-provides-services-to-unit-8200';
const UNIT_8200_NEIGHBOURHOOD = ['azure', 'idf', 'israel-ministry-of-defense', 'microsoft', 'unit-8200'];
const views: string[] = [];

async function write(cypher: string, params: Record<string, unknown> = {}) {
  await driver.executeQuery(cypher, params, { database: testDatabase() });
}

async function createView(body: Record<string, unknown>): Promise<{ id: string; url: string; embedUrl: string; oembedUrl: string }> {
  const response = await fetch(`${fixture.app().baseUrl}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status !== 201) throw new Error(`POST /api/views: ${response.status} ${JSON.stringify(json)}`);
  views.push(json.data.id);
  return json.data;
}

/** A third-party site on another port: serves the pages given to it. */
let thirdParty: { server: Server; origin: string; pages: Map<string, string> };

beforeAll(async () => {
  await write(
    `MERGE (h:Actor:Company {id: $hostile}) SET h.name = $name, h.aliases = [], h.description = $name
     MERGE (l:Actor:Person {id: $lonely}) SET l.name = 'Lonely Tester', l.aliases = [], l.description = 'no relationships yet'
     WITH h
     MATCH (m:Actor {id: 'microsoft'})
     MERGE (m)-[r:PARTNERS_WITH {id: $edge}]->(h) SET r.status = 'alleged', r.summary = 'test'
     MERGE (s:Source {id: 'embed-test-source'}) SET s.title = '<b>Report</b>', s.publisher = 'Test Wire', s.url = 'https://example.org/report'
     MERGE (c:Claim {id: 'embed-test-claim'}) SET c.quote = $quote, c.attributedTo = '<i>Committee</i>', c.stance = 'alleged', c.relationshipId = $edge
     MERGE (c)-[:CITES]->(s)`,
    { hostile: HOSTILE, lonely: LONELY, name: HOSTILE_NAME, quote: HOSTILE_QUOTE, edge: HOSTILE_EDGE },
  );
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost" rather than 127.0.0.1: a different origin from the app's, as a real site would be.
  thirdParty = { server, origin: `http://localhost:${(server.address() as AddressInfo).port}`, pages };
});

afterAll(async () => {
  await new Promise<void>((resolve) => thirdParty?.server.close(() => resolve()));
  await write('MATCH (v:View) WHERE v.id IN $ids DETACH DELETE v', { ids: views });
  await write(`MATCH (n) WHERE (n:Claim OR n:Source) AND n.id STARTS WITH 'embed-test-' DETACH DELETE n`);
  await write('MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a', { ids: [HOSTILE, LONELY] });
});

/** The embed's frame inside a third-party page, once its graph is drawn. */
async function embedFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => document.querySelector('iframe') !== null);
  let frame: Frame | undefined;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().includes('/embed/'));
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error('no embed frame');
  await frame.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
  return frame;
}

const frameNodeIds = (frame: Frame) => frame.evaluate(() => window.cy!.nodes().map((n) => n.id()).sort());

/** Clicks an edge inside a frame, then waits for the details card's quotes. */
async function clickEdgeIn(page: Page, frame: Frame, id: string): Promise<void> {
  await clickEdge(page, id, frame);
  await frame.locator('.card__quote').first().waitFor();
}

describe('embeds on a third-party page (headless Chromium)', () => {
  it('iframe snippet, custom element and oEmbed-discovered HTML each render the view; clicking an edge shows its quote', async () => {
    const v = await createView({
      title: 'Unit 8200 and its providers',
      caption: 'Who provides services to the unit, on whose word.',
      mode: 'live',
      definition: { kind: 'actors', actorIds: ['unit-8200'], depth: 1 },
      layout: { name: 'fcose' },
    });
    const app = fixture.app().baseUrl;
    thirdParty.pages.set('/iframe.html', `<!doctype html><html><body style="font-family:serif;max-width:760px;margin:2rem auto"><h1>A news article</h1><p>Some text before the figure.</p>
<iframe src="${v.embedUrl}" width="720" height="560" title="Unit 8200 and its providers" style="border:0;max-width:100%" loading="lazy"></iframe><p>Text after.</p></body></html>`);
    thirdParty.pages.set('/element.html', `<!doctype html><html><body style="font-family:serif;max-width:760px;margin:2rem auto"><h1>An article with the custom element</h1>
<script src="${app}/embed.js" async></script><sightline-graph view="${v.id}" title="Unit 8200 and its providers"></sightline-graph><p>Text after.</p></body></html>`);
    thirdParty.pages.set('/oembed.html', `<!doctype html><html><body style="font-family:serif;max-width:760px;margin:2rem auto"><h1>A CMS page (oEmbed)</h1><div id="slot"></div></body></html>`);

    const page = await fixture.browser().newPage({ viewport: { width: 900, height: 900 } });
    const errors = collectConsoleErrors(page);

    // 1. The iframe snippet.
    await page.goto(`${thirdParty.origin}/iframe.html`);
    let frame = await embedFrame(page);
    expect(await frameNodeIds(frame)).toEqual(UNIT_8200_NEIGHBOURHOOD);
    await expect(frame.locator('#embed-title').textContent()).resolves.toBe('Unit 8200 and its providers');
    await expect(frame.locator('#embed-badge').textContent()).resolves.toBe('Live');
    await expect(frame.locator('#embed-asof').textContent()).resolves.toMatch(/^Data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await expect(frame.locator('#embed-sources').textContent()).resolves.toMatch(/^Sources: .*Polygon/);
    const explore = await frame.locator('#embed-explore').getAttribute('href');
    expect(explore).toContain(`view=${v.id}`);
    expect(new URLSearchParams(explore!.slice(2)).get('a')!.split(',').sort()).toEqual(UNIT_8200_NEIGHBOURHOOD);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-1-iframe.png'), fullPage: true });

    // Click the Microsoft -> Unit 8200 edge: the card quotes the evidence, with who asserts it.
    await clickEdgeIn(page, frame, ENDED_EDGE);
    const quote = frame.locator('.card__claim', { hasText: 'ceased and disabled' });
    await expect(quote.locator('.card__quote').textContent()).resolves.toBe('“ceased and disabled a set of services to a unit within the Israel Ministry of Defense”');
    await expect(quote.locator('.card__by').textContent()).resolves.toContain('Brad Smith');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-2-iframe-edge-card.png'), fullPage: true });

    // 2. The custom element: same nodes, and the iframe takes the height the embed asks for.
    await page.goto(`${thirdParty.origin}/element.html`);
    frame = await embedFrame(page);
    expect(await frameNodeIds(frame)).toEqual(UNIT_8200_NEIGHBOURHOOD);
    await page.waitForFunction(() => document.querySelector('sightline-graph iframe')!.getBoundingClientRect().height !== 520);
    const height = await page.evaluate(() => document.querySelector('sightline-graph iframe')!.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(900);
    // A forged message from the page itself (wrong origin) is ignored.
    await page.evaluate((id) => window.postMessage({ type: 'sightline:embed-size', version: 1, viewId: id, height: 1500 }, '*'), v.id);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.querySelector('sightline-graph iframe')!.getBoundingClientRect().height)).toBe(height);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-3-custom-element.png'), fullPage: true });

    // 3. oEmbed: discover the endpoint from the view page, fetch it cross-origin, inject its html.
    await page.goto(`${thirdParty.origin}/oembed.html`);
    // A CMS reads the view page server-side (as here) and follows its discovery link.
    const viewPage = await (await fetch(v.url)).text();
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(viewPage)![1]!.replaceAll('&amp;', '&');
    expect(href).toBe(v.oembedUrl);
    await page.evaluate(async (endpoint) => {
      const oembed = await (await fetch(`${endpoint}&maxwidth=640`)).json();
      document.getElementById('slot')!.innerHTML = oembed.html;
    }, href);
    frame = await embedFrame(page);
    expect(await frameNodeIds(frame)).toEqual(UNIT_8200_NEIGHBOURHOOD);
    expect(await page.evaluate(() => document.querySelector('#slot iframe')!.getAttribute('width'))).toBe('640');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-4-oembed.png'), fullPage: true });

    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('renders hostile names, titles and quotes as text (no script runs), in the embed and its card', async () => {
    const title = '<img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>Hostile view';
    const v = await createView({ title, caption: '<b>not bold</b>', mode: 'pinned', definition: { kind: 'actors', actorIds: ['microsoft', HOSTILE], depth: 0 }, layout: { name: 'fcose' } });
    const page = await fixture.browser().newPage({ viewport: { width: 800, height: 620 } });
    const errors = collectConsoleErrors(page);
    await page.goto(v.embedUrl);
    await page.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
    await expect(page.locator('#embed-title').textContent()).resolves.toBe(title);
    await expect(page.locator('#embed-caption').textContent()).resolves.toBe('<b>not bold</b>');
    expect(await page.title()).toBe(`${title} · Sightline`);
    expect(await page.evaluate(() => window.cy!.$id('embed-test-hostile').data('label'))).toBe(HOSTILE_NAME);
    await expect(page.locator('#embed-badge').textContent()).resolves.toMatch(/^Pinned \d{4}-\d{2}-\d{2}$/);
    const frame = page.mainFrame();
    await clickEdgeIn(page, frame, HOSTILE_EDGE);
    await expect(page.locator('.card__quote').textContent()).resolves.toBe(`“${HOSTILE_QUOTE}”`);
    await expect(page.locator('.card__by').textContent()).resolves.toContain('<i>Committee</i>');
    await expect(page.locator('.card__title').textContent()).resolves.toContain(HOSTILE_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#embed img, #embed script, #embed b, #embed i').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-5-hostile.png') });
    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('renders from the view data inlined in the page (no GET /api/views/:id), hostile text escaped, no CSP violation; falls back to the API without it', async () => {
    const breakout = '</script><script>window.__pwned=5;alert(1)</script>';
    const v = await createView({ title: `${breakout} Inline view`, caption: breakout, mode: 'live', definition: { kind: 'actors', actorIds: ['microsoft', HOSTILE], depth: 0 }, layout: { name: 'fcose' } });
    await write(`MATCH (a:Actor {id: $id}) SET a.name = $name`, { id: HOSTILE, name: `${HOSTILE_NAME}${breakout}` });
    const page = await fixture.browser().newPage({ viewport: { width: 760, height: 600 } });
    try {
      const errors = collectConsoleErrors(page);
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // Any CSP violation (the data block is a <script> element, but one that never runs).
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const load = async (url: string) => {
        requests.length = 0;
        await page.goto(url);
        await page.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
      };

      // 1. As served: the data is inline and used; the page asks no API.
      await load(v.embedUrl);
      expect(requests.filter((path) => path.startsWith('/api/'))).toEqual([]);
      expect(requests).toContain(`/embed/${v.id}`);
      expect(await page.locator('script[type="application/json"]#sightline-view-data').count()).toBe(1);
      await expect(page.locator('#embed-title').textContent()).resolves.toBe(`${breakout} Inline view`);
      await expect(page.locator('#embed-caption').textContent()).resolves.toBe(breakout);
      expect(await page.evaluate(() => window.cy!.nodes().map((n) => n.id()).sort())).toEqual([HOSTILE, 'microsoft']);
      expect(await page.evaluate((id) => window.cy!.$id(id).data('label'), HOSTILE)).toBe(`${HOSTILE_NAME}${breakout}`);
      await expect(page.locator('#embed-badge').textContent()).resolves.toBe('Live');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-10-inline-data.png') });

      // 2. The same page without the block, or with another view's data: the embed asks the API.
      for (const change of ['remove', 'other-id'] as const) {
        await page.route(`**/embed/${v.id}`, async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(/<script type="application\/json" id="sightline-view-data">([^<]*)<\/script>/, (_all, json: string) =>
            change === 'remove' ? '' : `<script type="application/json" id="sightline-view-data">${json.replace(`"id":"${v.id}"`, '"id":"0123456789abcdef"')}</script>`,
          );
          await route.fulfill({ response, body: html });
        });
        await load(v.embedUrl);
        await page.unroute(`**/embed/${v.id}`);
        expect(requests.filter((path) => path.startsWith('/api/')), change).toEqual([`/api/views/${v.id}`]);
        await expect(page.locator('#embed-title').textContent()).resolves.toBe(`${breakout} Inline view`);
        expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(2);
      }
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(errors.join('\n')).toBe('');
    } finally {
      await page.close();
      await write(`MATCH (a:Actor {id: $id}) SET a.name = $name`, { id: HOSTILE, name: HOSTILE_NAME });
    }
  });

  it('a live view shows an edge added after saving; a pinned view does not', async () => {
    const body = { title: 'Microsoft and a newcomer', definition: { kind: 'actors', actorIds: ['microsoft', LONELY], depth: 0 }, layout: { name: 'fcose' } };
    const live = await createView({ ...body, mode: 'live' });
    const pinned = await createView({ ...body, mode: 'pinned' });
    await write(
      `MATCH (m:Actor {id: 'microsoft'}), (l:Actor {id: $lonely})
       MERGE (m)-[r:PARTNERS_WITH {id: $edge}]->(l) SET r.status = 'active', r.summary = 'test'
       MERGE (s:Source {id: 'embed-test-source'})
       MERGE (c:Claim {id: 'embed-test-claim-late'}) SET c.quote = 'partners with the newcomer', c.attributedTo = 'Test Wire', c.stance = 'reported', c.relationshipId = $edge
       MERGE (c)-[:CITES]->(s)`,
      { lonely: LONELY, edge: LATE_EDGE },
    );
    const page = await fixture.browser().newPage({ viewport: { width: 700, height: 520 } });
    const edgesOf = async (url: string) => {
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
      return page.evaluate(() => window.cy!.edges().map((e) => e.id()));
    };
    expect(await edgesOf(live.embedUrl)).toEqual([LATE_EDGE]);
    await expect(page.locator('#embed-sources').textContent()).resolves.toContain('Test Wire');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-6-live-after-edge.png') });
    expect(await edgesOf(pinned.embedUrl)).toEqual([]);
    await expect(page.locator('#embed-sources').textContent()).resolves.toContain('Sources: none');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-7-pinned-unchanged.png') });
    await page.close();
  });

  it('dark theme, static figure, readable on a phone', async () => {
    const v = await createView({ title: 'Unit 8200 (phone)', caption: 'A static figure in the dark theme.', mode: 'live', definition: { kind: 'actors', actorIds: ['unit-8200'], depth: 1 }, layout: { name: 'fcose' } });
    const page = await fixture.browser().newPage({ viewport: { width: 375, height: 600 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${v.embedUrl}?theme=dark&interactive=0`);
    await page.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => [window.cy!.userZoomingEnabled(), window.cy!.userPanningEnabled()])).toEqual([false, false]);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(5);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-8-phone-dark-static.png') });
    await page.close();
  });

  it('the explorer’s Share / Embed dialog saves the canvas as a view and offers the three snippets', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1300, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=microsoft,unit-8200`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) === 2);
    // The layout (computed in a worker, then animated) has finished: the positions are final.
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !window.cy!.animated() && window.cy!.nodes().filter((n) => (n as unknown as { animated(): boolean }).animated()).empty());
    await page.locator('#btn-share:not([disabled])').click();
    await page.locator('#share-title-input').fill('Shared <from> the explorer');
    await page.locator('#share-pinned').check();
    await page.locator('#share-save').click();
    const iframe = page.locator('[data-snippet="iframe"]');
    await iframe.waitFor();
    const snippet = await iframe.inputValue();
    const id = /\/embed\/([0-9A-Za-z]{16})"/.exec(snippet)![1]!;
    views.push(id);
    expect(snippet).toContain('title="Shared &lt;from&gt; the explorer"');
    expect(await page.locator('[data-snippet="element"]').inputValue()).toBe(
      `<script src="${fixture.app().baseUrl}/embed.js" async></script><sightline-graph view="${id}" title="Shared &lt;from&gt; the explorer"></sightline-graph>`,
    );
    expect(await page.locator('[data-snippet="link"]').inputValue()).toBe(`${fixture.app().baseUrl}/?view=${id}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-9-share-dialog.png') });
    const saved = (await (await fetch(`${fixture.app().baseUrl}/api/views/${id}`)).json()).data;
    expect(saved).toMatchObject({ mode: 'pinned', title: 'Shared <from> the explorer', layout: { name: 'preset' } });
    expect(saved.definition.actorIds.sort()).toEqual(['microsoft', 'unit-8200']);
    const onCanvas = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { x: Math.round(n.position().x) + 0, y: Math.round(n.position().y) + 0 }])));
    expect(saved.positions).toEqual(onCanvas);
    expect(errors.join('\n')).toBe('');
    await page.close();
  });
});
