/**
 * A view as a static SVG (and, rasterised by resvg, a PNG): for social cards and places without
 * JavaScript. Nodes are circles in the explorer's kind colours, edges lines styled by status as in
 * the explorer (ended dashed, alleged or disputed dotted), labels text. Every string from the data
 * is XML-escaped (and stripped of characters XML forbids), so names cannot inject markup.
 */
import { Resvg } from '@resvg/resvg-js';
import { edgeClasses, edgeDisplayLabel, evidenceClass, isContested } from '../../../web/src/graph/classes.js';
import { EDGE_COLORS, edgeWidth, kindStyle } from '../../../web/src/graph/stylesheet.js';
import type { ResolvedView } from './resolve.js';
import type { StoredView } from './service.js';

/** Drawing options; one comment per option. */
export const IMAGE_DEFAULTS = {
  /** Social-card size (Open Graph / Twitter summary_large_image: 1.91:1). */
  width: 1200,
  height: 630,
  /** Margin around the graph (px). */
  margin: 36,
  /** Height of the title band and of the footer (px). */
  headerHeight: 96,
  footerHeight: 44,
  /** Largest zoom applied to a small graph (1 = model size). */
  maxScale: 1.6,
  /** Node label font size at scale 1 (px), and the fewest px it shrinks to. */
  labelSize: 13,
  minLabelSize: 9,
  /** Nodes above this count: only the best-connected ones get a label. */
  labelAllUpTo: 60,
  labelCount: 40,
  /** Longest label, title and caption drawn (characters; longer ones end with an ellipsis). */
  labelChars: 32,
  titleChars: 80,
  captionChars: 130,
  /** Font (DejaVu Sans ships with Debian; resvg falls back to any sans-serif). */
  fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
} as const;

export type ImageTheme = 'light' | 'dark';

const THEMES = {
  light: { background: '#ffffff', text: '#1d2330', muted: '#5b6372', halo: '#ffffff', nodeStroke: '#ffffff' },
  dark: { background: '#111827', text: '#e5e7eb', muted: '#9ca3af', halo: '#111827', nodeStroke: '#111827' },
} as const;

