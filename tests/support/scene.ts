/**
 * Generated scenes for the explorer's browser tests: put on the canvas through the app's own
 * `window.sightline.loadScene` (no API), with positions, so no layout runs.
 */
import type { Page } from 'playwright-core';

/** Waits until no action is running and animations have settled. */
export async function settleCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !window.cy!.animated(), undefined, { timeout: 60_000 });
  await page.waitForTimeout(350);
}

/** `n` actors (ids `<prefix>-<i>`) in rows of 25, `spacing` px apart, each linked to the next and to the one below. */
export async function loadGridScene(page: Page, n: number, prefix = 'lw', spacing = 40): Promise<void> {
  await page.evaluate(
    async ({ count, prefix, spacing }) => {
      const nodes = Array.from({ length: count }, (_, i) => ({
        data: { id: `${prefix}-${i}`, label: `Actor ${i}`, name: `Actor ${i}`, kind: (i % 3 === 0 ? 'Person' : 'Company') as 'Person' | 'Company', aliases: [], description: null, country: null, url: null, wikidata: null },
        position: { x: (i % 25) * spacing, y: Math.floor(i / 25) * spacing },
      }));
      const edges = nodes.flatMap((_, i) =>
        [i + 1, i + 25]
          .filter((j) => j < count && (j !== i + 1 || (i + 1) % 25 !== 0))
          .map((j) => ({ data: { id: `${prefix}-e-${i}-${j}`, source: `${prefix}-${i}`, target: `${prefix}-${j}`, type: 'PARTNERS_WITH' as const, label: 'partners with', status: 'active' as const, since: null, until: null, summary: null, evidenceCount: 1 } })),
      );
      await window.sightline!.loadScene({ nodes, edges });
    },
    { count: n, prefix, spacing },
  );
  await settleCanvas(page);
}
