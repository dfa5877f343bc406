/**
 * The layout worker: full layouts (fcose and the others) run here, off the page's main thread, so
 * the page keeps drawing and answering while a large canvas is laid out. One request at a time;
 * the page terminates the worker to cancel one (graph/layout-runner.ts).
 */
import { computeLayout } from './layout-compute.js';
import type { LayoutRequest } from './layout-job.js';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(computeLayout(event.data));
};
