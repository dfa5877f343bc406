/**
 * The Graph tab: the result's elements on a Cytoscape canvas built by the explorer's own modules
 * (graph/canvas.ts: same stylesheet, classes and fcose layout). Exposed as `window.consoleCy`
 * for debugging and browser tests (the explorer's canvas is `window.cy`).
 */
import type { Core } from 'cytoscape';
import { createCanvas, fitTo, runLayout, syncCanvas, updateEdgeLabels } from '../graph/canvas.js';
import { EMPTY_GRAPH, type GraphElements } from '../graph/types.js';

declare global {
  interface Window {
    /** The console's result canvas (Cytoscape), for debugging and browser tests. */
    consoleCy?: Core;
  }
}

export class GraphView {
  readonly cy: Core;
  private elements: GraphElements = EMPTY_GRAPH;
  private laidOut = true;
  /** Resolves when the current result's layout has finished. */
  ready: Promise<void> = Promise.resolve();

  constructor(container: HTMLElement) {
    this.cy = createCanvas(container);
    window.consoleCy = this.cy;
    this.cy.on('select unselect', 'node', () => this.labels());
  }

  private labels(): void {
    const selected = this.cy.nodes(':selected');
    updateEdgeLabels(this.cy, selected.nonempty() ? selected.first().id() : null);
  }

  /** Replaces the canvas with `elements`; the layout waits until the canvas is visible (`show`). */
  setElements(elements: GraphElements, visible: boolean): void {
    this.elements = elements;
    syncCanvas(this.cy, EMPTY_GRAPH);
    syncCanvas(this.cy, elements);
    this.labels();
    this.laidOut = false;
    if (visible) this.show();
  }

  /** Called when the Graph tab becomes visible: Cytoscape needs its size to lay out and fit. */
  show(): void {
    this.cy.resize();
    if (this.laidOut) return;
    this.laidOut = true;
    this.ready = runLayout(this.cy, 'all').then(() => {
      this.cy.resize();
      fitTo(this.cy);
    });
  }

  get current(): GraphElements {
    return this.elements;
  }
}
