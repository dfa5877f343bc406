/**
 * `npm run bench -- explorer [--sizes=1000,5000,20000] [--pan-ms=3000] [--relayout-sizes=1000,5000] [--relayout-runs=3]`: the explorer's canvas at
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
 * Measured: time to first render (call → two animation frames later); then, once the page has
 * settled (steady frames, Cytoscape's layered texture cache built: `settle`), the frame rate while
 * the mouse pans the viewport for `--pan-ms` (the drag starts on empty background and the run fails
 * if it grabbed a node instead), counted twice: requestAnimationFrame callbacks (the main thread's
 * frame rate) and Cytoscape 'render' events (frames it really drew) with its mean render time and
 * the longest frame; for the 5k scene the time of an expansion (50 new actors and their
 * relationships merged around one actor and placed next to it, until the next frame), 5 times;
 * for the `--relayout-sizes` scenes (default 1k and 5k) a full fcose layout ("Re-layout"), in the
 * layout worker, and on pages with one part switched off by the URL (`?layout-thread=main`: on the
 * main thread; `?texture-warm=off`: element bitmaps left to the frames that draw; plus
 * `layer-patch=off`: every node moved in one batch): wall time and the longest gap between two
 * frames until 1.5 s after it (how long the page froze); `--relayout-runs` times each, the four pages
 * taking turns, medians reported.
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
export async function serveDist(): Promise<{ url: string; server: Server }> {
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
 * Waits until the page is ready to pan (at most 90 s) and returns how long that took: frames come
 * steadily (10 animation frames in a row, none more than 100 ms apart) and Cytoscape's layered
 * texture cache holds the current zoom level (the bitmaps a pan copies; a page builds them in idle
 * time after a change, the bare page on its first frame). A drag started earlier would measure
 * that build, not panning.
 */
export async function settle(page: Page, cyGlobal: 'cy' | 'bare'): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 90_000) {
    const { worst, cached } = (await page.evaluate(`new Promise((resolve) => {
      const cy = window[${JSON.stringify(cyGlobal)}];
      const r = cy.renderer();
      const cache = r.data && r.data.lyrTxrCache;
      const lvl = Math.max(-4, Math.ceil(Math.log2(cy.zoom() * r.getPixelRatio())));
      const cached = !cache || lvl > 2 || cache.levelIsComplete(lvl, r.getCachedZSortedEles().nondrag);
      let last = performance.now(), n = 0, worst = 0;
      const tick = (t) => { worst = Math.max(worst, t - last); last = t; if (++n >= 10) resolve({ worst, cached }); else requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })`)) as { worst: number; cached: boolean };
    if (worst < 100 && cached) return Date.now() - start;
    await page.waitForTimeout(250);
  }
  throw new Error(`bench/explorer: ${cyGlobal} never settled (frames kept taking > 100 ms or the layer cache stayed incomplete)`);
}

/** What one drag measured: animation frames the page could run, and frames Cytoscape actually drew. */
export interface PanMeasure {
  /** requestAnimationFrame callbacks per second (the main thread's frame rate). */
  rafFps: number;
  /** Cytoscape renders per second (its 'render' event: one per frame it drew). */
  drawnFps: number;
  /** Mean time of one Cytoscape render during the drag (its renderer's own timing), ms. */
  renderMs: number;
  /** Longest time between two animation frames during the drag (a stall the user sees), ms. */
  worstGapMs: number;
  /** From mouse down until the first two mouse moves were handled (the drag has started), ms. */
  startMs: number;
}

/**
 * Counts frames while the mouse pans the viewport for `ms`: the drag starts on empty
 * background (the scenes are square, the canvas is wide: after a fit, a strip along the left edge
 * holds no element) and circles from there. Two counts: requestAnimationFrame callbacks (how often
 * the main thread got to a frame) and Cytoscape's 'render' events (how often it actually drew), so
 * a page that skips drawing cannot look fast. The page's Cytoscape (`window[cyGlobal]`) must report
 * pan events and no grabbed node, so a drag that caught a node (moving it, not the view) fails
 * the run instead of being measured as a pan.
 */
