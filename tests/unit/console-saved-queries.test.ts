import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexicalCheck } from '../../server/src/console/lexical-check.js';
import { coerceParams } from '../../server/src/queries/coerce.js';
import { parseSavedQuery, QueryFileError } from '../../server/src/queries/header.js';
import { loadSavedQueries } from '../../server/src/queries/loader.js';

const HEADER = `// title: Service relationships
// description: Every PROVIDES_SERVICES_TO edge — with evidence.
// param: actor string = "microsoft — corp" — Actor id
// param: limit integer = 50 — Most rows
// param: ratio float = 0.5
// param: on date = "2025-04"
// param: kinds list<string> = ["Company"] — Kinds
// param: strict boolean — Required flag
`;
const BODY = 'MATCH (a:Actor {id: $actor}) WHERE $strict OR $ratio > 0 OR $on IS NOT NULL OR $kinds IS NOT NULL RETURN a LIMIT $limit';

describe('saved query header', () => {
  it('parses title, description and typed parameters with defaults and descriptions', () => {
    const q = parseSavedQuery('service', `${HEADER}${BODY}\n`, 'x.cypher');
    expect(q.title).toBe('Service relationships');
    expect(q.description).toBe('Every PROVIDES_SERVICES_TO edge — with evidence.');
    expect(q.parameters).toEqual([
      { name: 'actor', type: 'string', default: 'microsoft — corp', description: 'Actor id' },
      { name: 'limit', type: 'integer', default: 50, description: 'Most rows' },
      { name: 'ratio', type: 'float', default: 0.5 },
      { name: 'on', type: 'date', default: '2025-04' },
      { name: 'kinds', type: 'list<string>', default: ['Company'], description: 'Kinds' },
      { name: 'strict', type: 'boolean', description: 'Required flag' },
    ]);
    expect(q.cypher).toBe(BODY);
  });

  it.each([
    ['// description: no title\nRETURN 1', /no "\/\/ title:"/],
    ['// title: t\n// colour: red\nRETURN 1', /line 2: unknown header key "colour:"/],
    ['// title: t\n// param: n integer = "5"\nRETURN $n', /line 2: the default of "n" is not a integer/],
    ['// title: t\n// param: n number = 5\nRETURN $n', /line 2: "param:" must read/],
    ["// title: t\n// param: s string = 'x'\nRETURN $s", /line 2: the default of "s" is not a JSON literal/],
    ['// title: t\n// param: d date = "April"\nRETURN $d', /not a date/],
    ['// title: t\nRETURN $undeclared', /\$undeclared is used but not declared/],
    ['// title: t\n// param: unused string\nRETURN 1', /"unused" is declared but the Cypher never uses/],
    ['// title: t\n// param: a string\n// param: a string\nRETURN $a', /line 3: parameter "a" is declared twice/],
    ['// title: t\n', /no Cypher/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSavedQuery('q', text, 'cypher/queries/q.cypher')).toThrow(QueryFileError);
    expect(() => parseSavedQuery('q', text, 'cypher/queries/q.cypher')).toThrow(message);
    expect(() => parseSavedQuery('q', text, 'cypher/queries/q.cypher')).toThrow(/cypher\/queries\/q\.cypher/);
  });

  it('refuses a file name that is not kebab-case', () => {
    expect(() => parseSavedQuery('Bad_Name', '// title: t\nRETURN 1', 'Bad_Name.cypher')).toThrow(/kebab-case/);
  });

  it('the loader names the bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-queries-'));
    try {
      writeFileSync(join(dir, 'good.cypher'), '// title: Good\nRETURN 1');
      writeFileSync(join(dir, 'broken.cypher'), '// title: Broken\n// param: x wat\nRETURN $x');
      expect(() => loadSavedQueries(dir)).toThrow(/broken\.cypher line 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every shipped saved query parses and passes the console’s lexical check', () => {
    const queries = loadSavedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(12);
    for (const q of queries) expect(() => lexicalCheck(q.cypher), q.id).not.toThrow();
  });
});

describe('coerceParams', () => {
  const q = parseSavedQuery('service', `${HEADER}${BODY}`, 'x.cypher');
  it('fills defaults and converts to the declared types', () => {
    const p = coerceParams(q, { strict: 'true', limit: '7', ratio: '2', kinds: 'A, B' });
    expect(p.actor).toBe('microsoft — corp');
    expect(String(p.limit)).toBe('7');
    expect((p.limit as { toNumber(): number }).toNumber()).toBe(7);
    expect(p.ratio).toBe(2);
    expect(p.on).toBe('2025-04');
    expect(p.kinds).toEqual(['A', 'B']);
    expect(p.strict).toBe(true);
  });
  it('requires parameters without a default', () => {
    expect(() => coerceParams(q, {})).toThrow(/params\.strict: is required/);
  });
});