// Characters XML 1.0 does not allow (C0 controls except tab/newline/CR, lone surrogates, FFFE/FFFF).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an SVG text node or attribute value. */
export function xmlText(value: string): string {
  return value
    .replace(XML_INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function clip(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

function edgeColor(status: string): string {
  if (isContested(status)) return EDGE_COLORS.contested;
  if (status === 'ended') return EDGE_COLORS.ended;
  return EDGE_COLORS.active;
}

/** The view as an SVG document (UTF-8 text). */
export function renderViewSvg(view: StoredView, resolved: ResolvedView, theme: ImageTheme = 'light'): string {
  const o = IMAGE_DEFAULTS;
  const t = THEMES[theme];
  const { nodes, edges } = resolved.elements;
  const pos = resolved.positions;
  const top = o.headerHeight;
  const areaW = o.width - 2 * o.margin;
  const areaH = o.height - top - o.footerHeight - o.margin / 2;
  const pts = nodes.map((n) => pos[n.data.id]).filter((p): p is { x: number; y: number } => Boolean(p));
  const minX = Math.min(...pts.map((p) => p.x), 0);
  const maxX = Math.max(...pts.map((p) => p.x), 0);
  const minY = Math.min(...pts.map((p) => p.y), 0);
  const maxY = Math.max(...pts.map((p) => p.y), 0);
  const bw = pts.length > 0 ? maxX - minX : 0;
  const bh = pts.length > 0 ? maxY - minY : 0;
  // Leave room for a label under the lowest nodes.
  const scale = Math.min(o.maxScale, bw > 0 ? areaW / (bw + 60) : o.maxScale, bh > 0 ? (areaH - 24) / (bh + 40) : o.maxScale);
  const cx = pts.length > 0 ? (minX + maxX) / 2 : 0;
  const cy = pts.length > 0 ? (minY + maxY) / 2 : 0;
  const X = (x: number) => o.width / 2 + (x - cx) * scale;
  const Y = (y: number) => top + (areaH - 24) / 2 + (y - cy) * scale;
  const r = Math.max(5, Math.min(17, 17 * scale));
  const fontSize = Math.max(o.minLabelSize, Math.min(o.labelSize, o.labelSize * scale));

  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  const labelled = new Set(
    nodes.length <= o.labelAllUpTo
      ? nodes.map((n) => n.data.id)
      : [...nodes].sort((a, b) => (degree.get(b.data.id) ?? 0) - (degree.get(a.data.id) ?? 0)).slice(0, o.labelCount).map((n) => n.data.id),
  );

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="${xmlText(o.fontFamily)}">`,
    `<title>${xmlText(view.title)}</title>`,
    `<defs>`,
    ...(['active', 'ended', 'contested'] as const).map(
      (k) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLORS[k]}"/></marker>`,
    ),
    `</defs>`,
    `<rect width="100%" height="100%" fill="${t.background}"/>`,
    `<text x="${o.margin}" y="46" font-size="28" font-weight="700" fill="${t.text}">${xmlText(clip(view.title, o.titleChars))}</text>`,
  );
  if (view.caption) out.push(`<text x="${o.margin}" y="76" font-size="16" fill="${t.muted}">${xmlText(clip(view.caption, o.captionChars))}</text>`);

  out.push('<g class="edges">');
  for (const e of edges) {
    const a = pos[e.data.source];
    const b = pos[e.data.target];
    if (!a || !b) continue;
    const x1 = X(a.x);
    const y1 = Y(a.y);
    const x2 = X(b.x);
    const y2 = Y(b.y);
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Stop at the target node's rim so the arrowhead shows.
    const ex = x2 - ((x2 - x1) / len) * (r + 2);
    const ey = y2 - ((y2 - y1) / len) * (r + 2);
    const classes = edgeClasses(e.data);
    const kind = classes.includes('contested') ? 'contested' : classes.includes('ended') ? 'ended' : 'active';
    const width = edgeWidth(Number(evidenceClass(e.data.evidenceCount).slice('evidence-'.length)));
    const dash = kind === 'ended' ? ' stroke-dasharray="8 5"' : kind === 'contested' ? ' stroke-dasharray="1.5 4" stroke-linecap="round"' : '';
    out.push(
      `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(ex)}" y2="${fmt(ey)}" stroke="${edgeColor(e.data.status)}" stroke-width="${fmt(width)}"${dash} marker-end="url(#arrow-${kind})"><title>${xmlText(edgeDisplayLabel(e.data))}</title></line>`,
    );
  }
  out.push('</g>', '<g class="nodes">');
  for (const n of nodes) {
    const p = pos[n.data.id];
    if (!p) continue;
    out.push(`<circle cx="${fmt(X(p.x))}" cy="${fmt(Y(p.y))}" r="${fmt(r)}" fill="${kindStyle(n.data.kind).color}" stroke="${t.nodeStroke}" stroke-width="2"><title>${xmlText(n.data.name)}</title></circle>`);
  }
  out.push('</g>', `<g class="labels" font-size="${fmt(fontSize)}" font-weight="600" text-anchor="middle" fill="${t.text}" stroke="${t.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
  for (const n of nodes) {
    const p = pos[n.data.id];
    if (!p || !labelled.has(n.data.id)) continue;
    out.push(`<text x="${fmt(X(p.x))}" y="${fmt(Y(p.y) + r + fontSize + 2)}">${xmlText(clip(n.data.label, o.labelChars))}</text>`);
  }
  out.push('</g>');
  const date = (iso: string) => iso.slice(0, 10);
  const mode = view.mode === 'pinned' ? `Pinned ${date(view.createdAt)}` : 'Live view';
  const footer = `Sightline · ${mode} · data as of ${date(resolved.resolvedAt)} · ${nodes.length} actors, ${edges.length} relationships · dotted: alleged or disputed, dashed: ended`;
  out.push(`<text x="${o.margin}" y="${o.height - 18}" font-size="14" fill="${t.muted}">${xmlText(footer)}</text>`, '</svg>');
  return out.join('\n');
}

/** Rasterises an SVG to PNG with resvg (system fonts). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}
