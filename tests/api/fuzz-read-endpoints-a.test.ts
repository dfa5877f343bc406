import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

/**
 * Property-based hammering of the read endpoints (search, actors, relationships, sources, schema):
 * whatever a client sends, the answer is never a 5xx, always JSON with `data` or `error.code`,
 * and the stored graph does not change.
 */

const driver = getTestDriver();
let app: RunningApp;
let before: Awaited<ReturnType<typeof graphFingerprint>>;

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase());
  before = await graphFingerprint(driver, testDatabase());
});
afterAll(async () => app.close());

const LUCENE_SPECIALS = ['+', '-', '&&', '||', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];
const TRICKY = [
  'AND', 'OR', 'NOT', 'TO', '*', '?', '\\', '"', '~2', 'a~', 'a~9', 'a^', 'a^-1', 'name:', 'a:b', '[a TO b]', '{* TO *}',
  '{!lucene}', '/regex/', 'unit8200', '8200unit', 'Zoë', 'ZOË', 'İstanbul', 'straße', '𝔘𝔫𝔦𝔱', '\u0301', 'e\u0301',
  '🙂', '👩‍👩‍👧', 'مايكروسوفت', 'מיקרוסופט', '微软', '\u0000', '\u200b', '\ufeff', ' ', '\t', '\n', '%', '%ZZ',
];
/** Raw URL fragments that are not (or not validly) percent-encoded; never `/`, `?` or `#`. */
const RAW_FRAGMENTS = ['%', '%Z', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%00', '%2F', '%3F', '..', '%C0%AF', '+', '%20'];

const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...TRICKY),
  fc
    .array(fc.constantFrom(...LUCENE_SPECIALS, ...TRICKY, 'a', 'Isr', 'micro', 'é', ' ', '8200'), { maxLength: 12 })
    .map((parts) => parts.join('')),
  fc.constantFrom('x'.repeat(199), 'x'.repeat(200), 'x'.repeat(201), 'ab '.repeat(100), 'a~'.repeat(60), '('.repeat(150)),
);

const numberishArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.constantFrom('', '0', '1', '10', '50', '51', '100', '101', '1e400', '1e3', 'NaN', 'Infinity', '-0', '0x10', ' 5', '5 ', '00010', '9'.repeat(400)),
);

/** One query value, or a repeated key (`?q=a&q=b`, which Express hands over as an array). */
const valueArb = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(textArb, numberishArb).map((v) => [v]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(textArb, numberishArb), { minLength: 2, maxLength: 3 }) },
);

/** Percent-encodes what can be encoded; a lone surrogate (not encodable) becomes invalid UTF-8. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const rawOrEncodedArb = fc.oneof(
  { weight: 3, arbitrary: textArb.map(enc) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...RAW_FRAGMENTS, 'a', 'unit-8200'), { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
);

function queryString(pairs: Array<[string, string[]]>): string {
  return pairs.flatMap(([key, values]) => values.map((v) => `${enc(key)}=${enc(v)}`)).join('&');
}

const keyArb = (keys: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: textArb });
const pairsArb = (keys: string[]) => fc.array(fc.tuple(keyArb(keys), valueArb), { maxLength: 5 });

const searchPathArb = fc.oneof(
  pairsArb(['q', 'kinds', 'limit']).map((pairs) => `/api/search?${queryString(pairs)}`),
  fc
    .record({ q: textArb, kinds: fc.option(fc.oneof(textArb, fc.constantFrom('Company', 'Person,Product', 'Company,,', ','))), limit: fc.option(numberishArb) })
    .map(({ q, kinds, limit }) => {
      const pairs: Array<[string, string[]]> = [['q', [q]]];
      if (kinds !== null) pairs.push(['kinds', [kinds]]);
      if (limit !== null) pairs.push(['limit', [limit]]);
      return `/api/search?${queryString(pairs)}`;
    }),
  rawOrEncodedArb.map((raw) => `/api/search?q=${raw}`),
);

const otherPathArb = fc.oneof(
  rawOrEncodedArb.map((id) => `/api/actors/${id}`),
  rawOrEncodedArb.map((id) => `/api/relationships/${id}`),
  rawOrEncodedArb.map((id) => `/api/sources/${id}`),
  fc.constantFrom('microsoft', 'unit-8200', 'microsoft-provides-services-to-unit-8200', 'polygon-microsoft-unit-8200-report').chain((id) =>
    fc.constantFrom(`/api/actors/${id}`, `/api/relationships/${id}`, `/api/sources/${id}`),
  ),
  pairsArb(['limit', 'offset', 'cursor']).map((pairs) => `/api/sources?${queryString(pairs)}`),
  pairsArb(['limit']).map((pairs) => `/api/schema?${queryString(pairs)}`),
);

async function expectWellFormed(path: string): Promise<void> {
  const response = await fetch(`${app.baseUrl}${path}`);
  const text = await response.text();
  expect(response.status, path).toBeLessThan(500);
  expect(response.headers.get('content-type') ?? '', path).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { data?: unknown; error?: { code?: unknown } };
  if (response.status < 400) {
    expect(body.data, path).toBeDefined();
  } else {
    expect(typeof body.error?.code, path).toBe('string');
  }
}

describe('read endpoints under random input', () => {
  it('GET /api/search never answers 5xx, always JSON data or error.code', async () => {
    await fc.assert(fc.asyncProperty(searchPathArb, expectWellFormed), {
      numRuns: 120,
      examples: [
        ['/api/search?q=a&q=b'],
        ['/api/search?q=%22%5C'],
        ['/api/search?q=' + enc('+-&&||!(){}[]^"~*?:\\/')],
        ['/api/search?q=' + enc('AND OR NOT')],
        ['/api/search?q=%ED%A0%80'],
        ['/api/search?q=micro&limit=99999999999999999999'],
        ['/api/search?q=micro&kinds=Company&kinds=%00'],
      ],
    });
  });

  it('GET /api/actors|relationships|sources|schema never answer 5xx, always JSON data or error.code', async () => {
    await fc.assert(fc.asyncProperty(otherPathArb, expectWellFormed), {
      numRuns: 80,
      examples: [['/api/actors/%ZZ'], ['/api/sources?limit=1&limit=2'], ['/api/relationships/a%2Fb'], ['/api/sources?offset=1e400']],
    });
  });

  it('leaves the stored graph unchanged', async () => {
    expect(await graphFingerprint(driver, testDatabase())).toEqual(before);
  });
});
