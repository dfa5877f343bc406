/**
 * `npm run bench -- explorer [--sizes=1000,5000,20000] [--pan-ms=3000]`: the explorer's canvas at
 * scale, in headless Chromium on this machine, side by side with a bare Cytoscape page.
 *
 * For each size a scene is generated (seeded): N actors on a jittered grid with ~2 relationships
 * each (to the right and lower neighbour, and a few long links), positions given, so no layout
 * runs while measuring rendering. Both pages get the same elements in a canvas of the same size:
 *
 * - explorer: the built page (web/dist, served statically, no API behind it: the scene goes in
 *   through the page's hook `window.sightline.loadScene`, the same path as every graph change:
 *   merge, one cy.batch, classes, stylesheet, URL);
 * - bare: an empty page with cytoscape.min.js and `cytoscape({ container, elements })`, default
 *   options and default style (the baseline is never tuned).
 *
 * Measured: time to first render (call → two animation frames later); frame rate while the mouse
 * pans the viewport for `--pan-ms` (the drag starts on empty background and the run fails if it
 * grabbed a node instead; requestAnimationFrame callbacks counted in the page, which fire only as
 * fast as Cytoscape's frames finish on the main thread); for the 5k scene the time
 * of an expansion (50 new actors and their relationships merged around one actor and placed
 * next to it, until the next frame), 5 times; for the 1k scene a full fcose layout ("Re-layout").
 * Results: tests/bench/results/explorer.{json,md}.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { createLogger } from '../../server/src/logger.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import type { GraphElements } from '../../web/src/graph/types.js';
import { CHROMIUM_PATH } from '../support/browser.js';
import { Prng } from './lib/prng.js';
import { machine, writeResults } from './lib/report.js';
import { median } from './lib/stats.js';

const VIEWPORT = { width: 1400, height: 900 };
const DIST = join(REPO_ROOT, 'web', 'dist');
const CYTOSCAPE_JS = join(REPO_ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' } as Record<string, string>;

/** The built web assets on a loopback port (the API is not needed: scenes come in through the page hook). */
async function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path === '/' ? 'index.html' : path);
    stat(file)
      .then((s) => {
        if (!s.isFile() || !file.startsWith(DIST)) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      })
      .catch(() => {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'bench: static server only' } }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const KINDS = ['Company', 'Organization', 'GovernmentBody', 'MilitaryUnit', 'Person', 'Product'] as const;

/** N actors on a jittered grid; edges to the right and lower neighbours and ~5% long links (≈2 per actor). */
export function generateScene(n: number, seed = 42): GraphElements {
  const prng = new Prng(seed + n);
  const cols = Math.ceil(Math.sqrt(n));
  const spacing = 110;
  const nodes: GraphElements['nodes'] = [];
  for (let i = 0; i < n; i++) {
    const name = `Actor ${i}`;
    nodes.push({
      data: { id: `bench-actor-${i}`, label: name, name, kind: prng.pick(KINDS), aliases: [], description: null, country: null, url: null, wikidata: null },
      position: { x: (i % cols) * spacing + prng.between(-25, 25), y: Math.floor(i / cols) * spacing + prng.between(-25, 25) },
    });
  }
  const edges: GraphElements['edges'] = [];
  const edge = (a: number, b: number) => {
    const evidenceCount = prng.between(1, 4);
    const status = prng.weighted([['active', 8], ['ended', 1], ['alleged', 1]] as const);
    edges.push({
      data: { id: `bench-edge-${edges.length}`, source: `bench-actor-${a}`, target: `bench-actor-${b}`, type: 'PARTNERS_WITH', label: 'partners with', status, since: null, until: null, summary: null, evidenceCount },
    });
  };
  for (let i = 0; i < n; i++) {
    if ((i + 1) % cols !== 0 && i + 1 < n) edge(i, i + 1);
    if (i + cols < n) edge(i, i + cols);
    if (prng.chance(0.05)) edge(i, prng.int(n));
  }
  return { nodes, edges: edges.filter((e) => e.data.source !== e.data.target) };
}

