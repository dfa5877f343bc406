/**
 * The view's data inlined in the served embed page, so the page need not ask GET /api/views/:id
 * after its scripts load (one round trip fewer before the first render): a JSON data block,
 * `<script type="application/json" id="sightline-view-data">`, that the browser never executes
 * (the embed CSP allows no inline script, and needs not: a data block is not script).
 *
 * The JSON is the same `data` GET /api/views/:id answers. It is escaped for the inside of a
 * <script> element: every `<`, `>` and `&` becomes a \u escape (so no `</script>` or `<!--` can end
 * or alter the element, whatever the titles and names hold), as do U+2028 and U+2029; JSON.parse
 * reads the escapes back as the same characters.
 */

/** The id of the data block; web/src/embed/inline-data.ts reads the same id. */
export const INLINE_VIEW_DATA_ID = 'sightline-view-data';

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text that can sit inside a <script> element unchanged. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, escapeChar);
}

/** The data block holding `data`. */
export function inlineDataBlock(data: unknown): string {
  return `<script type="application/json" id="${INLINE_VIEW_DATA_ID}">${scriptSafeJson(data)}</script>`;
}

/**
 * The page cut where the block goes, just before </body> (module scripts run once the document is
 * parsed, so they find the block wherever it is): [before, after].
 */
export function splitAtBodyEnd(html: string): [string, string] {
  const at = html.search(/<\/body>/i);
  if (at < 0) throw new Error('sightline/views: the page has no </body>');
  return [`${html.slice(0, at)}  `, `\n  ${html.slice(at)}`];
}

