/**
 * Tunable defaults of the explorer, in one place. Every option says what it does; change values
 * here rather than in the modules that read them.
 */
export const DEFAULTS = {
  /** Hops fetched around an actor chosen in the search box or expanded on the canvas (API: 1–3). */
  expandDepth: 1,
  /** Most nodes one expansion may bring (API `limit`, centre included); the rest is offered as "+N more". */
  expandLimit: 25,
  /** How many more nodes a click on "+N more" asks for on top of the previous limit. */
  moreStep: 25,
  /** Milliseconds the search box waits after the last keystroke before asking for suggestions. */
  searchDebounceMs: 180,
  /** Most suggestions shown under the search box (API: 1–50). */
  searchLimit: 8,
  /** Fewest characters typed before suggestions are fetched. */
  searchMinChars: 2,
  /** Most actors whose ids go into the URL (beyond this, the URL stops growing). */
  maxUrlActors: 200,
  /**
   * Length budget of the URL's query string: node positions (`pos`) are written, in actor order,
   * only while the query stays within it; actors whose positions do not fit are laid out again on
   * restore. Keeps shared links under ~2,000 characters (what every browser and chat tool keeps).
   */
  maxUrlChars: 1900,
  /** fcose quality "proof" up to this many nodes (and node labels count in its overlap checks). */
  fcoseProofUpTo: 300,
  /** fcose quality "draft" above this many nodes (a full layout stays within seconds). */
  fcoseDraftAbove: 1000,
  /** The layered (dagre) layout is offered only up to this many nodes; above, it is disabled in the picker. */
  dagreMaxNodes: 300,
  /** Layouts and new nodes animate only on canvases up to this many nodes (above, they just appear). */
  animateUpTo: 300,
  /**
   * A full layout above animateUpTo moves its nodes in steps, one per frame (graph/full-layout.ts):
   * the first step moves this many nodes, and each next one as many as fit in layoutApplyFrameMs
   * of work by the last step's pace (never fewer than layoutApplyMinStep).
   */
  layoutApplyFirstStep: 300,
  /** Milliseconds of work (moving nodes, Cytoscape measuring them and their edges) aimed at per step of a full layout's move. */
  layoutApplyFrameMs: 120,
  /** Fewest nodes one step of a full layout's move takes. */
  layoutApplyMinStep: 100,
  /**
   * Milliseconds after the last change of the canvas before Cytoscape's layered texture cache is
   * asked to build the current zoom level (graph/layer-cache.ts); more than the cache's own 250 ms
   * wait after a change.
   */
  layerCacheRetryMs: 300,
  /**
   * From this many elements (actors and relationships) on the canvas, a change that touches few of
   * them (an expansion, a pin, a hover highlight) is repainted into Cytoscape's cached layer where it
   * happened (graph/layer-patch.ts) instead of making the next frames draw every element; below it a
   * whole redraw is cheap anyway.
   */
  layerPatchFrom: 1000,
  /** Most changed elements one frame repaints that way; a larger change (a layout, a restyle) is left to Cytoscape. */
  layerPatchMaxElements: 400,
  /** Largest share of the canvas's elements one such repaint may draw again (above it, Cytoscape's full redraw costs about the same). */
  layerPatchMaxShare: 0.3,
  /** Room (model px) added around the cached layer when new elements land outside it, so the next ones usually fit. */
  layerGrowMargin: 240,
  /** Above this many nodes, the list of actors in view is not drawn (a canvas that large is explored on the canvas). */
  actorListUpTo: 300,
  /** Above this many nodes, an expansion lays out only the new nodes and their canvas neighbours (the rest is untouched). */
  localLayoutAbove: 500,
  /**
   * Above this many nodes, an expansion runs no layout: its new actors go to the free spots nearest
   * the expanded actor (graph/placement.ts), so expanding costs the same on any canvas size.
   */
  placeWithoutLayoutAbove: 1000,
  /** Least distance (px) between a placed new actor and any other node (node centres). */
  placementGap: 72,
  /** Actors per /api/neighborhood request when a view is restored from the URL (API max 50). */
  restoreBatch: 50,
  /** Animation of layouts and fits, in ms (0 disables animation; tests do not depend on it). */
  animationMs: 250,
  /** After an expansion, fit the whole graph in view when it has at most this many nodes (else only the new ones). */
  fitAllBelow: 60,
  /** Distance (px) between an expanded node and the ring of new neighbours placed around it. */
  ringRadius: 170,
  /** Node diameter in px (every kind; kinds differ by colour and shape, not size). */
  nodeSize: 34,
  /** Edge width (px) of a relationship with one claim. */
  edgeWidthBase: 1.5,
  /** Width (px) each further claim adds, so better-evidenced relationships draw thicker. */
  edgeWidthStep: 1.25,
  /** Widest edge (px), whatever the number of claims. */
  edgeWidthMax: 6,
  /** Claims counted for the width classes (`evidence-1` … `evidence-N`); more claims share the last class. */
  evidenceClasses: 4,
  /**
   * Edge labels ("provides services to (ended)") are drawn on every edge while the canvas has at
   * most this many edges; above it, only on the edges of the selected actor, the selected edge and
   * the highlighted path (so a large graph stays legible).
   */
  edgeLabelsUpTo: 14,
  /** Space (px) left around the graph when the view is fitted to it. */
  fitPadding: 60,
  /** Fitting the view never zooms in further than this (two actors alone do not fill the screen). */
  maxFitZoom: 1.3,
  /** Zoom below which edges are drawn without arrowheads (they would be 2–3 px blobs; drawing them cost a quarter of a large canvas's frame). */
  arrowsFromZoom: 0.25,
  /** Milliseconds the zoom must rest on the other side of arrowsFromZoom before the edges are restyled (once per crossing, not per frame). */
  zoomRestyleDelayMs: 150,
  /** Zoom below which labels are hidden to keep a large graph legible (Cytoscape `min-zoomed-font-size`). */
  minZoomedFontSize: 7,
  /** The "as of" slider shows the dates of the canvas's actors' relationships up to this many actors (API max 50); above, the whole graph's. */
  timelineIdsUpTo: 50,
  /** Play-through of the "as of" slider: milliseconds per date. */
  playStepMs: 1000,
  /** Number of "most connected" actors proposed on the empty canvas. */
  startingPoints: 6,
  /** k for the "k shortest paths" mode of the path finder (API: 1–10). */
  pathK: 3,
  /** Longest path (in relationships) the path finder searches (API: 1–6). */
  pathMaxHops: 4,
} as const;

export type Defaults = typeof DEFAULTS;