/** 50 new actors (and an edge from the centre to each, and a few among them) to merge around `centre`. */
function expansion(centre: string, round: number): Partial<GraphElements> {
  const nodes: GraphElements['nodes'] = [];
  const edges: GraphElements['edges'] = [];
  for (let i = 0; i < 50; i++) {
    const id = `bench-new-${round}-${i}`;
    nodes.push({ data: { id, label: `New ${round}.${i}`, name: `New ${round}.${i}`, kind: 'Company', aliases: [], description: null, country: null, url: null, wikidata: null } });
    edges.push({ data: { id: `bench-new-edge-${round}-${i}`, source: centre, target: id, type: 'PARTNERS_WITH', label: 'partners with', status: 'active', since: null, until: null, summary: null, evidenceCount: 1 } });
  }
  return { nodes, edges };
}

/**
 * Counts animation frames while the mouse pans the viewport for `ms`: the drag starts on empty
 * background (the scenes are square, the canvas is wide: after a fit, a strip along the left edge
 * holds no element) and circles from there. The page's Cytoscape (`window[cyGlobal]`) must report
 * pan events and no grabbed node, so a drag that caught a node (moving it, not the view) fails
 * the run instead of being measured as a pan.
 */
async function dragFps(page: Page, selector: string, ms: number, cyGlobal: 'cy' | 'bare'): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`bench/explorer: ${selector} has no box`);
  const x0 = box.x + 15;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  // Start the counters, then drag.
  // A string, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    const cy = window[${JSON.stringify(cyGlobal)}];
    window.__pans = 0;
    window.__grabs = 0;
    cy.on('pan', () => { window.__pans++; });
    cy.on('grab', () => { window.__grabs++; });
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.down();
  const start = Date.now();
  let t = 0;
  while (Date.now() - start < ms) {
    t += 0.15;
    await page.mouse.move(x0 + 200 * (1 - Math.cos(t)), y0 + Math.sin(t) * 120, { steps: 1 });
  }
  const elapsed = (Date.now() - start) / 1000;
  const { frames, pans, grabs } = (await page.evaluate('(() => { window.__counting = false; return { frames: window.__frames, pans: window.__pans, grabs: window.__grabs }; })()')) as { frames: number; pans: number; grabs: number };
  await page.mouse.up();
  if (pans === 0 || grabs > 0) throw new Error(`bench/explorer: the drag on ${cyGlobal} did not pan the view (${pans} pan events, ${grabs} nodes grabbed)`);
  return frames / elapsed;
}

interface SizeResult {
  nodes: number;
  edges: number;
  explorer: { firstRenderMs: number; panFps: number };
  bare: { firstRenderMs: number; panFps: number };
  fpsRatio: number;
  expandMs?: number[];
  expandMedianMs?: number;
  relayoutMs?: number;
}

async function measureExplorer(browser: Browser, baseUrl: string, scene: GraphElements, panMs: number, extra: { expand: boolean; relayout: boolean }) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => window.sightline !== undefined);
  const firstRenderMs = await page.evaluate(async (elements) => {
    const t0 = performance.now();
    await window.sightline!.loadScene(elements);
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return performance.now() - t0;
  }, scene);
  const box = await page.evaluate(() => {
    window.cy!.fit(undefined, 20);
    const r = document.getElementById('cy')!.getBoundingClientRect();
    return { width: r.width, height: r.height, renderer: window.sightlineRenderer, nodes: window.cy!.nodes().length };
  });
  if (box.nodes !== scene.nodes.length) throw new Error(`bench/explorer: the explorer shows ${box.nodes} nodes, expected ${scene.nodes.length}`);
  await page.waitForTimeout(500);
  const panFps = await dragFps(page, '#cy', panMs, 'cy');
  const out: { firstRenderMs: number; panFps: number; expandMs?: number[]; relayoutMs?: number; box: typeof box } = { firstRenderMs, panFps, box };
  if (extra.expand) {
    out.expandMs = [];
    for (let round = 0; round < 5; round++) {
      const centre = scene.nodes[Math.floor(((round + 1) * scene.nodes.length) / 7)]!.data.id;
      const ms = await page.evaluate(
        async ({ centre, incoming }) => {
          const t0 = performance.now();
          await window.sightline!.growScene(centre, incoming);
          await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
          return performance.now() - t0;
        },
        { centre, incoming: expansion(centre, round) },
      );
      const added = await page.evaluate((r) => window.cy!.nodes(`[id ^= "bench-new-${r}-"]`).length, round);
      if (added !== 50) throw new Error(`bench/explorer: expansion ${round} added ${added} nodes, expected 50`);
      out.expandMs.push(ms);
    }
  }
  if (extra.relayout) {
    out.relayoutMs = await page.evaluate(async () => {
      const t0 = performance.now();
      await window.sightline!.relayout('fcose');
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      return performance.now() - t0;
    });
  }
  if (errors.length > 0) throw new Error(`bench/explorer: page errors: ${errors.join('; ')}`);
  await page.close();
  return out;
}

