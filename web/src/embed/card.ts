/**
 * The compact details card of the embed: an edge's evidence (every claim's verbatim quote, who
 * asserts it and how, the source) or an actor's name, kind and description. Text always goes in
 * as text (dom.ts `h`), so names and quotes cannot inject markup.
 */
import type { RelationshipDetail } from '../../../server/src/contracts/relationships.js';
import type { CyNodeData } from '../graph/types.js';
import { externalLink, h } from '../ui/dom.js';

export function statusBadge(status: string): HTMLElement | null {
  return status === 'active' ? null : h('span', { className: `badge badge--${status}` }, status);
}

function closeButton(onClose: () => void): HTMLElement {
  return h('button', { type: 'button', className: 'card__close', 'aria-label': 'Close', onclick: onClose }, '×');
}

export function renderEdgeCard(d: RelationshipDetail, onClose: () => void): HTMLElement[] {
  const r = d.relationship.data;
  const title = h('h2', { className: 'card__title' }, `${d.subject.data.name} ${r.label} ${d.object.data.name} `, statusBadge(r.status));
  const claims = h(
    'ol',
    { className: 'card__claims' },
    d.evidence.map((c) =>
      h(
        'li',
        { className: 'card__claim' },
        h('p', { className: 'card__quote' }, `“${c.quote}”`),
        h('p', { className: 'card__by' }, `— ${c.attributedTo} (${c.stance})`),
        c.source
          ? h(
              'p',
              { className: 'card__source' },
              externalLink(c.source.url, c.source.title),
              c.source.publisher ? ` · ${c.source.publisher}` : '',
              c.source.publishedAt ? ` · ${c.source.publishedAt}` : '',
            )
          : null,
      ),
    ),
  );
  const note = r.status === 'alleged' || r.status === 'disputed' ? h('p', { className: 'muted' }, 'This is a claim, not an established fact: see who asserts it.') : null;
  return [closeButton(onClose), title, note, claims].filter((x): x is HTMLElement => x !== null);
}

export function renderNodeCard(d: CyNodeData, kindLabel: string, onClose: () => void): HTMLElement[] {
  return [
    closeButton(onClose),
    h('h2', { className: 'card__title' }, d.name),
    h('p', { className: 'muted' }, kindLabel),
    ...(d.description ? [h('p', {}, d.description)] : []),
  ];
}
