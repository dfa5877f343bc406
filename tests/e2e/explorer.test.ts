import { join } from 'node:path';
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickEdge, collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const fixture = useBrowserApp(getTestDriver(), testDatabase());

const EDGE = 'microsoft-provides-services-to-unit-8200';

/** Ids of the nodes on the canvas, sorted (read from window.cy). */
const canvasIds = (page: Page) => page.evaluate(() => window.cy!.nodes().map((n) => n.id()).sort());

/** Waits until no action is running (the loading indicator is hidden) and animations have settled. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !window.cy!.animated());
  await page.waitForTimeout(350);
}

/** Page coordinates of a node's centre or an edge's midpoint on the canvas. */
function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const ele = window.cy!.getElementById(id);
    const p = ele.isNode() ? (ele as unknown as NodeSingular).renderedPosition() : (ele as unknown as EdgeSingular).renderedMidpoint();
    const box = document.getElementById('cy')!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

describe('the explorer (headless Chromium)', () => {
  it('finds an actor, grows the graph, shows the evidence of an edge, undoes, and restores the view from the URL', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);

    // Empty state: starting points and the legend come from the API; the status line says Neo4j is up.
    await page.locator('#starting-points button').first().waitFor();
    await page.locator('#status').filter({ hasText: 'Connected to Neo4j' }).waitFor();
    await expect(page.locator('.legend').textContent()).resolves.toContain('Military unit');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-1-empty.png') });

    // Search as you type, keyboard only: the combobox opens, the first option is active, Enter picks it.
    const input = page.locator('#search-input');
    await input.click();
    await input.pressSequentially('unit8200', { delay: 20 });
    const option = page.locator('#search-list [role="option"]').first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('Unit 8200');
    await expect(option.textContent()).resolves.toContain('Military unit');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-2-suggestions.png') });
    await input.press('Enter');

    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await settle(page);
    const first = await canvasIds(page);
    expect(first).toEqual(['azure', 'idf', 'israel-ministry-of-defense', 'microsoft', 'unit-8200']);
    expect(await page.evaluate(() => window.cy!.$id('unit-8200').selected())).toBe(true);
    await page.locator('#details h2', { hasText: 'Unit 8200' }).waitFor();
    expect(new URL(page.url()).searchParams.get('a')?.split(',').sort()).toEqual(first);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-3-unit-8200.png') });

    // Double-click Microsoft: its neighbours are merged in; the nodes already there do not move.
    const before = await page.evaluate(() => window.cy!.$id('unit-8200').position());
    const ms = await pointOf(page, 'microsoft');
    await page.mouse.dblclick(ms.x, ms.y);
    await page.waitForFunction(() => window.cy!.nodes().length > 5);
    await settle(page);
    const expanded = await canvasIds(page);
    expect(expanded).toEqual(expect.arrayContaining([...first, 'brad-smith', 'xbox', 'bds-movement']));
    expect(await page.evaluate(() => window.cy!.$id('unit-8200').position())).toEqual(before);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-4-expanded.png') });

    // Click the Microsoft → Unit 8200 edge: every claim, verbatim in quotation marks, with who asserts it.
    await clickEdge(page, EDGE);
    await page.locator('#details .claims').waitFor();
    expect(await page.evaluate((id) => window.cy!.$id(id).selected(), EDGE)).toBe(true);
    const claim = page.locator('#details .claim', { hasText: 'ceased and disabled' });
    await expect(claim.locator('.claim__quote').textContent()).resolves.toBe('“ceased and disabled a set of services to a unit within the Israel Ministry of Defense”');
    await expect(claim.locator('.claim__by').textContent()).resolves.toContain('— Brad Smith');
    await expect(claim.locator('.claim__source').textContent()).resolves.toContain('Polygon');
    await expect(page.locator('#details .badge').textContent()).resolves.toBe('ended');
    expect(await page.locator('#details .claim').count()).toBe(4);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`e:${EDGE}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-5-edge-evidence.png') });

    // Undo (Ctrl+Z) removes the expansion; redo (button) brings it back; undo again.
    await page.locator('#cy').focus();
    await page.keyboard.press('Control+z');
    await settle(page);
    expect(await canvasIds(page)).toEqual(first);
    await page.locator('#btn-redo').click();
    await settle(page);
    expect(await canvasIds(page)).toEqual(expanded);
    await page.locator('#btn-undo').click();
    await settle(page);
    expect(await canvasIds(page)).toEqual(first);

    // Reload: the same actors come back from the URL.
    await page.reload();
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 0);
    await settle(page);
    expect(await canvasIds(page)).toEqual(first);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-6-reloaded.png') });

    // Back: the expanded view (the URL before the undo) is restored.
    await page.goBack();
    await page.waitForFunction((n) => window.cy!.nodes().length === n, expanded.length);
    await settle(page);
    expect(await canvasIds(page)).toEqual(expanded);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('badges an alleged relationship and words it as someone’s claim', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=unit-8200,azure&sel=e:unit-8200-stores-data-on-azure`);
    await page.locator('#details .claims').waitFor();
    await settle(page);
    expect(await canvasIds(page)).toEqual(['azure', 'unit-8200']);
    await expect(page.locator('#details .badge').textContent()).resolves.toBe('alleged');
    await expect(page.locator('#details .status-note').textContent()).resolves.toMatch(/^Alleged by .+; not confirmed/);
    await expect(page.locator('#details h2').textContent()).resolves.toContain('(alleged)');
    expect(await page.evaluate(() => window.cy!.$id('unit-8200-stores-data-on-azure').hasClass('contested'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-7-alleged.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the explorer: more neighbours and paths (headless Chromium)', () => {
  it('offers "+N more" when an expansion is truncated, and brings them on click', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=microsoft&sel=n:microsoft`);
    await page.locator('#details h2', { hasText: 'Microsoft' }).waitFor();
    await settle(page);
    // A small limit through the debugging handle (the default limit covers the whole seed).
    await page.evaluate(() => window.sightline!.expand('microsoft', 4));
    await settle(page);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(4);
    expect(await page.evaluate(() => window.cy!.$id('microsoft').hasClass('has-more'))).toBe(true);
    const more = page.locator('#details [data-action="more"]');
    await more.waitFor();
    // Microsoft has 12 distinct neighbours: 4 nodes shown (centre included), 9 left out.
    await expect(more.textContent()).resolves.toBe('+9 more');
    await more.click();
    await page.waitForFunction(() => window.cy!.nodes().length === 13);
    await settle(page);
    expect(await page.evaluate(() => window.cy!.$id('microsoft').hasClass('has-more'))).toBe(false);

    // Keyboard: Delete removes the selected actor (and its edges), Ctrl+Z brings it back.
    const edgesBefore = await page.evaluate(() => window.cy!.edges().length);
    await page.locator('#cy').focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => window.cy!.$id('microsoft').empty());
    await settle(page);
    expect(await page.evaluate(() => window.cy!.edges().length)).toBe(edgesBefore - 14); // Microsoft has 14 relationships
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.cy!.$id('microsoft').nonempty());
    await settle(page);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(13);
    expect(await page.evaluate(() => window.cy!.edges().length)).toBe(edgesBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds how two actors connect, highlights the path and lists it step by step', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.locator('#starting-points button').first().waitFor();
    await page.locator('#paths summary').click();
    for (const [field, text, name] of [
      ['#path-from', 'brad smith', 'Brad Smith'],
      ['#path-to', 'palestinian civilians', 'Palestinian civilians'],
    ] as const) {
      await page.locator(field).pressSequentially(text, { delay: 10 });
      await page.locator(`${field}-list [role="option"]`, { hasText: name }).first().click();
      await expect(page.locator(field).inputValue()).resolves.toBe(name);
    }
    await page.locator('#path-form button[type="submit"]').click();
    await page.locator('#path-results .steps li').first().waitFor();
    await settle(page);
    const onPath = await page.evaluate(() => window.cy!.nodes('.on-path').map((n) => n.id()));
    expect(onPath).toEqual(expect.arrayContaining(['brad-smith', 'palestinian-civilians']));
    expect(await page.evaluate(() => window.cy!.edges('.on-path').length)).toBe(onPath.length - 1);
    expect(new URL(page.url()).searchParams.get('path')).toBe('brad-smith,palestinian-civilians,shortest');
    const steps = await page.locator('#path-results .steps li').allTextContents();
    expect(steps[0]).toMatch(/^Brad Smith /);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-8-path.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the explorer: filters and export (headless Chromium)', () => {
  it('filters relationships by status, keeps the filter in the URL, and exports the canvas as PNG', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/?a=microsoft,idf,unit-8200,azure`);
    await page.waitForFunction(() => window.cy!.nodes().length === 4);
    await settle(page);
    const statuses = () => page.evaluate(() => [...new Set(window.cy!.edges().map((e) => String(e.data('status'))))].sort());
    expect(await statuses()).toEqual(['active', 'alleged', 'ended']);
    await page.locator('#filters summary').click();
    await page.locator('#filter-status').selectOption(['alleged']);
    await page.locator('#filter-form button[type="submit"]').click();
    await page.waitForFunction(() => window.cy!.edges().every((e) => e.data('status') === 'alleged'));
    await settle(page);
    expect(await statuses()).toEqual(['alleged']);
    expect(await page.evaluate(() => window.cy!.nodes().length)).toBe(4);
    expect(new URL(page.url()).searchParams.get('status')).toBe('alleged');

    await page.locator('#export-menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-png').click()]);
    expect(download.suggestedFilename()).toBe('sightline-graph.png');
    const png = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of png) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');

    await page.locator('#filter-reset').click();
    await page.waitForFunction(() => window.cy!.edges().some((e) => e.data('status') !== 'alleged'));
    await settle(page);
    expect(await statuses()).toEqual(['active', 'alleged', 'ended']);
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