async function measureBare(browser: Browser, scene: GraphElements, size: { width: number; height: number }, panMs: number) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.setContent(`<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;left:0;top:0;width:${size.width}px;height:${size.height}px"></div></body></html>`);
  await page.addScriptTag({ path: CYTOSCAPE_JS });
  const firstRenderMs = await page.evaluate(async (elements) => {
    const t0 = performance.now();
    const cytoscape = (window as unknown as { cytoscape: (o: unknown) => unknown }).cytoscape;
    (window as unknown as { bare: unknown }).bare = cytoscape({
      container: document.getElementById('cy'),
      elements: { nodes: elements.nodes, edges: elements.edges },
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return performance.now() - t0;
  }, scene);
  await page.evaluate(() => (window as unknown as { bare: { fit(e: undefined, p: number): void } }).bare.fit(undefined, 20));
  await page.waitForTimeout(500);
  const panFps = await dragFps(page, '#cy', panMs, 'bare');
  await page.close();
  return { firstRenderMs, panFps };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function runExplorerBench(args: string[]): Promise<void> {
  const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (arg('sizes') ?? '1000,5000,20000').split(',').map(Number);
  const panMs = Number(arg('pan-ms') ?? 3000);
  await ensureWebBuild(createLogger('warn'));
  const { url, server } = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const results: SizeResult[] = [];
  let renderer: unknown = null;
  try {
    for (const n of sizes) {
      const scene = generateScene(n);
      console.log(`explorer bench: ${n} nodes, ${scene.edges.length} edges`);
      const ex = await measureExplorer(browser, url, scene, panMs, { expand: n === 5000, relayout: n === 1000 });
      renderer = ex.box.renderer;
      const bare = await measureBare(browser, scene, ex.box, panMs);
      const r: SizeResult = {
        nodes: n,
        edges: scene.edges.length,
        explorer: { firstRenderMs: round1(ex.firstRenderMs), panFps: round1(ex.panFps) },
        bare: { firstRenderMs: round1(bare.firstRenderMs), panFps: round1(bare.panFps) },
        fpsRatio: round1(ex.panFps / Math.max(bare.panFps, 0.01)),
      };
      if (ex.expandMs) {
        r.expandMs = ex.expandMs.map(round1);
        r.expandMedianMs = round1(median(ex.expandMs));
      }
      if (ex.relayoutMs !== undefined) r.relayoutMs = round1(ex.relayoutMs);
      console.log(JSON.stringify(r));
      results.push(r);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const expand = results.find((r) => r.expandMedianMs !== undefined);
  const relayout = results.find((r) => r.relayoutMs !== undefined);
  const md = [
    `Headless Chromium (${(renderer as { reason?: string } | null)?.reason ?? 'renderer unknown'}), canvas ${VIEWPORT.width}×${VIEWPORT.height} window, ${panMs / 1000} s mouse drag of the viewport; bare = cytoscape.min.js with default options and style, same elements, same canvas size, same run.`,
    '',
    '| Actors | Relationships | First render: explorer / bare | Pan fps: explorer | Pan fps: bare | Ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${Math.round(r.explorer.firstRenderMs)} ms / ${Math.round(r.bare.firstRenderMs)} ms | ${r.explorer.panFps} | ${r.bare.panFps} | ${r.fpsRatio}× |`),
    '',
    expand ? `Expansion in the ${expand.nodes.toLocaleString('en')}-actor scene (50 new actors merged around one and placed in the free spots nearest it, the whole scene in view, until the next frame is drawn): median **${expand.expandMedianMs} ms** (runs: ${expand.expandMs!.join(', ')} ms; target < 300 ms).` : '',
    relayout ? `Full fcose re-layout of the ${relayout.nodes.toLocaleString('en')}-actor scene (draft quality above 1,000 actors, default up to it): ${Math.round(relayout.relayoutMs!)} ms.` : '',
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
  await writeResults('explorer', { machine: machine(), renderer, panMs, viewport: VIEWPORT, results }, md);
}
