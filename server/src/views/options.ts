/**
 * Options of saved views and embeds (server/src/views, routes/views, routes/embed), with their
 * defaults. config/env.ts reads the environment into them; tests pass their own.
 */
export interface ViewOptions {
  /** View creations per client (IP) per minute (SIGHTLINE_VIEWS_RATE_PER_MIN). */
  ratePerMinute: number;
  /**
   * Origins allowed to frame /embed/* (CSP frame-ancestors), e.g. ["https://news.example"];
   * ["*"] = any origin (SIGHTLINE_EMBED_FRAME_ANCESTORS).
   */
  frameAncestors: string[];
  /**
   * The app's public origin for absolute URLs in snippets, oEmbed and social cards
   * (SIGHTLINE_PUBLIC_URL); null = derived from each request (protocol and Host).
   */
  publicUrl: string | null;
}

export const VIEW_DEFAULTS: ViewOptions = {
  // Enough for an author saving several versions in a row; low enough to stop a script filling Neo4j.
  ratePerMinute: 30,
  // Embeds are meant to go on any site; a deployment may narrow this to its partners.
  frameAncestors: ['*'],
  // Behind a proxy that rewrites Host, set SIGHTLINE_PUBLIC_URL instead.
  publicUrl: null,
};

/** The options with defaults filled in. */
export function viewOptions(partial: Partial<ViewOptions> = {}): ViewOptions {
  return { ...VIEW_DEFAULTS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
}
