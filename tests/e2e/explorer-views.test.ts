import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);

/** Waits until no action is running and animations have settled. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !window.cy!.animated());
  await page.waitForTimeout(350);
}

const positions = (page: Page) =>
  page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { x: Math.round(n.position().x), y: Math.round(n.position().y) }])));

const query = (page: Page) => new URL(page.url()).searchParams;

async function downloaded(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function exportFile(page: Page, button: string): Promise<{ name: string; text: string }> {
  await page.locator('#export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  await settle(page);
  return { name: download.suggestedFilename(), text: await downloaded(download) };
}

const SEED_VIEW = '/?a=microsoft,idf,unit-8200,azure,brad-smith';

describe('the explorer: layouts, pins and positions in the URL (headless Chromium)', () => {
  it('re-lays out with the picked layout, keeps a pinned actor in place, and restores layout, pins and positions on reload', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}${SEED_VIEW}`);
    await page.waitForFunction(() => window.cy!.nodes().length === 5);
    await settle(page);
    // Positions of every actor are in the URL, rounded, in actor order.
    const first = await positions(page);
    expect(query(page).get('pos')?.split('.')).toHaveLength(5);

    // Pin Microsoft with the keyboard (select it, press P): marked by a class, written to the URL.
    await page.evaluate(() => window.sightline!.select({ kind: 'node', id: 'microsoft' }));
    await page.locator('#cy').focus();
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.cy!.$id('microsoft').hasClass('pinned'))).toBe(true);
    expect(query(page).get('pin')).toBe('microsoft');

    // Every layout runs; the pinned actor never moves; the others do; the URL follows.
    const options = await page.locator('#layout-select option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).disabled]));
    expect(options).toEqual([['fcose', false], ['concentric', false], ['breadthfirst', false], ['dagre', false], ['grid', false]]);
    for (const layout of ['concentric', 'breadthfirst', 'dagre', 'grid']) {
      await page.locator('#layout-select').selectOption(layout);
      await page.waitForFunction((l) => new URL(location.href).searchParams.get('layout') === l, layout);
      await settle(page);
      const now = await positions(page);
      expect(now.microsoft, layout).toEqual(first.microsoft);
      expect(Object.keys(now).some((id) => id !== 'microsoft' && (now[id]!.x !== first[id]!.x || now[id]!.y !== first[id]!.y)), layout).toBe(true);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-views-1-grid-pinned.png') });
    const beforeReload = await positions(page);

    // Undo returns to the previous arrangement (a re-layout is one undo step).
    await page.keyboard.press('Control+z');
    await settle(page);
    expect((await positions(page))['unit-8200']).not.toEqual(beforeReload['unit-8200']);
    await page.keyboard.press('Control+Shift+z');
    await settle(page);
    expect(await positions(page)).toEqual(beforeReload);

    // Reload: same layout in the picker, same pin, same positions (no layout run).
    await page.reload();
    await page.waitForFunction(() => window.cy!.nodes().length === 5);
    await settle(page);
    expect(await positions(page)).toEqual(beforeReload);
    await expect(page.locator('#layout-select').inputValue()).resolves.toBe('grid');
    expect(await page.evaluate(() => window.cy!.$id('microsoft').hasClass('pinned'))).toBe(true);

    // "Re-layout" (L) with fcose: Microsoft still stays.
    await page.locator('#layout-select').selectOption('fcose');
    await settle(page);
    expect((await positions(page)).microsoft).toEqual(first.microsoft);
    expect(query(page).get('layout')).toBeNull();

    // The context menu unpins; then a re-layout may move Microsoft.
    const p = await page.evaluate(() => {
      const pos = window.cy!.$id('microsoft').renderedPosition();
      const box = document.getElementById('cy')!.getBoundingClientRect();
      return { x: box.left + pos.x, y: box.top + pos.y };
    });
    await page.mouse.click(p.x, p.y, { button: 'right' });
    const unpin = page.locator('.context-menu [data-action="pin"]');
    await expect(unpin.textContent()).resolves.toBe('Unpin');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-views-2-context-menu.png') });
    await unpin.click();
    expect(await page.evaluate(() => window.cy!.$id('microsoft').hasClass('pinned'))).toBe(false);
    expect(query(page).get('pin')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers dagre only up to 300 actors, and keeps a large canvas’s URL under 2,000 characters', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1200, height: 800 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.locator('#starting-points button').first().waitFor();
    // A generated scene (no API): 400 actors in a chain, on a grid.
    await page.evaluate(async () => {
      const nodes = Array.from({ length: 400 }, (_, i) => ({
        data: { id: `scene-actor-${i}`, label: `Actor ${i}`, name: `Actor ${i}`, kind: 'Company' as const, aliases: [], description: null, country: null, url: null, wikidata: null },
        position: { x: (i % 20) * 90, y: Math.floor(i / 20) * 90 },
      }));
      const edges = nodes.slice(1).map((n, i) => ({
        data: { id: `scene-edge-${i}`, source: `scene-actor-${i}`, target: n.data.id, type: 'PARTNERS_WITH' as const, label: 'partners with', status: 'active' as const, since: null, until: null, summary: null, evidenceCount: 1 },
      }));
      await window.sightline!.loadScene({ nodes, edges });
    });
    await settle(page);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(400);
    const dagre = page.locator('#layout-select option[value="dagre"]');
    expect(await dagre.evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(true);
    await expect(dagre.getAttribute('title')).resolves.toContain('up to 300 actors');
    // The URL names at most 200 actors; their ids alone exceed the 1,900-character budget, so no positions.
    const params = query(page);
    expect(params.get('a')?.split(',')).toHaveLength(200);
    expect(params.has('pos')).toBe(false);
    // A smaller scene of long ids: positions are written for the first actors only, within the budget.
    await page.evaluate(async () => {
      window.sightline!.clearAll();
      const nodes = Array.from({ length: 60 }, (_, i) => ({
        data: { id: `scene-actor-with-a-long-id-${i}`, label: `Actor ${i}`, name: `Actor ${i}`, kind: 'Person' as const, aliases: [], description: null, country: null, url: null, wikidata: null },
        position: { x: i * 1000, y: -i * 1000 },
      }));
      await window.sightline!.loadScene({ nodes, edges: [] });
    });
    await settle(page);
    expect(page.url().length).toBeLessThan(2000);
    const pos = query(page).get('pos')?.split('.') ?? [];
    expect(pos.length).toBeGreaterThan(10);
    expect(pos.length).toBeLessThan(60);
    expect(pos[1]).toBe(`${(1000).toString(36)}_${(-1000).toString(36)}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the explorer: exports of the canvas (headless Chromium)', () => {
  it('downloads SVG, Cytoscape JSON, GraphML and the citation list of what is shown', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=microsoft,unit-8200,azure&status=ended`);
    await page.waitForFunction(() => window.cy!.nodes().length === 3);
    await settle(page);
    const edges = await page.evaluate(() => window.cy!.edges().map((e) => e.id()).sort());
    expect(edges).toEqual(['microsoft-provides-services-to-unit-8200']);

    const svg = await exportFile(page, '#btn-svg');
    expect(svg.name).toBe('sightline-graph.svg');
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('Unit 8200');

    const cyjs = await exportFile(page, '#btn-cyjs');
    expect(cyjs.name).toBe('sightline-graph.cyjs.json');
    const doc = JSON.parse(cyjs.text) as { elements: { nodes: { data: { id: string }; position: { x: number } }[]; edges: { data: { id: string } }[] } };
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual(['azure', 'microsoft', 'unit-8200']);
    expect(doc.elements.edges.map((e) => e.data.id)).toEqual(edges);
    expect(typeof doc.elements.nodes[0]!.position.x).toBe('number');

    const graphml = await exportFile(page, '#btn-graphml');
    expect(graphml.name).toBe('sightline-graph.graphml');
    expect(graphml.text).toContain('<graphml');
    expect(graphml.text.match(/<node /g)).toHaveLength(3);
    // Only the relationship shown (the status filter hides the others between these actors).
    expect(graphml.text.match(/<edge /g)).toHaveLength(1);
    expect(graphml.text).toContain('id="microsoft-provides-services-to-unit-8200"');

    const citations = await exportFile(page, '#btn-citations');
    expect(citations.name).toBe('sightline-citations.txt');
    expect(citations.text).toMatch(/^Sources behind 1 relationship exported from Sightline/);
    expect(citations.text).toMatch(/^1\. .+Supports 1 exported relationship/m);
    expect(citations.text).toContain('Polygon');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the explorer: time (headless Chromium)', () => {
  const P = 'zz-explorer-time';
  const ids = { a: `${P}-a`, b: `${P}-b`, c: `${P}-c`, ended: `${P}-a-partners-with-b`, later: `${P}-a-employs-c`, source: `${P}-source` };
  beforeAll(async () => {
    await driver.executeQuery(
      `CREATE (a:Actor:Company {id: $a, name: 'Timekeeper Ltd', aliases: [], description: 'test actor'})
       CREATE (b:Actor:Company {id: $b, name: 'Former Partner Inc', aliases: [], description: 'test actor'})
       CREATE (c:Actor:Person {id: $c, name: 'Late Hire', aliases: [], description: 'test actor'})
       CREATE (a)-[:PARTNERS_WITH {id: $ended, status: 'ended', summary: 'test', since: '2019-04', until: '2021-06'}]->(b)
       CREATE (a)-[:EMPLOYS {id: $later, status: 'active', summary: 'test', since: '2023-02'}]->(c)
       CREATE (s:Source {id: $source, title: 'Explorer time test source', publisher: 'Test', publishedAt: '2024-01-01'})
       CREATE (:Claim {id: $c1, quote: 'q1', attributedTo: 'Test', stance: 'reported', relationshipId: $ended})-[:CITES]->(s)
       CREATE (:Claim {id: $c2, quote: 'q2', attributedTo: 'Test', stance: 'reported', relationshipId: $later})-[:CITES]->(s)`,
      { ...ids, c1: `${P}-c1`, c2: `${P}-c2` },
      { database },
    );
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n) WHERE (n:Actor OR n:Source OR n:Claim) AND n.id STARTS WITH $p DETACH DELETE n', { p: P }, { database });
  });

  const shownEdges = (page: Page) => page.evaluate(() => window.cy!.edges().map((e) => e.id()).sort());

  it('the "as of" slider snaps to the dates that exist and hides what started later or had ended; play steps through them', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=${ids.a},${ids.b},${ids.c}`);
    await page.waitForFunction(() => window.cy!.nodes().length === 3);
    await page.locator('#timebar').waitFor();
    await settle(page);
    expect(await shownEdges(page)).toEqual([ids.later, ids.ended].sort());
    const slider = page.locator('#time-slider');
    const dates = ((await slider.getAttribute('data-dates')) ?? '').split(',');
    expect(dates).toEqual(expect.arrayContaining(['2019-04', '2021-06', '2023-02']));
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('any date');

    // Keyboard: Home goes to the first date, arrows step through the dates that exist.
    const stepTo = async (date: string) => {
      await slider.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < dates.length && (await slider.getAttribute('aria-valuetext')) !== date; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction((d) => new URL(location.href).searchParams.get('asOf') === d, date);
      await settle(page);
    };
    await stepTo('2019-04');
    expect(await shownEdges(page)).toEqual([ids.ended]); // the employment starts in 2023
    await expect(page.locator('#time-label').textContent()).resolves.toBe('As of 2019-04');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-views-3-as-of-2019.png') });
    await stepTo('2021-06');
    expect(await shownEdges(page)).toEqual([]); // the partnership ended in 2021-06
    await stepTo('2023-02');
    expect(await shownEdges(page)).toEqual([ids.later]);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(3);

    // "Any date" clears the filter.
    await page.locator('#time-clear').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('asOf'));
    await settle(page);
    expect(await shownEdges(page)).toEqual([ids.later, ids.ended].sort());

    // Play: one date a second, the URL replaced (no history entry per step), ends on the last date.
    const historyBefore = await page.evaluate(() => history.length);
    const seen = new Set<string>();
    await page.locator('#time-play').click();
    await expect(page.locator('#time-play').getAttribute('aria-pressed')).resolves.toBe('true');
    const last = dates[dates.length - 1] as string;
    for (let t = 0; t < 120 && (await page.locator('#time-play').getAttribute('aria-pressed')) === 'true'; t++) {
      const asOf = query(page).get('asOf');
      if (asOf) seen.add(asOf);
      await page.waitForTimeout(100);
    }
    await expect(page.locator('#time-play').textContent()).resolves.toBe('▶ Play');
    expect(query(page).get('asOf')).toBe(last);
    expect([...seen]).toEqual(expect.arrayContaining(['2019-04', '2021-06']));
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // Pause stops a play-through where it is.
    await page.locator('#time-play').click();
    await page.waitForTimeout(300);
    await page.locator('#time-play').click();
    const paused = query(page).get('asOf');
    await page.waitForTimeout(1500);
    expect(query(page).get('asOf')).toBe(paused);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the explorer: renderer (headless Chromium)', () => {
  it('stays on the canvas renderer under software WebGL (SwiftShader) or without WebGL2, and says why', async () => {
    const page = await fixture.browser().newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.waitForFunction(() => window.sightlineRenderer !== undefined);
    const decision = await page.evaluate(() => window.sightlineRenderer!);
    console.log('renderer decision in headless Chromium:', decision);
    expect(decision.webgl).toBe(false);
    expect(decision.reason).toMatch(/software WebGL renderer|no WebGL2|performance caveat/);
    // The canvas is Cytoscape's 2D canvas renderer: no WebGL2 context on its layers.
    const contexts = await page.evaluate(() => [...document.querySelectorAll('#cy canvas')].map((c) => ((c as HTMLCanvasElement).getContext('2d') ? '2d' : 'other')));
    expect(contexts.length).toBeGreaterThan(0);
    expect(contexts.every((c) => c === '2d')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