export async function dragFps(page: Page, selector: string, ms: number, cyGlobal: 'cy' | 'bare'): Promise<PanMeasure> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`bench/explorer: ${selector} has no box`);
  const x0 = box.x + 15;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  // Start the counters, then drag.
  // A string, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    const cy = window[${JSON.stringify(cyGlobal)}];
    const r = cy.renderer();
    window.__pans = 0;
    window.__grabs = 0;
    window.__renders = 0;
    window.__renderTime0 = r.redrawTotalTime || 0;
    window.__renderCount0 = r.redrawCount || 0;
    cy.on('pan', () => { window.__pans++; });
    cy.on('grab', () => { window.__grabs++; });
    cy.on('render', () => { if (window.__counting) window.__renders++; });
    window.__frames = 0;
    window.__counting = true;
    window.__last = performance.now();
    window.__worst = 0;
    const tick = (t) => { if (!window.__counting) return; window.__frames++; window.__worst = Math.max(window.__worst, t - window.__last); window.__last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.down();
  const start = Date.now();
  // The first moves cross Cytoscape's drag threshold and start the pan; on a busy page they can
  // take long (the time until the view first follows the mouse is reported on its own).
  let t = 0;
  let moves = 0;
  for (; moves < 2; moves++) {
    t += 0.15;
    await page.mouse.move(x0 + 200 * (1 - Math.cos(t)), y0 + Math.sin(t) * 120, { steps: 1 });
  }
  const startMs = Date.now() - start;
  while (Date.now() - start < startMs + ms) {
    t += 0.15;
    moves++;
    await page.mouse.move(x0 + 200 * (1 - Math.cos(t)), y0 + Math.sin(t) * 120, { steps: 1 });
  }
  const elapsed = (Date.now() - start) / 1000;
  const m = (await page.evaluate(`(() => {
    window.__counting = false;
    const r = window[${JSON.stringify(cyGlobal)}].renderer();
    const n = (r.redrawCount || 0) - window.__renderCount0;
    return { frames: window.__frames, renders: window.__renders, pans: window.__pans, grabs: window.__grabs, worstGapMs: window.__worst, renderMs: n > 0 ? ((r.redrawTotalTime || 0) - window.__renderTime0) / n : 0 };
  })()`)) as { frames: number; renders: number; pans: number; grabs: number; worstGapMs: number; renderMs: number };
  await page.mouse.up();
  if (m.pans === 0 || m.grabs > 0) throw new Error(`bench/explorer: the drag on ${cyGlobal} did not pan the view (${m.pans} pan events, ${m.grabs} nodes grabbed, ${moves} mouse moves, ${m.renders} renders)`);
  return { rafFps: m.frames / elapsed, drawnFps: m.renders / elapsed, renderMs: m.renderMs, worstGapMs: m.worstGapMs, startMs };
}

interface PanRow {
  firstRenderMs: number;
  /** Until frames came steadily and the layer cache was built, after the load and fit. */
  settleMs: number;
  rafFps: number;
  drawnFps: number;
  renderMs: number;
  worstGapMs: number;
  startMs: number;
}

interface SizeResult {
  nodes: number;
  edges: number;
  explorer: PanRow;
  bare: PanRow;
  /** Explorer / bare, animation frames per second during the drag. */
  fpsRatio: number;
  expandMs?: number[];
  expandMedianMs?: number;
  /** What the cached-layer repaint did during those expansions. */
  expandLayerPatch?: Expansions['layerPatch'];
  /** The same expansions with the repaint off (`?layer-patch=off`). */
  expandPlainMs?: number[];
  expandPlainMedianMs?: number;
  relayout?: RelayoutRuns;
  /** The same re-layout computed on the main thread (`?layout-thread=main`). */
  relayoutMain?: RelayoutRuns;
  /** The same re-layout with the element-bitmap warming off (`?texture-warm=off`). */
  relayoutNoWarm?: RelayoutRuns;
  /** And with the layer held in steps off as well (`?layer-patch=off&texture-warm=off`): every node moved in one batch, drawn Cytoscape's way. */
  relayoutOneBatch?: RelayoutRuns;
}

/** One page's re-layouts, each on a fresh page with the same scene, and their medians. */
interface RelayoutRuns {
  runs: RelayoutMeasure[];
  medianMs: number;
  medianWorstGapMs: number;
}

interface RelayoutMeasure {
  /** From the call until the next frame after the nodes moved, ms. */
  ms: number;
  /** Longest time between two animation frames from the call until RELAYOUT_TAIL_MS after it resolved: how long the page was frozen, ms. */
  worstGapMs: number;
  /** Where the layout was computed. */
  thread: string;
  /** How many nodes really moved (a layout that did nothing must not look fast), of `nodes`. */
  moved: number;
  nodes: number;
}

