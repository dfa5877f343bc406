/**
 * Query views in the browser: the console's "Save as view" saves a saved query's result as a query
 * view (its id and parameters) and the editor's own text as a view of actors; the embed page draws
 * a query view like any other.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const fixture = useBrowserApp(driver, testDatabase());
const views: string[] = [];

afterAll(async () => {
  await driver.executeQuery('MATCH (v:View) WHERE v.id IN $ids DETACH DELETE v', { ids: views }, { database: testDatabase() });
});

const getView = async (id: string) => (await (await fetch(`${fixture.app().baseUrl}/api/views/${id}`)).json()).data;

/** Waits until the console has finished `after + 1` requests and drawn the result. */
async function finished(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => (window.sightlineConsole?.completed ?? 0) > n && document.getElementById('app')?.getAttribute('aria-busy') === 'false', after);
  await page.waitForTimeout(150);
}

/** Saves the shown result with the console's Save as view form; the new view's id. */
async function saveAsView(page: Page, title: string): Promise<string> {
  await page.click('#btn-save-view');
  await page.fill('#save-view-title', title);
  await page.locator('#save-view-form button[type="submit"]').click();
  const link = page.locator('#saved-view-link');
  await link.waitFor();
  const id = new URL((await link.getAttribute('href'))!).searchParams.get('view')!;
  views.push(id);
  return id;
}

describe('query views (headless Chromium)', () => {
  it('the console saves a saved query’s result as a query view, and the editor’s text as a view of actors', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1366, height: 820 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/console`);
    await page.locator('.saved__item[data-id="actor-service-relationships"]').click();
    const form = page.locator('.saved__form');
    await form.waitFor();
    await form.locator('input[name="actor"]').fill('unit-8200');
    let before = await page.evaluate(() => window.sightlineConsole!.completed);
    await form.locator('button[type="submit"]').click();
    await finished(page, before);
    // Saved positions are the canvas's once its layout has settled.
    await page.evaluate(() => window.sightlineConsole!.graph.ready);
    const shown = await page.evaluate(() => window.consoleCy!.nodes().map((n) => n.id()).sort());

    const queryViewId = await saveAsView(page, 'Unit 8200 services (saved query)');
    const saved = await getView(queryViewId);
    expect(saved.definition).toEqual({ kind: 'query', queryId: 'actor-service-relationships', params: { actor: 'unit-8200', limit: 50 } });
    expect(saved.elements.nodes.map((n: any) => n.data.id).sort()).toEqual(shown);
    // Laid out where the actors were on the console's canvas.
    const canvas = await page.evaluate(() => Object.fromEntries(window.consoleCy!.nodes().map((n) => [n.id(), { x: Math.round(n.position().x), y: Math.round(n.position().y) }])));
    expect(saved.positions).toEqual(canvas);

    // The editor's own text (no saved query): a view of the result's actors.
    await page.evaluate(() => window.sightlineConsole!.editor.setValue("MATCH (a:Actor {id: 'microsoft'})-[r:PROVIDES_SERVICES_TO]->(b:Actor {id: 'unit-8200'}) RETURN a, r, b"));
    before = await page.evaluate(() => window.sightlineConsole!.completed);
    await page.click('#btn-run');
    await finished(page, before);
    const adHoc = await getView(await saveAsView(page, 'Ad hoc'));
    expect(adHoc.definition.kind).toBe('actors');
    expect([...adHoc.definition.actorIds].sort()).toEqual(['microsoft', 'unit-8200']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the embed page draws a query view: its actors, the saved query named under the graph; screenshot', async () => {
    const response = await fetch(`${fixture.app().baseUrl}/api/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Microsoft’s service relationships', caption: 'The saved query “Service relationships of an actor”, run on every load.', mode: 'live', definition: { kind: 'query', queryId: 'actor-service-relationships', params: { actor: 'microsoft' } } }),
    });
    const created = (await response.json()).data;
    expect(response.status).toBe(201);
    views.push(created.id);
    const view = await getView(created.id);
    expect(view.elements.nodes.length).toBeGreaterThan(1);

    const page = await fixture.browser().newPage({ viewport: { width: 720, height: 560 } });
    const errors = collectConsoleErrors(page);
    await page.goto(created.embedUrl);
    await page.waitForFunction(() => document.getElementById('embed')?.dataset.state === 'ready');
    const drawn = await page.evaluate(() => ({ nodes: window.cy!.nodes().map((n) => n.id()).sort(), edges: window.cy!.edges().map((e) => e.id()).sort() }));
    expect(drawn.nodes).toEqual(view.elements.nodes.map((n: any) => n.data.id).sort());
    expect(drawn.edges).toEqual(view.elements.edges.map((e: any) => e.data.id).sort());
    // Drawn where the server placed them (the stored layout).
    const positions = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), n.position()])));
    for (const [id, p] of Object.entries(view.positions) as Array<[string, { x: number; y: number }]>) expect(positions[id]).toEqual(p);
    await expect(page.locator('#embed-asof').textContent()).resolves.toMatch(/saved query “actor-service-relationships” \(actor: microsoft; limit: 50\)/);
    await expect(page.locator('#embed-sources').textContent()).resolves.toMatch(/^Sources: /);
    const explore = await page.locator('#embed-explore').getAttribute('href');
    expect(new URLSearchParams(explore!.slice(2)).get('a')!.split(',').sort()).toEqual(drawn.nodes);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-query-view.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
