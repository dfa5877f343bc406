/**
 * What the embed page reads from its own URL: `/embed/<viewId>?theme=light|dark&interactive=0`.
 * Pure, so it is unit-tested; anything malformed falls back to the defaults.
 */
export interface EmbedParams {
  /** The view id, or null when the path holds none. */
  viewId: string | null;
  /** null: the view's own style (else light). */
  theme: 'light' | 'dark' | null;
  /** false: a static figure (no pan, zoom, hover or click). */
  interactive: boolean;
}

const VIEW_ID = /^[0-9A-Za-z]{16}$/;

export function readEmbedParams(pathname: string, search: string): EmbedParams {
  const match = /^\/embed\/([^/?#]+)\/?$/.exec(pathname);
  const id = match?.[1] ?? '';
  const params = new URLSearchParams(search);
  const theme = params.get('theme');
  return {
    viewId: VIEW_ID.test(id) ? id : null,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    interactive: params.get('interactive') !== '0' && params.get('interactive') !== 'false',
  };
}

/** The explorer at this view: its actors and filters in the explorer's URL format, plus `view`. */
export function explorerHref(
  viewId: string,
  actorIds: readonly string[],
  filters: { types?: readonly string[]; kinds?: readonly string[]; statuses?: readonly string[] },
  asOf: string | undefined,
  maxActors = 200,
): string {
  const parts: string[] = [];
  const add = (key: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  };
  add('a', actorIds.slice(0, maxActors));
  add('kinds', filters.kinds);
  add('types', filters.types);
  add('status', filters.statuses);
  if (asOf) parts.push(`asOf=${encodeURIComponent(asOf)}`);
  parts.push(`view=${encodeURIComponent(viewId)}`);
  return `/?${parts.join('&')}`;
}

/** Height (px) the embed asks its host frame for at a given width: header and footer plus a graph of pleasant proportions. */
export function desiredHeight(width: number, chromeHeight: number): number {
  const graph = Math.round(Math.min(640, Math.max(260, width * 0.62)));
  return Math.ceil(chromeHeight + graph);
}
