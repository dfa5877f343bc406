/**
 * `npm run bench -- embed [--runs 15] [--cold-runs 5] [--image-runs 20]`: the embed of a saved
 * 100-actor view, in headless Chromium on this machine, side by side with a bare Cytoscape page;
 * the embed bundle's gzipped size; the server's PNG/SVG rendering of the view.
 *
 * 1. Data: tests/bench/generate.ts (seeded) makes 100 actors, 180 relationships with their claims
 *    and 25 sources; loaded through neo4j-driver (loadGraph: schema, UNWIND batches) into an
 *    embedded Neo4j in a temporary folder (tests/bench/lib/bench-neo4j.ts), thrown away at the end.
 * 2. The real app (createApp, compression on, as in production) in this process on a loopback
 *    port; POST /api/views saves two views naming all 100 actors (depth 0, fcose layout computed by
 *    the server when the view is saved, and stored with it): one live, one pinned.
 * 3. Time to first render, per page load: a new browser context (no HTTP cache, no code cache), a
 *    new page, navigation to the page; the number is `performance.now()` (ms since navigation
 *    start) when Cytoscape emits its first 'render' event after being created with the elements,
 *    i.e. the first frame drawn with all nodes and edges. The embed page records it in
 *    `window.sightlineEmbed.renderedAt` (web/src/embed/main.ts); the bare page does the same.
 *    - embed, server warm: the same app, after one discarded load of each view (embed.html read);
 *    - embed, server cold: a fresh createApp for every load (empty page, layout and image caches;
 *      Neo4j's own caches stay warm: it is not restarted). The live view is read again on every
 *      load, its positions come from the view (computed at save time), not from a new layout;
 *    - bare: a static page served by the bench: cytoscape.min.js (uncompressed, from
 *      node_modules) and the live view's elements and positions inline, `cytoscape({ container,
 *      elements, layout: { name: 'preset' } })`, default style and options otherwise (preset only
 *      so the positions are kept: Cytoscape's default layout is grid). Same canvas size as the
 *      embed's graph area.
 *    Runs are interleaved (live warm, pinned warm, bare) --runs times; cold runs after.
 * 4. Bundle: web/dist/embed.html is parsed for <script src> and <link rel=stylesheet|modulepreload
 *    href>; each file is gzipped at level 9 (node:zlib); the sum is the embed's bundle. The files
 *    the browser actually fetched (resource timing) are checked against that list.
 * 5. The server alone: GET /api/views/:id without a browser, on the warm app and on a fresh app
 *    per request (cold), one request at a time.
 * 6. Images: GET /embed/:id.png and .svg, cold (a fresh app per request: empty image cache; for
 *    the live view also an empty layout cache) and cached (the same app, --image-runs requests);
 *    client-side time to the last byte, and the server's `Server-Timing: render` (SVG build and
 *    resvg) of cold requests.
 * Results: tests/bench/results/embed.{json,md}. The machine is shared: the 1-minute load average
 * is recorded at the start and the end.
 */
import { readFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import type { ViewResource } from '../../server/src/views/contract.js';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.js';
import { flag, generateGraph, loadGraph, type GeneratorOptions } from './generate.js';
import { startBenchNeo4j } from './lib/bench-neo4j.js';
import { machine, writeResults } from './lib/report.js';
import { median, round, summary } from './lib/stats.js';

const DATABASE = 'neo4j';
const DIST = join(REPO_ROOT, 'web', 'dist');
const CYTOSCAPE_JS = join(REPO_ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');
/** An article's iframe (the size the share dialog's snippet suggests is about this). */
const VIEWPORT = { width: 720, height: 560 };
const GRAPH: GeneratorOptions = { actors: 100, relationships: 180, sources: 25, seed: 20_251_202, hubCap: 20 };
const TARGET_FIRST_RENDER_MS = 1000;
const TARGET_BUNDLE_GZIP_BYTES = 200 * 1024;

interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

async function startApp(driver: Driver): Promise<RunningApp> {
  // Views rate limit raised: the bench is one client saving two views, but may be re-run within a minute.
  const app = createApp({ driver, database: DATABASE, logger: createLogger('warn'), neo4jMode: 'embedded', views: { ratePerMinute: 1000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The bare page: cytoscape.min.js and the elements inline, default options but a preset layout. */
function barePage(elements: ViewResource['elements'], positions: ViewResource['positions'], size: { width: number; height: number }): string {
  const data = {
    nodes: elements.nodes.map((n) => ({ data: n.data, position: positions[n.data.id] })),
    edges: elements.edges.map((e) => ({ data: e.data })),
  };
  const json = JSON.stringify(data).replaceAll('<', '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare cytoscape</title></head><body style="margin:0">
<div id="cy" style="width:${size.width}px;height:${size.height}px"></div>
<script src="/cytoscape.min.js"></script>
<script>
const cy = cytoscape({ container: document.getElementById('cy'), elements: ${json}, layout: { name: 'preset' } });
cy.one('render', function () { window.sightlineEmbed = { renderedAt: performance.now(), nodes: cy.nodes().length }; });
window.cy = cy;
</script></body></html>`;
}

async function serveBare(html: string): Promise<{ url: string; server: Server }> {
  const script = await readFile(CYTOSCAPE_JS);
  const server = createServer((req, res) => {
    if (req.url === '/cytoscape.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-length': script.length });
      res.end(script);
    } else if (req.url === '/' || req.url === '/bare.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else if (req.url === '/favicon.ico') {
      res.writeHead(204).end(); // asked for by Chromium; the bare page has none
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bare.html`, server };
}

interface LoadSample {
  /** ms from navigation start to the first frame with all elements. */
  renderedAt: number;
  nodes: number;
  /** The document's responseEnd (ms since navigation start). */
  documentMs: number;
  /** GET /api/views/:id, start to end (ms), embed only. */
  apiMs: number | null;
  /** When the last script finished downloading (ms since navigation start). */
  scriptsEndMs: number;
  resources: Array<{ path: string; type: string; transfer: number; encoded: number; decoded: number; ms: number }>;
  graphBox: { width: number; height: number };
}

/** Read in the page (a function without named inner functions: tsx's __name helper does not exist there). */
const readTimings = () => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
    path: new URL(r.name).pathname,
    type: r.initiatorType,
    transfer: r.transferSize,
    encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
    ms: r.responseEnd - r.startTime,
    start: r.startTime,
    end: r.responseEnd,
  }));
  const box = document.getElementById('cy')!.getBoundingClientRect();
  return { mark: window.sightlineEmbed!, documentMs: nav.responseEnd, resources, graphBox: { width: Math.round(box.width), height: Math.round(box.height) } };
};

/** One page load in a fresh context; the first-render mark and the resource timings. */
async function loadOnce(browser: Browser, url: string, expectNodes: number, screenshot?: string): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.sightlineEmbed !== undefined, undefined, { timeout: 60_000 });
    const t = await page.evaluate(readTimings);
    if (t.mark.nodes !== expectNodes) throw new Error(`bench/embed: ${url} drew ${t.mark.nodes} nodes at its first frame, expected ${expectNodes}`);
    if (screenshot) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOT_DIR, screenshot) });
    }
    if (errors.length > 0) throw new Error(`bench/embed: ${url}: page errors: ${errors.join('; ')}`);
    const api = t.resources.find((r) => r.path.startsWith('/api/views/'));
    const scripts = t.resources.filter((r) => r.type === 'script' || r.path.endsWith('.js'));
    return {
      renderedAt: t.mark.renderedAt,
      nodes: t.mark.nodes,
      documentMs: t.documentMs,
      apiMs: api ? api.ms : null,
      scriptsEndMs: Math.max(0, ...scripts.map((s) => s.end)),
      resources: t.resources.map(({ start: _s, end: _e, ...r }) => r),
      graphBox: t.graphBox,
    };
  } finally {
    await context.close();
  }
}

