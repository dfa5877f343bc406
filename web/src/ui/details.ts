/**
 * The details panel: an actor (name, kind, description, aliases, degree by type, sources) or a
 * relationship with EVERY claim behind it — the verbatim quote, who asserts it, how (stance), and
 * the source. Alleged and disputed relationships are badged and worded as someone's claim.
 */
import type { ActorDetail, RelationshipDetail } from '../api.js';
import { isContested } from '../graph/classes.js';
import { kindStyle } from '../graph/stylesheet.js';
import type { CyEdgeData } from '../graph/types.js';
import { externalLink, h } from './dom.js';

export interface Labels {
  kind: (kind: string) => string;
  stance: (stance: string) => string;
}

export interface NodeActions {
  expand: () => void;
  remove: () => void;
  pathFrom: () => void;
  more?: { omitted: number; run: () => void };
  expanded: boolean;
}

function join(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

export function statusBadge(status: string): HTMLElement | null {
  if (status === 'active') return null;
  return h('span', { className: `badge badge--${status}` }, status);
}

export function renderNodeDetails(d: ActorDetail, labels: Labels, actions: NodeActions): HTMLElement {
  const a = d.actor.data;
  const style = kindStyle(a.kind);
  const section = h('section', { className: 'details', 'aria-labelledby': 'details-title' });
  section.append(
    h('p', { className: 'details__eyebrow' }, h('span', { className: 'kind-dot', style: `background-color:${style.color}`, 'aria-hidden': 'true' }), labels.kind(a.kind)),
    h('h2', { id: 'details-title', className: 'details__title' }, a.name),
  );
  if (a.description) section.append(h('p', { className: 'details__desc' }, a.description));
  if (a.aliases.length > 0) section.append(h('p', { className: 'details__aliases' }, h('span', { className: 'muted' }, 'Also known as: '), a.aliases.join(' · ')));
  const links = [a.url ? externalLink(a.url, 'Website') : null, a.wikidata ? externalLink(`https://www.wikidata.org/wiki/${a.wikidata}`, `Wikidata ${a.wikidata}`) : null].filter(Boolean) as HTMLElement[];
  if (links.length > 0 || a.country) {
    section.append(h('p', { className: 'details__links' }, a.country ? h('span', { className: 'muted' }, `Country: ${a.country}`) : null, ...links.flatMap((l) => [' ', l])));
  }
  section.append(
    h(
      'div',
      { className: 'details__actions' },
      h('button', { type: 'button', className: 'btn btn--primary', 'data-action': 'expand', onclick: actions.expand, title: 'Expand (E)' }, actions.expanded ? 'Expand again' : 'Expand neighbours', h('kbd', {}, 'E')),
      h('button', { type: 'button', className: 'btn', 'data-action': 'path-from', onclick: actions.pathFrom }, 'Find paths from here'),
      h('button', { type: 'button', className: 'btn btn--quiet', 'data-action': 'remove', onclick: actions.remove, title: 'Remove from view (Delete)' }, 'Remove from view', h('kbd', {}, 'Del')),
    ),
  );
  if (actions.more) {
    section.append(
      h(
        'p',
        { className: 'more' },
        `${actions.more.omitted} more neighbour${actions.more.omitted === 1 ? '' : 's'} not shown. `,
        h('button', { type: 'button', className: 'btn btn--small', 'data-action': 'more', onclick: actions.more.run }, `+${actions.more.omitted} more`),
      ),
    );
  }
  section.append(h('h3', {}, `Relationships (${d.degree.total})`));
  if (d.degree.byType.length === 0) section.append(h('p', { className: 'muted' }, 'None recorded.'));
  else {
    const table = h('table', { className: 'degree' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Out'), h('th', { scope: 'col' }, 'In'))));
    const body = h('tbody');
    for (const t of d.degree.byType) {
      body.append(h('tr', {}, h('th', { scope: 'row' }, t.label), h('td', {}, String(t.out)), h('td', {}, String(t.in))));
    }
    table.append(body);
    section.append(table, h('p', { className: 'muted small' }, 'Counts include alleged, disputed and ended relationships: select one on the canvas to see who claims it.'));
  }
  section.append(h('h3', {}, `Sources (${d.sources.length})`));
  if (d.sources.length === 0) section.append(h('p', { className: 'muted' }, 'No source cites this actor.'));
  else
    section.append(
      h(
        'ul',
        { className: 'sources' },
        d.sources.map((s) =>
          h(
            'li',
            {},
            externalLink(s.url, s.title),
            h('span', { className: 'muted' }, ` — ${[s.publisher, s.publishedAt].filter(Boolean).join(', ')}`),
            h('span', { className: 'muted' }, ` (${s.actorClaimCount} claim${s.actorClaimCount === 1 ? '' : 's'})`),
          ),
        ),
      ),
    );
  return section;
}

/** "alleged by The Guardian’s sources", "disputed: asserted by A, denied by B", "ended (2025)". */
export function statusSentence(rel: CyEdgeData, evidence: RelationshipDetail['evidence']): string | null {
  const asserting = evidence.filter((e) => e.stance !== 'denied').map((e) => e.attributedTo);
  const denying = evidence.filter((e) => e.stance === 'denied').map((e) => e.attributedTo);
  if (rel.status === 'alleged') return `Alleged by ${join(asserting) || 'unnamed parties'}; not confirmed on the record by the parties to it.`;
  if (rel.status === 'disputed') return `Disputed: asserted by ${join(asserting) || 'some parties'}${denying.length ? `, denied by ${join(denying)}` : ''}.`;
  if (rel.status === 'ended') return `Ended${rel.until ? ` (${rel.until})` : ''}${asserting.length ? `, according to ${join(asserting)}` : ''}.`;
  return null;
}

export function renderEdgeDetails(d: RelationshipDetail, labels: Labels, onActor: (id: string) => void): HTMLElement {
  const r = d.relationship.data;
  const contested = isContested(r.status);
  const section = h('section', { className: `details details--edge${contested ? ' details--contested' : ''}`, 'aria-labelledby': 'details-title' });
  const actorButton = (n: { data: { id: string; name: string } }) =>
    h('button', { type: 'button', className: 'linklike', onclick: () => onActor(n.data.id) }, n.data.name);
  section.append(
    h('p', { className: 'details__eyebrow' }, 'Relationship', statusBadge(r.status)),
    h(
      'h2',
      { id: 'details-title', className: 'details__title details__title--edge' },
      actorButton(d.subject),
      ' ',
      h('span', { className: 'details__verb' }, contested ? `${r.label} (${r.status})` : r.label),
      ' ',
      actorButton(d.object),
    ),
  );
  const sentence = statusSentence(r, d.evidence);
  if (sentence) section.append(h('p', { className: `status-note status-note--${r.status}` }, sentence));
  const dl = h('dl', { className: 'facts' });
  const fact = (k: string, v: string) => dl.append(h('dt', {}, k), h('dd', {}, v));
  fact('Status', r.status);
  if (r.since) fact('Since', r.since);
  if (r.until) fact('Until', r.until);
  fact('Claims', String(d.evidence.length));
  section.append(dl);
  if (r.summary) section.append(h('p', { className: 'details__desc' }, r.summary));
  section.append(h('h3', {}, `Evidence (${d.evidence.length} claim${d.evidence.length === 1 ? '' : 's'})`));
  section.append(
    h(
      'ol',
      { className: 'claims' },
      d.evidence.map((e) =>
        h(
          'li',
          { className: `claim claim--${e.stance}`, 'data-claim': e.id },
          h('blockquote', { className: 'claim__quote' }, `“${e.quote}”`),
          h(
            'p',
            { className: 'claim__by' },
            `— ${e.attributedTo}`,
            ' ',
            h('span', { className: `stance stance--${e.stance}`, title: 'How this party asserts it' }, labels.stance(e.stance)),
          ),
          e.note ? h('p', { className: 'claim__note' }, e.note) : null,
          e.source
            ? h(
                'p',
                { className: 'claim__source' },
                'Source: ',
                externalLink(e.source.url, e.source.title),
                [e.source.publisher, e.source.author, e.source.publishedAt].some(Boolean)
                  ? h('span', { className: 'muted' }, ` — ${[e.source.publisher, e.source.author, e.source.publishedAt].filter(Boolean).join(', ')}`)
                  : null,
              )
            : h('p', { className: 'claim__source muted' }, 'Source missing.'),
        ),
      ),
    ),
  );
  return section;
}
