/** The legend, generated from /api/schema: kinds (colour + shape, with counts), statuses (line style), evidence (width). */
import type { GraphSchema } from '../api.js';
import { DEFAULTS } from '../graph/defaults.js';
import { EDGE_COLORS, edgeWidth, kindStyle, type NodeShape } from '../graph/stylesheet.js';
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, ...children: SVGElement[]): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('viewBox', `0 0 ${width} ${height}`);
  el.setAttribute('aria-hidden', 'true');
  el.append(...children);
  return el;
}

function shapeEl(shape: NodeShape, color: string): SVGElement {
  const poly = (points: string) => {
    const p = document.createElementNS(SVG, 'polygon');
    p.setAttribute('points', points);
    return p;
  };
  let el: SVGElement;
  switch (shape) {
    case 'ellipse':
      el = document.createElementNS(SVG, 'circle');
      el.setAttribute('cx', '10');
      el.setAttribute('cy', '10');
      el.setAttribute('r', '8');
      break;
    case 'round-rectangle':
    case 'barrel':
      el = document.createElementNS(SVG, 'rect');
      el.setAttribute('x', '2');
      el.setAttribute('y', '3');
      el.setAttribute('width', '16');
      el.setAttribute('height', '14');
      el.setAttribute('rx', shape === 'barrel' ? '6' : '3');
      break;
    case 'hexagon':
      el = poly('5,2 15,2 19,10 15,18 5,18 1,10');
      break;
    case 'diamond':
      el = poly('10,1 19,10 10,19 1,10');
      break;
    case 'octagon':
      el = poly('6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6');
      break;
    case 'star':
      el = poly('10,1 12.6,7 19,7.3 14,11.4 15.6,18 10,14.3 4.4,18 6,11.4 1,7.3 7.4,7');
      break;
    case 'tag':
      el = poly('1,3 13,3 19,10 13,17 1,17');
      break;
    case 'round-triangle':
      el = poly('10,2 19,18 1,18');
      break;
    case 'pentagon':
      el = poly('10,1 19,8 15.5,19 4.5,19 1,8');
      break;
    case 'rhomboid':
      el = poly('6,3 19,3 14,17 1,17');
      break;
  }
  el.setAttribute('fill', color);
  return el;
}

function line(style: 'solid' | 'dashed' | 'dotted', color: string, width: number): SVGSVGElement {
  const l = document.createElementNS(SVG, 'line');
  l.setAttribute('x1', '2');
  l.setAttribute('y1', '8');
  l.setAttribute('x2', '34');
  l.setAttribute('y2', '8');
  l.setAttribute('stroke', color);
  l.setAttribute('stroke-width', String(width));
  if (style === 'dashed') l.setAttribute('stroke-dasharray', '7 4');
  if (style === 'dotted') l.setAttribute('stroke-dasharray', '1.5 3');
  if (style === 'dotted') l.setAttribute('stroke-linecap', 'round');
  return svg(36, 16, l);
}

export function renderLegend(schema: GraphSchema): HTMLElement {
  const kinds = schema.actorKinds.filter((k) => k.count > 0);
  const root = h('div', { className: 'legend' });
  root.append(
    h('h3', {}, 'Actors'),
    h(
      'ul',
      { className: 'legend__list legend__list--kinds' },
      kinds.map((k) => {
        const s = kindStyle(k.kind);
        return h('li', { title: k.description }, svg(20, 20, shapeEl(s.shape, s.color)), h('span', {}, k.label), h('span', { className: 'muted' }, String(k.count)));
      }),
    ),
    h('h3', {}, 'Relationships'),
  );
  const statusStyle = (status: string) =>
    status === 'ended' ? line('dashed', EDGE_COLORS.ended, 2) : status === 'alleged' || status === 'disputed' ? line('dotted', EDGE_COLORS.contested, 2.5) : line('solid', EDGE_COLORS.active, 2);
  root.append(
    h(
      'ul',
      { className: 'legend__list' },
      // Status counts are statistics the server may not know yet (null): shown only when known.
      schema.statuses.map((s) => h('li', { title: s.description }, statusStyle(s.status), h('span', {}, s.label), s.count === null ? [] : h('span', { className: 'muted' }, String(s.count)))),
    ),
    h(
      'ul',
      { className: 'legend__list' },
      Array.from({ length: DEFAULTS.evidenceClasses }, (_, i) =>
        h('li', {}, line('solid', EDGE_COLORS.active, edgeWidth(i + 1)), h('span', {}, i + 1 === DEFAULTS.evidenceClasses ? `${i + 1}+ claims` : `${i + 1} claim${i === 0 ? '' : 's'}`)),
      ),
    ),
  );
  return root;
}