/** Files web/dist/embed.html loads (scripts, stylesheets, module preloads), each gzipped at level 9. */
async function bundleSize(): Promise<{ files: Array<{ path: string; bytes: number; gzip9: number }>; bytes: number; gzip9: number; html: { bytes: number; gzip9: number } }> {
  const html = await readFile(join(DIST, 'embed.html'), 'utf8');
  const paths: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (tag.toLowerCase().startsWith('<script')) {
      const src = attr('src');
      if (src) paths.push(src);
    } else {
      const rel = (attr('rel') ?? '').toLowerCase();
      const href = attr('href');
      if (href && (rel === 'stylesheet' || rel === 'modulepreload')) paths.push(href);
    }
  }
  if (paths.length === 0) throw new Error('bench/embed: web/dist/embed.html loads no script or stylesheet');
  const files = await Promise.all(
    paths.map(async (p) => {
      if (/^[a-z]+:/i.test(p) || p.startsWith('//')) throw new Error(`bench/embed: embed.html loads an external file: ${p}`);
      const body = await readFile(join(DIST, p.replace(/^\//, '')));
      return { path: p, bytes: body.length, gzip9: gzipSync(body, { level: 9 }).length };
    }),
  );
  const htmlBytes = Buffer.from(html);
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip9: files.reduce((n, f) => n + f.gzip9, 0),
    html: { bytes: htmlBytes.length, gzip9: gzipSync(htmlBytes, { level: 9 }).length },
  };
}

interface ImageSample {
  ms: number;
  renderMs: number | null;
  bytes: number;
}

async function getImage(url: string, contentType: string): Promise<ImageSample> {
  const t0 = performance.now();
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - t0;
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith(contentType)) {
    throw new Error(`bench/embed: GET ${url}: ${response.status} ${response.headers.get('content-type')}`);
  }
  const timing = /render;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  return { ms, renderMs: timing ? Number(timing[1]) : null, bytes: body.length };
}

const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).trim().split(' ').slice(0, 3).join(' ');
const ms = (samples: number[]) => ({ ...summary(samples.map((x) => round(x, 1))), median: round(median(samples), 1) });
const kb = (bytes: number) => round(bytes / 1024, 1);