/** How long after a re-layout resolved its frames are still watched: the frames that draw the moved scene and rebuild Cytoscape's layer come then. */
const RELAYOUT_TAIL_MS = 1500;

/** A full fcose re-layout ("Re-layout") of the scene on the page: wall time and the longest main-thread stall, until RELAYOUT_TAIL_MS after it. */
async function measureRelayout(page: Page): Promise<RelayoutMeasure> {
  await settle(page, 'cy');
  return (await page.evaluate(`(async () => {
    const before = new Map(window.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    let last = performance.now(), worst = 0, on = true;
    const tick = (t) => { if (!on) return; worst = Math.max(worst, t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    await window.sightline.relayout('fcose');
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const ms = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, ${RELAYOUT_TAIL_MS}));
    on = false;
    worst = Math.max(worst, performance.now() - last);
    const moved = window.cy.nodes().filter((n) => { const b = before.get(n.id()); const p = n.position(); return Math.hypot(p.x - b.x, p.y - b.y) > 1; }).length;
    return { ms, worstGapMs: worst, thread: window.sightlineLayoutThread || 'unknown', moved, nodes: window.cy.nodes().length };
  })()`)) as RelayoutMeasure;
}

interface Expansions {
  ms: number[];
  /** graph/layer-patch.ts's counters after them (absent with the repaint off). */
  layerPatch: { patched: number; declined: number; lastDeclined: string | null } | null;
}

/** Five expansions of 50 new actors each, around actors spread over the scene, one after the other. */
async function measureExpansions(page: Page, scene: GraphElements): Promise<Expansions> {
  const ms: number[] = [];
  for (let round = 0; round < 5; round++) {
    const centre = scene.nodes[Math.floor(((round + 1) * scene.nodes.length) / 7)]!.data.id;
    ms.push(
      await page.evaluate(
        async ({ centre, incoming }) => {
          const t0 = performance.now();
          await window.sightline!.growScene(centre, incoming);
          await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
          return performance.now() - t0;
        },
        { centre, incoming: expansion(centre, round) },
      ),
    );
    const added = await page.evaluate((r) => window.cy!.nodes(`[id ^= "bench-new-${r}-"]`).length, round);
    if (added !== 50) throw new Error(`bench/explorer: expansion ${round} added ${added} nodes, expected 50`);
  }
  const layerPatch = await page.evaluate(() => {
    const s = window.sightlineLayerPatch;
    return s ? { patched: s.patched, declined: s.declined, lastDeclined: s.lastDeclined } : null;
  });
  return { ms, layerPatch };
}

/**
 * The re-layout on the explorer and on three baselines, each the same page with one part switched
 * off by its URL: the layout computed on the main thread (the page before the layout worker); the
 * element bitmaps left to the frames that draw (`?texture-warm=off`, Cytoscape's own way); and that
 * with every node moved in one batch as well (layer-patch's holdLayer is off with it). Each run on a
 * fresh page holding the scene as loaded; the four take turns, `runs` times, so a noisy minute on
 * this shared machine does not fall on one of them only.
 */
async function measureRelayouts(browser: Browser, baseUrl: string, scene: GraphElements, errors: string[], runs: number) {
  const pages = { relayout: '/', relayoutMain: '/?layout-thread=main', relayoutNoWarm: '/?texture-warm=off', relayoutOneBatch: '/?layer-patch=off&texture-warm=off' };
  const measured = new Map<keyof typeof pages, RelayoutMeasure[]>();
  for (let run = 0; run < runs; run++) {
    for (const [key, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const page = await baselinePage(browser, `${baseUrl}${path}`, scene, errors, false);
      const m = await measureRelayout(page);
      await page.close();
      if (m.moved !== m.nodes) throw new Error(`bench/explorer: the re-layout on ${path} moved ${m.moved} of ${m.nodes} nodes`);
      measured.set(key, [...(measured.get(key) ?? []), m]);
    }
  }
  const summary = (ms: RelayoutMeasure[]): RelayoutRuns => ({
    runs: ms.map((m) => ({ ...m, ms: round1(m.ms), worstGapMs: round1(m.worstGapMs) })),
    medianMs: round1(median(ms.map((m) => m.ms))),
    medianWorstGapMs: round1(median(ms.map((m) => m.worstGapMs))),
  });
  return Object.fromEntries([...measured].map(([key, ms]) => [key, summary(ms)])) as Record<keyof typeof pages, RelayoutRuns>;
}

/** Another explorer page (its URL turns one feature off: a baseline) with the same scene on its canvas, fitted to it or not. */
async function baselinePage(browser: Browser, url: string, scene: GraphElements, errors: string[], fit: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.sightline !== undefined);
  await page.evaluate(
    async ({ elements, fit }) => {
      await window.sightline!.loadScene(elements);
      if (fit) window.cy!.fit(undefined, 20);
    },
    { elements: scene, fit },
  );
  return page;
}

