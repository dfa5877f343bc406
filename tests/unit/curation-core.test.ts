import { describe, expect, it } from 'vitest';
import { planMerge } from '../../server/src/curation/merge-plan.js';
import { MentionFinder, type MentionTerm } from '../../server/src/curation/mentions.js';
import { relationshipSlug, slugify } from '../../server/src/curation/slug.js';
import { SLUG_PATTERN } from '../../server/src/contracts/vocabulary.js';

describe('slugify', () => {
  it('makes ids like the seed’s', () => {
    expect(slugify('Unit 8200', 'x')).toBe('unit-8200');
    expect(slugify('Zoë Ltd.', 'x')).toBe('zoe-ltd');
    expect(slugify('  Microsoft Corporation  ', 'x')).toBe('microsoft-corporation');
    expect(slugify('<b>Co</b> & Sons', 'x')).toBe('b-co-b-sons');
    expect(relationshipSlug('microsoft', 'PROVIDES_SERVICES_TO', 'unit-8200')).toBe('microsoft-provides-services-to-unit-8200');
  });

  it('falls back when nothing Latin is left, and cuts long names at a hyphen', () => {
    expect(slugify('中国石油', 'actor')).toBe('actor');
    expect(slugify('---', 'actor')).toBe('actor');
    const long = slugify('word '.repeat(40), 'x');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(SLUG_PATTERN);
    expect(long.endsWith('word')).toBe(true);
  });
});

describe('planMerge', () => {
  const rel = (id: string, type: string, outgoing: boolean, otherId: string) => ({ id, type, outgoing, otherId });

  it('combines duplicates, moves the rest, drops meaningless self-loops and keeps meaningful ones', () => {
    const plan = planMerge(
      'm',
      's',
      [
        rel('m-owns-y', 'OWNS', true, 'y'),
        rel('m-pst-x', 'PROVIDES_SERVICES_TO', true, 'x'),
        rel('x-pst-m', 'PROVIDES_SERVICES_TO', false, 'x'),
        rel('s-partners-m', 'PARTNERS_WITH', false, 's'),
        rel('m-reported-on-s', 'REPORTED_ON', true, 's'),
        rel('m-pst-x-2', 'PROVIDES_SERVICES_TO', true, 'x'),
      ],
      [rel('s-pst-x', 'PROVIDES_SERVICES_TO', true, 'x'), rel('s-partners-m', 'PARTNERS_WITH', true, 'm')],
    );
    expect(plan.dropped.map((r) => r.id)).toEqual(['s-partners-m']);
    const byKey = Object.fromEntries(plan.groups.map((g) => [`${g.type}|${g.outgoing}|${g.otherId}`, { existing: g.existingId, ids: g.relationships.map((r) => r.id) }]));
    expect(byKey).toEqual({
      'OWNS|true|y': { existing: null, ids: ['m-owns-y'] },
      'PROVIDES_SERVICES_TO|true|x': { existing: 's-pst-x', ids: ['m-pst-x', 'm-pst-x-2'] },
      'PROVIDES_SERVICES_TO|false|x': { existing: null, ids: ['x-pst-m'] },
      'REPORTED_ON|true|s': { existing: null, ids: ['m-reported-on-s'] },
    });
  });

  it('does nothing for an actor without relationships', () => {
    expect(planMerge('m', 's', [], [rel('a', 'OWNS', true, 'b')])).toEqual({ groups: [], dropped: [] });
  });
});

describe('MentionFinder', () => {
  const term = (actorId: string, t: string, matched: 'name' | 'alias' = 'name', name = t): MentionTerm => ({ actorId, name, kind: 'Company', term: t, matched });
  const finder = new MentionFinder([
    term('microsoft', 'Microsoft'),
    term('azure', 'Microsoft Azure'),
    term('azure', 'Azure', 'alias', 'Microsoft Azure'),
    term('gaza', 'Gaza', 'alias', 'Gaza Strip'),
    term('zoe', 'Zoë'),
    term('x', 'X', 'alias'),
  ]);

  it('finds names and aliases, case- and Unicode-insensitively, longest first, on word boundaries, with exact offsets', () => {
    const text = 'Microsoft’s MICROSOFT AZURE; azure. Gazans in Gaza. ZOË and Zoe\u0308 😀 X';
    const found = finder.find(text);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found.map((m) => [m.actorId, m.text])).toEqual([
      ['microsoft', 'Microsoft'],
      ['azure', 'MICROSOFT AZURE'],
      ['azure', 'azure'],
      ['gaza', 'Gaza'],
      ['zoe', 'ZOË'],
      ['zoe', 'Zoe\u0308'],
    ]);
  });

  it('offers every actor sharing a name at the same place', () => {
    const twins = new MentionFinder([term('a', 'Acme'), term('b', 'Acme')]);
    expect(twins.find('Acme sued.').map((m) => m.actorId)).toEqual(['a', 'b']);
    expect(new MentionFinder([]).find('anything')).toEqual([]);
  });
});
