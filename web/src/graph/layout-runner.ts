/**
 * Runs full layouts in a Web Worker (graph/layout-worker.ts) so a large canvas is laid out without
 * freezing the page. One layout at a time: a newer request, or `cancelLayout`, ends the one in
 * flight (the worker is terminated and a fresh one started on the next request), and the older
 * caller gets `null`. Only when no worker can be started (construction throws, or the worker
 * fails to load), or when the URL asks for it (`?layout-thread=main`), is the layout computed on
 * the main thread.
 */
declare global {
  interface Window {
    /** Where the last full layout was computed ('worker' or 'main'), for tests and the benchmark. */
    sightlineLayoutThread?: 'worker' | 'main';
  }
}

import { computeLayout } from './layout-compute.js';
import type { LayoutRequest, LayoutResponse } from './layout-job.js';

let worker: Worker | null = null;
/** Set once a worker could not be started or loaded: from then on layouts run on the main thread. */
let workerBroken = false;
let pending: { request: LayoutRequest; resolve: (r: LayoutResponse | null) => void } | null = null;

function noteThread(thread: 'worker' | 'main'): void {
  if (typeof window !== 'undefined') window.sightlineLayoutThread = thread;
}

function settle(response: LayoutResponse | null): void {
  const p = pending;
  pending = null;
  p?.resolve(response);
}

/** `?layout-thread=main` in the URL the page was opened with lays out on the main thread (to compare, as the benchmark does). */
const mainThreadRequested = typeof location !== 'undefined' && new URLSearchParams(location.search).get('layout-thread') === 'main';

function startWorker(): Worker | null {
  if (workerBroken || mainThreadRequested) return null;
  if (worker) return worker;
  try {
    const w = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'sightline-layout' });
    w.onmessage = (event: MessageEvent<LayoutResponse>) => {
      if (pending && event.data.seq === pending.request.seq) settle(event.data);
    };
    w.onerror = (event: ErrorEvent) => {
      // The worker could not load or crashed: compute the pending layout here, and keep doing so.
      event.preventDefault();
      console.warn(`layout-runner: layout worker failed (${event.message || 'no message'}); laying out on the main thread`);
      workerBroken = true;
      w.terminate();
      worker = null;
      if (pending) {
        noteThread('main');
        settle(computeLayout(pending.request));
      }
    };
    worker = w;
    return w;
  } catch (error) {
    console.warn(`layout-runner: no layout worker (${error instanceof Error ? error.message : String(error)}); laying out on the main thread`);
    workerBroken = true;
    return null;
  }
}

/** Ends the layout in flight, if any (its caller gets null). Returns whether one was running. */
export function cancelLayout(): boolean {
  if (!pending) return false;
  worker?.terminate();
  worker = null;
  settle(null);
  return true;
}

/** Whether a layout is being computed now. */
export function layoutRunning(): boolean {
  return pending !== null;
}

/** Computes `request` off the main thread; null when a newer request or cancelLayout ended it. */
export function requestLayout(request: LayoutRequest): Promise<LayoutResponse | null> {
  cancelLayout();
  const w = startWorker();
  if (!w) {
    noteThread('main');
    return Promise.resolve(computeLayout(request));
  }
  noteThread('worker');
  return new Promise((resolve) => {
    pending = { request, resolve };
    w.postMessage(request);
  });
}