async function measureExplorer(browser: Browser, baseUrl: string, scene: GraphElements, panMs: number, extra: { expand: boolean; relayout: boolean; relayoutRuns: number }) {
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
  const settleMs = await settle(page, 'cy');
  const pan = await dragFps(page, '#cy', panMs, 'cy');
  const out: { firstRenderMs: number; settleMs: number; pan: PanMeasure; expand?: Expansions; expandPlain?: Expansions; relayout?: RelayoutRuns; relayoutMain?: RelayoutRuns; relayoutNoWarm?: RelayoutRuns; relayoutOneBatch?: RelayoutRuns; box: typeof box } = { firstRenderMs, settleMs, pan, box };
  if (extra.expand) {
    out.expand = await measureExpansions(page, scene);
    // The same expansions with the cached-layer repaint off (`?layer-patch=off`: Cytoscape redraws
    // every element after each change, as the page did before graph/layer-patch.ts), same scene.
    const plain = await baselinePage(browser, `${baseUrl}/?layer-patch=off`, scene, errors, true);
    await settle(plain, 'cy');
    out.expandPlain = await measureExpansions(plain, scene);
    await plain.close();
  }
  if (extra.relayout) Object.assign(out, await measureRelayouts(browser, baseUrl, scene, errors, extra.relayoutRuns));
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
  const settleMs = await settle(page, 'bare');
  const pan = await dragFps(page, '#cy', panMs, 'bare');
  await page.close();
  return { firstRenderMs, settleMs, pan };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function runExplorerBench(args: string[]): Promise<void> {
  const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (arg('sizes') ?? '1000,5000,20000').split(',').map(Number);
  const panMs = Number(arg('pan-ms') ?? 3000);
  const relayoutSizes = (arg('relayout-sizes') ?? '1000,5000').split(',').map(Number);
  const relayoutRuns = Number(arg('relayout-runs') ?? 3);
  await ensureWebBuild(createLogger('warn'));
  const { url, server } = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const results: SizeResult[] = [];
  let renderer: unknown = null;
  try {
    for (const n of sizes) {
      const scene = generateScene(n);
      console.log(`explorer bench: ${n} nodes, ${scene.edges.length} edges`);
      const ex = await measureExplorer(browser, url, scene, panMs, { expand: n === 5000, relayout: relayoutSizes.includes(n), relayoutRuns });
      renderer = ex.box.renderer;
      const bare = await measureBare(browser, scene, ex.box, panMs);
      const row = (m: { firstRenderMs: number; settleMs: number; pan: PanMeasure }): PanRow => ({
        firstRenderMs: round1(m.firstRenderMs),
        settleMs: m.settleMs,
        rafFps: round1(m.pan.rafFps),
        drawnFps: round1(m.pan.drawnFps),
        renderMs: round1(m.pan.renderMs),
        worstGapMs: round1(m.pan.worstGapMs),
        startMs: m.pan.startMs,
      });
      const r: SizeResult = {
        nodes: n,
        edges: scene.edges.length,
        explorer: row(ex),
        bare: row(bare),
        fpsRatio: round1(ex.pan.rafFps / Math.max(bare.pan.rafFps, 0.01)),
      };
      if (ex.expand && ex.expandPlain) {
        r.expandMs = ex.expand.ms.map(round1);
        r.expandMedianMs = round1(median(ex.expand.ms));
        r.expandLayerPatch = ex.expand.layerPatch;
        r.expandPlainMs = ex.expandPlain.ms.map(round1);
        r.expandPlainMedianMs = round1(median(ex.expandPlain.ms));
      }
      if (ex.relayout) r.relayout = ex.relayout;
      if (ex.relayoutMain) r.relayoutMain = ex.relayoutMain;
      if (ex.relayoutNoWarm) r.relayoutNoWarm = ex.relayoutNoWarm;
      if (ex.relayoutOneBatch) r.relayoutOneBatch = ex.relayoutOneBatch;
      console.log(JSON.stringify(r));
      results.push(r);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const expand = results.find((r) => r.expandMedianMs !== undefined);
  const relayouts = results.filter((r) => r.relayout && r.relayoutMain && r.relayoutNoWarm && r.relayoutOneBatch);
  const md = [
    `Headless Chromium (${(renderer as { reason?: string } | null)?.reason ?? 'renderer unknown'}), canvas ${VIEWPORT.width}×${VIEWPORT.height} window, ${panMs / 1000} s mouse drag of the viewport once the page has settled (steady frames, Cytoscape's layer cache built); bare = cytoscape.min.js with default options and style, same elements, same canvas size, same run. fps = animation frames per second (the main thread's frame rate; 60 is the display's cap); drawn = frames Cytoscape actually drew (its 'render' events, one per pan step the browser delivered), with its mean render time.`,
    '',
    '| Actors | Relationships | First render: explorer / bare | Pan fps: explorer | Pan fps: bare | Ratio | Drawn/s (render ms): explorer | Drawn/s (render ms): bare | Longest frame: explorer / bare |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${Math.round(r.explorer.firstRenderMs)} ms / ${Math.round(r.bare.firstRenderMs)} ms | ${r.explorer.rafFps} | ${r.bare.rafFps} | ${r.fpsRatio}× | ${r.explorer.drawnFps} (${r.explorer.renderMs} ms) | ${r.bare.drawnFps} (${r.bare.renderMs} ms) | ${Math.round(r.explorer.worstGapMs)} / ${Math.round(r.bare.worstGapMs)} ms |`,
    ),
    '',
    expand
      ? `Expansion in the ${expand.nodes.toLocaleString('en')}-actor scene (50 new actors merged around one and placed in the free spots nearest it, the whole scene in view, until the next frame is drawn): median **${expand.expandMedianMs} ms** (runs: ${expand.expandMs!.join(', ')} ms; target < 300 ms; ${expand.expandLayerPatch ? `${expand.expandLayerPatch.patched} frames repainted into Cytoscape's cached layer, ${expand.expandLayerPatch.declined} changes left to Cytoscape` : 'cached-layer repaint unavailable'}). Same expansions with that repaint off (\`?layer-patch=off\`, Cytoscape redraws every element after a change), same run: median ${expand.expandPlainMedianMs} ms (runs: ${expand.expandPlainMs!.join(', ')} ms).`
      : '',
    '',
    ...(relayouts.length > 0
      ? [
          `Full fcose re-layout ("Re-layout"; draft quality above 1,000 actors, default up to it): wall time until the moved scene is drawn, and the longest frame from the call until ${RELAYOUT_TAIL_MS / 1000} s after it (the page frozen); medians of ${relayouts[0]!.relayout!.runs.length} runs each, every run on a fresh page with the same scene, the four pages taking turns, every run moving every actor (checked); each run's longest frame in brackets. Explorer (layout in a worker; actors moved in steps under the held layer; element bitmaps drawn before the frame that needs them) vs. the same page with one part switched off by its URL, same scene, same run: computing on the main thread (\`?layout-thread=main\`); leaving bitmaps to the frames that draw (\`?texture-warm=off\`, Cytoscape's own way); and that plus every actor moved in one batch (\`?layer-patch=off&texture-warm=off\`, as the page did before both):`,
          '',
          '| Actors | Explorer: wall / longest frame | Main thread: wall / longest frame | Bitmaps in the frame: wall / longest frame | One batch: wall / longest frame |',
          '| ---: | ---: | ---: | ---: | ---: |',
          ...relayouts.map((r) => {
            const cell = (m: RelayoutRuns, bold = false) => {
              const gap = `${Math.round(m.medianWorstGapMs)} ms`;
              return `${Math.round(m.medianMs)} / ${bold ? `**${gap}**` : gap} (${m.runs.map((x) => Math.round(x.worstGapMs)).join(', ')})`;
            };
            return `| ${r.relayout!.runs[0]!.nodes.toLocaleString('en')} | ${cell(r.relayout!, true)} | ${cell(r.relayoutMain!)} | ${cell(r.relayoutNoWarm!)} | ${cell(r.relayoutOneBatch!)} |`;
          }),
        ]
      : []),
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
  await writeResults('explorer', { machine: machine(), renderer, panMs, viewport: VIEWPORT, results }, md);
}
