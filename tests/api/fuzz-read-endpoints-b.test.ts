import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

/**
 * Property test of the graph-exploration endpoints (neighbourhood, paths, timeline): whatever the
 * query string, the answer is never a 5xx, always `{ data }` or `{ error: { code } }`, and the
 * stored graph is unchanged.
 */
const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;
let before: Awaited<ReturnType<typeof graphFingerprint>>;

beforeAll(async () => {
  app = await startTestApp(driver, database);
  before = await graphFingerprint(driver, database);
});
afterAll(async () => {
  expect(await graphFingerprint(driver, database)).toEqual(before);
  await app.close();
});

const realIds = ['microsoft', 'unit-8200', 'bds-movement', 'idf', 'azure', 'brad-smith', 'gaza-strip'];
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', ',', ',,,', '%', '%00', '\u0000', '../..', "' OR 1=1 //", '`a`', '$x', '{}', '[]', 'null', 'NaN', '-1', '1e9'),
  fc.constantFrom(...realIds),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 2000 }).map(String),
  fc.constantFrom('0', '1', '2', '3', '4', '6', '7', '10', '11', '1000', '1001', '99999999999999999999999', '1.5', '-0', '0x10', ' 2', '2 '),
);
const date = fc.oneof(
  fc.constantFrom('2025', '2025-04', '2025-04-10', '2025-13-40', '2025-02-29', '2024-02-29', '0000', '9999-12-31', '25-04-10', '2025-4-1', 'today'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const listOf = (items: fc.Arbitrary<string>) => fc.array(items, { maxLength: 4 }).map((xs) => xs.join(','));
const types = fc.constantFrom('PROVIDES_SERVICES_TO', 'USES', 'PART_OF', 'CITES', 'uses', 'FOO');
const kinds = fc.constantFrom('Company', 'Person', 'Product', 'Alien', 'actor');

/** A value or, sometimes, the same key repeated (`?k=a&k=b`). */
const param = (name: string, value: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: value.map((v) => [[name, v]] as Array<[string, string]>) },
    { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [name, v] as [string, string])) },
  );
const optional = (name: string, value: fc.Arbitrary<string>) => fc.option(param(name, value), { nil: undefined });

function query(parts: Array<Array<[string, string]> | undefined>): string {
  const search = new URLSearchParams();
  for (const part of parts) for (const [k, v] of part ?? []) search.append(k, v);
  return search.toString();
}

const neighbourhoodOptions = fc.tuple(
  optional('depth', number),
  optional('types', fc.oneof(listOf(types), nastyString)),
  optional('direction', fc.oneof(fc.constantFrom('out', 'in', 'both'), nastyString)),
  optional('kinds', fc.oneof(listOf(kinds), nastyString)),
  optional('asOf', fc.oneof(date, nastyString)),
  optional('limit', number),
  optional('includeInterEdges', fc.oneof(fc.constantFrom('true', 'false'), nastyString)),
);

/** Keyset cursors: well-formed ones (base64url JSON, right or wrong shape) and anything else. */
const cursor = fc.oneof(
  fc.tuple(fc.oneof(date, nastyString), fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom(1.5, 2 ** 53)), fc.oneof(fc.constantFrom(...realIds), nastyString))
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc.json().map((j) => Buffer.from(j).toString('base64url')),
  nastyString,
);

async function check(path: string): Promise<void> {
  const response = await fetch(`${app.baseUrl}${path}`);
  const text = await response.text();
  expect(response.status, `${path} -> ${text.slice(0, 300)}`).toBeLessThan(500);
  const body = JSON.parse(text);
  expect('data' in body || typeof body.error?.code === 'string', path).toBe(true);
}

const RUNS = 120;

describe('fuzzing the graph-exploration endpoints', () => {
  it('GET /api/actors/:id/neighborhood never fails with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, neighbourhoodOptions, async (id, options) => {
        await check(`/api/actors/${encodeURIComponent(id)}/neighborhood?${query(options)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/neighborhood never fails with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(optional('ids', fc.oneof(listOf(fc.constantFrom(...realIds)), listOf(nastyString))), neighbourhoodOptions, async (ids, options) => {
        await check(`/api/neighborhood?${query([ids, ...options])}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/paths never fails with a 5xx', async () => {
    const endpoint = fc.oneof(fc.constantFrom(...realIds), nastyString);
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          optional('from', endpoint),
          optional('to', endpoint),
          optional('mode', fc.oneof(fc.constantFrom('shortest', 'allShortest', 'k'), nastyString)),
          optional('k', number),
          optional('maxHops', number),
          optional('types', fc.oneof(listOf(types), nastyString)),
          optional('direction', fc.oneof(fc.constantFrom('out', 'in', 'both'), nastyString)),
          optional('asOf', fc.oneof(date, nastyString)),
        ),
        async (options) => {
          await check(`/api/paths?${query(options)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET /api/timeline never fails with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          optional('ids', fc.oneof(listOf(fc.constantFrom(...realIds)), listOf(nastyString))),
          optional('from', fc.oneof(date, nastyString)),
          optional('to', fc.oneof(date, nastyString)),
          optional('limit', number),
          optional('cursor', cursor),
        ),
        async (options) => {
          await check(`/api/timeline?${query(options)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