export async function runEmbedBench(args: string[]): Promise<void> {
  const runs = Number(flag(args, 'runs') ?? 15);
  const coldRuns = Number(flag(args, 'cold-runs') ?? 5);
  const imageRuns = Number(flag(args, 'image-runs') ?? 20);
  const loadAtStart = await loadAverage();
  await ensureWebBuild(createLogger('warn'));
  await mkdir(SCREENSHOT_DIR, { recursive: true });

  const home = await mkdtemp(join(tmpdir(), 'sightline-bench-embed-'));
  const neo4j = await startBenchNeo4j(home);
  let app: RunningApp | undefined;
  let bare: { url: string; server: Server } | undefined;
  let browser: Browser | undefined;
  try {
    const graph = generateGraph(GRAPH);
    const load = await loadGraph(neo4j.driver, graph, { database: DATABASE, batchSize: 1000, log: () => {} });
    console.log(`embed bench: loaded ${load.counts.actors} actors, ${load.counts.relationships} relationships, ${load.counts.claims} claims, ${load.counts.sources} sources`);

    app = await startApp(neo4j.driver);
    const actorIds = graph.actors.map((a) => a.id);
    const createView = async (mode: 'live' | 'pinned') => {
      const response = await fetch(`${app!.baseUrl}/api/views`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Benchmark: 100 actors (${mode})`, caption: 'Generated data for the embed benchmark.', mode, definition: { kind: 'actors', actorIds, depth: 0 }, layout: { name: 'fcose' } }),
      });
      const body = (await response.json()) as { data?: { id: string; embedUrl: string }; error?: unknown };
      if (response.status !== 201 || !body.data) throw new Error(`bench/embed: POST /api/views (${mode}): ${response.status} ${JSON.stringify(body)}`);
      return body.data;
    };
    const views = { live: await createView('live'), pinned: await createView('pinned') };
    const liveResource = ((await (await fetch(`${app.baseUrl}/api/views/${views.live.id}`)).json()) as { data: ViewResource }).data;
    const nodes = liveResource.elements.nodes.length;
    const edges = liveResource.elements.edges.length;
    if (nodes !== GRAPH.actors) throw new Error(`bench/embed: the live view shows ${nodes} actors, expected ${GRAPH.actors}`);
    console.log(`embed bench: views ${views.live.id} (live), ${views.pinned.id} (pinned): ${nodes} actors, ${edges} relationships, ${liveResource.citations.length} sources cited`);

    const embedPath = (id: string) => `/embed/${id}`;
    browser = await launchBrowser();
    // Discarded warm-up loads (also the screenshot and the graph area's size for the bare page).
    const first = await loadOnce(browser, `${app.baseUrl}${embedPath(views.live.id)}`, nodes, 'bench-embed-live.png');
    await loadOnce(browser, `${app.baseUrl}${embedPath(views.pinned.id)}`, nodes);
    bare = await serveBare(barePage(liveResource.elements, liveResource.positions, first.graphBox));
    await loadOnce(browser, bare.url, nodes, 'bench-embed-bare.png');

    const warm = { live: [] as LoadSample[], pinned: [] as LoadSample[], bare: [] as LoadSample[] };
    for (let i = 0; i < runs; i += 1) {
      warm.live.push(await loadOnce(browser, `${app.baseUrl}${embedPath(views.live.id)}`, nodes));
      warm.pinned.push(await loadOnce(browser, `${app.baseUrl}${embedPath(views.pinned.id)}`, nodes));
      warm.bare.push(await loadOnce(browser, bare.url, nodes));
      console.log(`  warm run ${i + 1}/${runs}: live ${round(warm.live.at(-1)!.renderedAt)} ms, pinned ${round(warm.pinned.at(-1)!.renderedAt)} ms, bare ${round(warm.bare.at(-1)!.renderedAt)} ms`);
    }
    const cold = { live: [] as LoadSample[], pinned: [] as LoadSample[] };
    for (let i = 0; i < coldRuns; i += 1) {
      for (const mode of ['live', 'pinned'] as const) {
        const fresh = await startApp(neo4j.driver);
        try {
          cold[mode].push(await loadOnce(browser, `${fresh.baseUrl}${embedPath(views[mode].id)}`, nodes));
        } finally {
          await fresh.close();
        }
      }
      console.log(`  cold run ${i + 1}/${coldRuns}: live ${round(cold.live.at(-1)!.renderedAt)} ms, pinned ${round(cold.pinned.at(-1)!.renderedAt)} ms`);
    }

    // GET /api/views/:id on its own (no browser), warm app, one request at a time.
    const apiDirect: Record<'live' | 'pinned', number[]> = { live: [], pinned: [] };
    for (let i = 0; i < imageRuns; i += 1) {
      for (const mode of ['live', 'pinned'] as const) {
        const t0 = performance.now();
        const response = await fetch(`${app.baseUrl}/api/views/${views[mode].id}`);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`bench/embed: GET /api/views/${views[mode].id}: ${response.status}`);
        apiDirect[mode].push(performance.now() - t0);
      }
    }
    console.log(`  GET /api/views/:id alone: live ${round(median(apiDirect.live))} ms, pinned ${round(median(apiDirect.pinned))} ms`);
    // The same on a fresh app per request: the server's cold path without a browser competing for the CPU.
    const apiCold: Record<'live' | 'pinned', number[]> = { live: [], pinned: [] };
    for (let i = 0; i < coldRuns; i += 1) {
      for (const mode of ['live', 'pinned'] as const) {
        const fresh = await startApp(neo4j.driver);
        try {
          const t0 = performance.now();
          const response = await fetch(`${fresh.baseUrl}/api/views/${views[mode].id}`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`bench/embed: GET /api/views/${views[mode].id} (cold): ${response.status}`);
          apiCold[mode].push(performance.now() - t0);
        } finally {
          await fresh.close();
        }
      }
    }
    console.log(`  GET /api/views/:id alone, fresh app: live ${round(median(apiCold.live))} ms, pinned ${round(median(apiCold.pinned))} ms`);

    // The bundle, and the files the browser really fetched for the embed (besides the page and the API).
    const bundle = await bundleSize();
    const fetched = warm.live[0]!.resources.filter((r) => r.path.startsWith('/assets/'));
    const listed = new Set(bundle.files.map((f) => f.path));
    const unlisted = fetched.filter((r) => !listed.has(r.path)).map((r) => r.path);
    if (unlisted.length > 0) throw new Error(`bench/embed: the embed fetched files embed.html does not list: ${unlisted.join(', ')}`);
    const cytoscapeMin = await readFile(CYTOSCAPE_JS);

    // Server-rendered images: cold (a fresh app per request) and cached (one app, repeated).
    const images: Record<string, { cold: ImageSample[]; cached: ImageSample[] }> = {};
    for (const mode of ['live', 'pinned'] as const) {
      for (const format of ['png', 'svg'] as const) {
        const key = `${mode}.${format}`;
        const url = (base: string) => `${base}/embed/${views[mode].id}.${format}`;
        const type = format === 'png' ? 'image/png' : 'image/svg+xml';
        images[key] = { cold: [], cached: [] };
        for (let i = 0; i < coldRuns; i += 1) {
          const fresh = await startApp(neo4j.driver);
          try {
            images[key].cold.push(await getImage(url(fresh.baseUrl), type));
          } finally {
            await fresh.close();
          }
        }
        for (let i = 0; i < imageRuns; i += 1) images[key].cached.push(await getImage(url(app.baseUrl), type));
        console.log(`  image ${key}: cold ${round(median(images[key].cold.map((s) => s.ms)))} ms, cached ${round(median(images[key].cached.map((s) => s.ms)), 2)} ms`);
      }
    }
    const loadAtEnd = await loadAverage();

    const stat = (samples: LoadSample[]) => ({
      firstRenderMs: ms(samples.map((s) => s.renderedAt)),
      documentMs: round(median(samples.map((s) => s.documentMs)), 1),
      apiMs: samples[0]?.apiMs === null ? null : round(median(samples.map((s) => s.apiMs ?? 0)), 1),
      scriptsEndMs: round(median(samples.map((s) => s.scriptsEndMs)), 1),
    });
    const pages = {
      embedLiveWarm: stat(warm.live),
      embedPinnedWarm: stat(warm.pinned),
      embedLiveCold: stat(cold.live),
      embedPinnedCold: stat(cold.pinned),
      bare: stat(warm.bare),
    };
    const bareMedian = pages.bare.firstRenderMs.median;
    const ratio = (x: number) => round(x / bareMedian, 2);
    const imageStats = Object.fromEntries(
      Object.entries(images).map(([key, v]) => [
        key,
        {
          bytes: v.cached[0]?.bytes,
          cold: { httpMs: ms(v.cold.map((s) => s.ms)), serverRenderMs: ms(v.cold.map((s) => s.renderMs ?? Number.NaN)) },
          cached: { httpMs: { ...ms(v.cached.map((s) => s.ms)), median: round(median(v.cached.map((s) => s.ms)), 2) } },
        },
      ]),
    );

    const row = (label: string, cache: string, s: ReturnType<typeof stat>, n: number) =>
      `| ${label} | ${cache} | ${n} | **${s.firstRenderMs.median} ms** (${s.firstRenderMs.min}–${s.firstRenderMs.max}) | ${ratio(s.firstRenderMs.median)}× | ${s.documentMs} ms | ${s.scriptsEndMs} ms | ${s.apiMs === null ? '—' : `${s.apiMs} ms`} | ${s.firstRenderMs.median < TARGET_FIRST_RENDER_MS ? 'yes' : '**no**'} |`;
    const imageRow = (key: string) => {
      const s = imageStats[key]!;
      const [mode, format] = key.split('.');
      return `| ${format!.toUpperCase()} | ${mode} | ${kb(s.bytes ?? 0)} KB | ${s.cold.httpMs.median} ms | ${s.cold.serverRenderMs.median} ms | ${s.cached.httpMs.median} ms |`;
    };
    const m = machine();
    const md = [
      `### Embed of a 100-actor view (${new Date().toISOString().slice(0, 10)}, ${m.cpus} cores, load average ${loadAtStart} at the start, ${loadAtEnd} at the end)`,
      '',
      `Generated graph (seeded): ${nodes} actors, ${edges} relationships with ${load.counts.claims} claims citing ${load.counts.sources} sources; one view naming all ${nodes} actors (depth 0, fcose positions computed by the server when the view is saved and stored with it), saved live and pinned. Headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height} viewport (an article's iframe), a new browser context per load (no HTTP or code cache). **First render** = \`performance.now()\` at Cytoscape's first \`render\` event (first frame drawn with all ${nodes} nodes and ${edges} edges), i.e. ms since navigation start; medians of ${runs} warm and ${coldRuns} cold loads per page, pages interleaved. Warm: the same app after one discarded load; cold: a fresh app (createApp) per load, so the embed page and image caches are empty (Neo4j is not restarted); the live view is read again on every load, with its stored positions (no layout runs on load). Bare: cytoscape.min.js (uncompressed) and the same elements and positions inline in a static page, \`cytoscape({ container, elements, layout: { name: 'preset' } })\`, default style, same canvas size (${first.graphBox.width}×${first.graphBox.height}), same run.`,
      '',
      '| Page | Server cache | Loads | First render, median (min–max) | vs bare | HTML received | Scripts received | GET /api/views/:id | < 1 s? |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      row('Embed, live view', 'warm', pages.embedLiveWarm, runs),
      row('Embed, live view', 'cold', pages.embedLiveCold, coldRuns),
      row('Embed, pinned view', 'warm', pages.embedPinnedWarm, runs),
      row('Embed, pinned view', 'cold', pages.embedPinnedCold, coldRuns),
      row('Bare Cytoscape page', '—', pages.bare, runs),
      '',
      `GET /api/views/:id alone (no browser, one request at a time, medians): warm app (${imageRuns} requests each) live ${round(median(apiDirect.live), 1)} ms, pinned ${round(median(apiDirect.pinned), 1)} ms; fresh app per request (${coldRuns} each) live ${round(median(apiCold.live), 1)} ms, pinned ${round(median(apiCold.pinned), 1)} ms. "HTML received" and "Scripts received" are resource-timing responseEnd (ms since navigation start, medians); the API column is the embed's fetch, start to end.`,
      '',
      `Embed bundle (what web/dist/embed.html loads: ${bundle.files.map((f) => `\`${f.path.replace('/assets/', '')}\``).join(', ')}), gzip -9 per file: **${kb(bundle.gzip9)} KB** (KB = 1,024 bytes) (${kb(bundle.bytes)} KB raw; target < 200 KB: ${bundle.gzip9 < TARGET_BUNDLE_GZIP_BYTES ? 'yes' : '**no**'}), plus the page itself ${kb(bundle.html.gzip9)} KB. For comparison cytoscape.min.js alone: ${kb(gzipSync(cytoscapeMin, { level: 9 }).length)} KB gzip -9 (${kb(cytoscapeMin.length)} KB raw). Served by the app with gzip level 6 (compression middleware): ${kb(fetched.reduce((n, r) => n + r.encoded, 0))} KB over the wire.`,
      '',
      `Server-rendered images of the view (1200×630), client time to the last byte: cold = a fresh app per request (${coldRuns} requests; for the live view this includes reading the graph), cached = the app's image cache (${imageRuns} requests). Server render = \`Server-Timing: render\` of the cold requests (SVG build, and resvg for PNG).`,
      '',
      '| Image | View | Size | Cold, median | Server render (cold) | Cached, median |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...Object.keys(imageStats).map(imageRow),
    ].join('\n');
    await writeResults(
      'embed',
      {
        machine: m,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
        graph: { options: GRAPH, nodes, edges, claims: load.counts.claims, sources: load.counts.sources, citedSources: liveResource.citations.length },
        viewport: VIEWPORT,
        graphBox: first.graphBox,
        definition: 'firstRenderMs = performance.now() at the first Cytoscape render event after creation with all elements (ms since navigation start)',
        runs,
        coldRuns,
        imageRuns,
        pages: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, { ...v, vsBare: ratio(v.firstRenderMs.median) }])),
        samples: {
          embedLiveWarm: warm.live.map((s) => round(s.renderedAt, 1)),
          embedPinnedWarm: warm.pinned.map((s) => round(s.renderedAt, 1)),
          embedLiveCold: cold.live.map((s) => round(s.renderedAt, 1)),
          embedPinnedCold: cold.pinned.map((s) => round(s.renderedAt, 1)),
          bare: warm.bare.map((s) => round(s.renderedAt, 1)),
        },
        resourcesOfOneEmbedLoad: warm.live[0]?.resources,
        bundle: { ...bundle, gzip9KB: kb(bundle.gzip9), targetBytes: TARGET_BUNDLE_GZIP_BYTES, cytoscapeMin: { bytes: cytoscapeMin.length, gzip9: gzipSync(cytoscapeMin, { level: 9 }).length } },
        images: imageStats,
        apiDirectMs: { live: ms(apiDirect.live), pinned: ms(apiDirect.pinned) },
        apiDirectColdMs: { live: ms(apiCold.live), pinned: ms(apiCold.pinned) },
      },
      md,
    );
  } finally {
    await browser?.close();
    bare?.server.close();
    await app?.close();
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  }
}
