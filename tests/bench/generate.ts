/**
 * Deterministic generator of a large Sightline graph for the benchmarks, and its loader.
 *
 *   node --import tsx tests/bench/generate.ts [--actors 100000] [--relationships 500000]
 *        [--sources 1000] [--seed N] [--hub-cap 3000] [--method cypher|apoc] [--batch 10000]
 *
 * The CLI starts its own embedded Neo4j in a temp folder, applies the schema, loads the graph,
 * prints the load rates, and throws the folder away (tests/bench/api.ts keeps a cached copy).
 *
 * The graph follows the model of server/src/contracts/vocabulary.ts:
 *   - N actors (:Actor:<Kind>) with names built from syllables (common words are shared by many
 *     actors, as surnames are), some aliases, a one-line description, often a country;
 *   - M relationships of vocabulary types, statuses, some since/until dates, between endpoints
 *     drawn from a Zipf distribution over a shuffled actor order (a few hubs, many leaves), hub
 *     degree capped at --hub-cap; no self loops;
 *   - each relationship has 1 to 3 Claims (quote, attributedTo, stance, relationshipId) each
 *     CITING one of --sources Sources (also Zipf: a few sources are cited a lot); a few
 *     Source-[:CITES]->Source links.
 * Everything is a function of the options (seeded PRNG): the same options give the same graph, so a
 * cached database is reused by its options' key (cacheKey), and the search terms and actor ids
 * the API bench asks for are regenerated without reading the database.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import {
  ACTOR_KIND_NAMES,
  RELATIONSHIP_TYPES,
  type ActorKind,
  type ClaimStance,
  type RelationshipStatus,
} from '../../server/src/contracts/vocabulary.js';
import { applySchema } from '../../server/src/repositories/migrations.js';
import { startBenchNeo4j } from './lib/bench-neo4j.js';
import { Prng, ZipfSampler } from './lib/prng.js';
import { round } from './lib/stats.js';

/** Bump when the generated data changes for the same options (invalidates cached databases). */
export const GENERATOR_VERSION = 1;

export interface GeneratorOptions {
  actors: number;
  relationships: number;
  sources: number;
  seed: number;
  /** Most relationships one actor may have (in + out). */
  hubCap: number;
}

export const GENERATOR_DEFAULTS: GeneratorOptions = {
  actors: 100_000,
  relationships: 500_000,
  sources: 1_000,
  seed: 20_251_202,
  hubCap: 3_000,
};

/** Zipf exponent of relationship endpoints: ~a dozen actors reach the cap at 100k/500k. */
const ENDPOINT_ZIPF = 0.8;

export interface GenActor {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  description: string;
  country?: string;
}

export interface GenSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  publishedAt: string;
}

/** The graph, compactly: relationship properties and claims are derived per index when loading. */
export interface GeneratedGraph {
  options: GeneratorOptions;
  actors: GenActor[];
  sources: GenSource[];
  /** Source -> Source citations, as pairs of source indexes. */
  sourceCites: Array<[number, number]>;
  relType: Uint8Array;
  relSource: Uint32Array;
  relTarget: Uint32Array;
  /** In + out relationships of each actor. */
  degree: Uint32Array;
}

// ---------------------------------------------------------------------------------------------
// Words and names
// ---------------------------------------------------------------------------------------------

const SYLLABLES = [
  'ka', 'ri', 'lo', 'men', 'tor', 'vas', 'el', 'an', 'bri', 'dor', 'sa', 'mi', 'ne', 'ro', 'tal', 'ven', 'is', 'ur',
  'ga', 'le', 'mar', 'on', 'pe', 'shi', 'ta', 'vi', 'zo', 'ber', 'cal', 'da', 'fen', 'gil', 'ho', 'jan', 'kel', 'lin',
  'mo', 'nor', 'pra', 'quin', 'rus', 'sel', 'tam', 'ul', 'var', 'wes', 'yor', 'zan', 'ar', 'ev', 'ith', 'ok',
];
const SECTORS = [
  'cloud computing', 'defence', 'agriculture', 'telecommunications', 'logistics', 'surveillance technology',
  'banking', 'energy', 'retail', 'media', 'construction', 'mining', 'pharmaceuticals', 'education', 'shipping',
  'software', 'security', 'water supply', 'housing', 'tourism', 'human rights', 'journalism', 'data analytics',
];
const COUNTRIES = ['US', 'GB', 'IL', 'PS', 'FR', 'DE', 'IE', 'NL', 'ES', 'IT', 'CA', 'AU', 'IN', 'ZA', 'BR', 'JP', 'KR', 'SE', 'NO', 'TR'];
const ROLES = ['Chief executive', 'Spokesperson', 'Founder', 'Researcher', 'Board member', 'Engineer', 'Journalist', 'Minister', 'Activist', 'Lawyer'];
const DIACRITICS: Record<string, string> = { e: 'é', o: 'ö', a: 'á', u: 'ü', i: 'í' };

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** Distinct capitalized words of `minSyl`..`maxSyl` syllables; ~3% carry a diacritic (Zoë). */
function wordPool(rng: Prng, size: number, minSyl: number, maxSyl: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  let attempts = 0;
  while (words.length < size && attempts < size * 20) {
    attempts += 1;
    let w = '';
    const n = rng.between(minSyl, maxSyl);
    for (let i = 0; i < n; i += 1) w += rng.pick(SYLLABLES);
    if (w.length < 3 || seen.has(w)) continue;
    seen.add(w);
    if (rng.chance(0.03)) {
      const at = w.search(/[aeiou](?=[^aeiou]*$)/);
      if (at > 0) w = w.slice(0, at) + (DIACRITICS[w.charAt(at)] ?? w.charAt(at)) + w.slice(at + 1);
    }
    words.push(capitalize(w));
  }
  return words;
}

interface Pools {
  given: string[];
  surnames: string[];
  words: string[];
  givenZipf: ZipfSampler;
  surnameZipf: ZipfSampler;
  wordZipf: ZipfSampler;
}

function makePools(rng: Prng): Pools {
  const given = wordPool(rng, 900, 2, 2);
  const surnames = wordPool(rng, 25_000, 2, 3);
  const words = wordPool(rng, 8_000, 2, 3);
  return {
    given,
    surnames,
    words,
    givenZipf: new ZipfSampler(given.length, 0.9),
    surnameZipf: new ZipfSampler(surnames.length, 0.9),
    wordZipf: new ZipfSampler(words.length, 0.9),
  };
}

const w = (rng: Prng, p: Pools): string => p.words[p.wordZipf.sample(rng)] as string;
const surname = (rng: Prng, p: Pools): string => p.surnames[p.surnameZipf.sample(rng)] as string;
const given = (rng: Prng, p: Pools): string => p.given[p.givenZipf.sample(rng)] as string;

const KIND_WEIGHTS: ReadonlyArray<readonly [ActorKind, number]> = [
  ['Person', 38], ['Company', 22], ['Organization', 9], ['GovernmentBody', 6], ['MilitaryUnit', 3], ['State', 0.3],
  ['Movement', 2], ['Product', 9], ['Place', 5], ['Group', 1.7], ['MediaOutlet', 4],
];

function actorName(rng: Prng, p: Pools, kind: ActorKind): string {
  switch (kind) {
    case 'Person':
      return rng.chance(0.15) ? `${given(rng, p)} ${given(rng, p)} ${surname(rng, p)}` : `${given(rng, p)} ${surname(rng, p)}`;
    case 'Company':
      return `${w(rng, p)} ${rng.pick(['Systems', 'Technologies', 'Holdings', 'Group', 'Labs', 'Industries', 'Networks', 'Logistics', 'Capital', 'Dynamics', 'Ltd', 'Inc'])}`;
    case 'Organization':
      return rng.pick([`${w(rng, p)} Foundation`, `Institute for ${w(rng, p)} Studies`, `${w(rng, p)} Association`, `${w(rng, p)} ${w(rng, p)} Coalition`]);
    case 'GovernmentBody':
      return rng.pick([`Ministry of ${rng.pick(SECTORS)} of ${w(rng, p)}`, `${w(rng, p)} Data Protection Authority`, `Supreme Court of ${w(rng, p)}`, `${w(rng, p)} Customs Agency`]);
    case 'MilitaryUnit':
      return rng.pick([`Unit ${rng.between(100, 9999)}`, `${w(rng, p)} Brigade`, `${rng.between(1, 99)}th ${w(rng, p)} Regiment`, `${w(rng, p)} Intelligence Corps`]);
    case 'State':
      return rng.pick([`Republic of ${w(rng, p)}`, `Kingdom of ${w(rng, p)}`, `${w(rng, p)}`, `Federation of ${w(rng, p)}`]);
    case 'Movement':
      return rng.pick([`${w(rng, p)} Campaign`, `Stop ${w(rng, p)} Movement`, `${w(rng, p)} Solidarity Network`]);
    case 'Product':
      return rng.pick([`${w(rng, p)} Cloud`, `${w(rng, p)}OS`, `${w(rng, p)} ${rng.between(2, 12)}`, `${w(rng, p)} Analytics`, `${w(rng, p)} Pay`]);
    case 'Place':
      return rng.pick([`${w(rng, p)}`, `${w(rng, p)} Valley`, `Port ${w(rng, p)}`, `${w(rng, p)} District`]);
    case 'Group':
      return rng.pick([`Civilians of ${w(rng, p)}`, `${w(rng, p)} farmers`, `Workers of ${w(rng, p)}`]);
    case 'MediaOutlet':
      return rng.pick([`The ${w(rng, p)} Times`, `${w(rng, p)} News`, `${w(rng, p)} Herald`, `${w(rng, p)} Daily`, `Radio ${w(rng, p)}`]);
  }
}

function aliasesOf(rng: Prng, p: Pools, name: string, kind: ActorKind): string[] {
  if (!rng.chance(0.3)) return [];
  const aliases: string[] = [];
  const words = name.split(' ');
  if (words.length > 1 && kind !== 'Person') aliases.push(words.map((x) => x.charAt(0).toUpperCase()).join(''));
  else if (kind === 'Person') aliases.push(`${words[0]?.charAt(0)}. ${words[words.length - 1]}`);
  if (rng.chance(0.4)) aliases.push(kind === 'Person' ? `${given(rng, p)} ${words[words.length - 1]}` : `${w(rng, p)} ${words[words.length - 1]}`);
  if (rng.chance(0.15)) aliases.push(`formerly ${w(rng, p)} ${rng.pick(['Group', 'Corp', 'Union', 'Works'])}`);
  return aliases;
}

function descriptionOf(rng: Prng, p: Pools, kind: ActorKind): string {
  const place = w(rng, p);
  const sector = rng.pick(SECTORS);
  switch (kind) {
    case 'Person':
      return `${rng.pick(ROLES)} at ${w(rng, p)} ${rng.pick(['Systems', 'Foundation', 'News', 'Ministry'])}, based in ${place}.`;
    case 'Place':
      return `A ${rng.pick(['city', 'region', 'port town', 'district'])} in ${place}, known for ${sector}.`;
    default:
      return `${kind.replace(/([a-z])([A-Z])/g, '$1 $2')} based in ${place}, active in ${sector}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// The graph
// ---------------------------------------------------------------------------------------------

export function generateGraph(options: GeneratorOptions): GeneratedGraph {
  const rng = new Prng(options.seed);
  const pools = makePools(rng);

  const actors: GenActor[] = [];
  for (let i = 0; i < options.actors; i += 1) {
    const kind = rng.weighted(KIND_WEIGHTS);
    const name = actorName(rng, pools, kind);
    const actor: GenActor = {
      id: `${slugify(name) || 'actor'}-${i.toString(36)}`,
      kind,
      name,
      aliases: aliasesOf(rng, pools, name, kind),
      description: descriptionOf(rng, pools, kind),
    };
    if (rng.chance(0.6)) actor.country = rng.pick(COUNTRIES);
    actors.push(actor);
  }

  const outlets = Array.from({ length: 80 }, () => actorName(rng, pools, 'MediaOutlet'));
  const sources: GenSource[] = [];
  for (let i = 0; i < options.sources; i += 1) {
    const title = `${w(rng, pools)} and ${w(rng, pools)}: ${rng.pick(['inside', 'the hidden cost of', 'who profits from', 'a report on'])} ${rng.pick(SECTORS)}`;
    const year = rng.between(2000, 2025);
    sources.push({
      id: `source-${slugify(title).slice(0, 60).replace(/-+$/g, '')}-${i.toString(36)}`,
      title: capitalize(title),
      publisher: rng.pick(outlets),
      url: `https://example.org/${year}/${slugify(title)}`,
      publishedAt: `${year}-${String(rng.between(1, 12)).padStart(2, '0')}`,
    });
  }
  const sourceCites: Array<[number, number]> = [];
  for (let i = 0; i < Math.floor(options.sources / 2); i += 1) {
    const a = rng.int(options.sources);
    const b = rng.int(options.sources);
    if (a !== b) sourceCites.push([a, b]);
  }

  // Endpoints: Zipf over a shuffled order, so hubs are spread over kinds and ids.
  const order = rng.shuffle(Array.from({ length: options.actors }, (_, i) => i));
  const zipf = new ZipfSampler(options.actors, ENDPOINT_ZIPF);
  const degree = new Uint32Array(options.actors);
  const relType = new Uint8Array(options.relationships);
  const relSource = new Uint32Array(options.relationships);
  const relTarget = new Uint32Array(options.relationships);
  const endpoint = (): number => {
    for (;;) {
      const a = order[zipf.sample(rng)] as number;
      if ((degree[a] as number) < options.hubCap) return a;
    }
  };
  const typeZipf = new ZipfSampler(RELATIONSHIP_TYPES.length, 0.6);
  const typeOrder = rng.shuffle(RELATIONSHIP_TYPES.map((_, i) => i));
  for (let i = 0; i < options.relationships; i += 1) {
    const s = endpoint();
    let t = endpoint();
    while (t === s) t = endpoint();
    degree[s] = (degree[s] as number) + 1;
    degree[t] = (degree[t] as number) + 1;
    relSource[i] = s;
    relTarget[i] = t;
    relType[i] = typeOrder[typeZipf.sample(rng)] as number;
  }
  return { options, actors, sources, sourceCites, relType, relSource, relTarget, degree };
}

const STATUS_WEIGHTS: ReadonlyArray<readonly [RelationshipStatus, number]> = [
  ['active', 55], ['ended', 20], ['alleged', 15], ['disputed', 10],
];
const STANCES_BY_STATUS: Record<RelationshipStatus, ReadonlyArray<readonly [ClaimStance, number]>> = {
  active: [['reported', 6], ['stated', 3], ['confirmed', 1]],
  ended: [['reported', 6], ['stated', 3], ['confirmed', 1]],
  alleged: [['alleged', 6], ['reported', 3]],
  disputed: [['alleged', 4], ['reported', 3], ['denied', 3]],
};

function partialDate(rng: Prng, minYear: number, maxYear: number): string {
  const year = rng.between(minYear, maxYear);
  const precision = rng.next();
  if (precision < 0.4) return String(year);
  const month = String(rng.between(1, 12)).padStart(2, '0');
  if (precision < 0.7) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.between(1, 28)).padStart(2, '0')}`;
}

export interface RelationshipRow {
  /** Source and target actor ids. */
  s: string;
  t: string;
  type: string;
  p: { id: string; status: RelationshipStatus; summary: string; since?: string; until?: string };
  c: Array<{ id: string; quote: string; attributedTo: string; stance: ClaimStance; relationshipId: string; src: string }>;
}

/** Properties and claims of relationship i: derived from (seed, i), so they need no storage. */
export function relationshipRow(graph: GeneratedGraph, i: number, sourceZipf: ZipfSampler): RelationshipRow {
  const rng = new Prng((graph.options.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const a = graph.actors[graph.relSource[i] as number] as GenActor;
  const b = graph.actors[graph.relTarget[i] as number] as GenActor;
  const meta = RELATIONSHIP_TYPES[graph.relType[i] as number] as (typeof RELATIONSHIP_TYPES)[number];
  const id = `${meta.type.toLowerCase().replace(/_/g, '-')}-${i.toString(36)}`;
  const status = rng.weighted(STATUS_WEIGHTS);
  const p: RelationshipRow['p'] = { id, status, summary: `${a.name} ${meta.label} ${b.name}.` };
  if (rng.chance(0.4)) {
    p.since = partialDate(rng, 1990, 2020);
    if (status === 'ended' && rng.chance(0.6)) p.until = partialDate(rng, Number(p.since.slice(0, 4)) + 1, 2025);
  }
  const claims = rng.weighted<number>([[1, 80], [2, 15], [3, 5]]);
  const c: RelationshipRow['c'] = [];
  for (let k = 0; k < claims; k += 1) {
    const source = graph.sources[sourceZipf.sample(rng)] as GenSource;
    const stance = rng.weighted(STANCES_BY_STATUS[status]);
    const attributedTo = stance === 'stated' || stance === 'denied' ? `A spokesperson for ${a.name}` : source.publisher;
    const quote = rng.pick([
      `${a.name} ${meta.label} ${b.name}, documents seen by ${source.publisher} show.`,
      `"We can confirm that ${a.name} ${meta.label} ${b.name}," the statement said.`,
      `According to people familiar with the matter, ${a.name} ${meta.label} ${b.name}${p.since ? ` since ${p.since}` : ''}.`,
      `The report found that ${a.name} ${meta.label} ${b.name}, which ${a.name} did not dispute.`,
    ]).slice(0, 300);
    c.push({ id: `claim-${i.toString(36)}-${k}`, quote, attributedTo, stance, relationshipId: id, src: source.id });
  }
  return { s: a.id, t: b.id, type: meta.type, p, c };
}

/** Cache key of a generated database: generator version and options. */
export function cacheKey(options: GeneratorOptions): string {
  const text = JSON.stringify({ v: GENERATOR_VERSION, ...options });
  return `a${options.actors}-r${options.relationships}-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

/** Degree distribution facts, for the report. */
export function degreeFacts(graph: GeneratedGraph): Record<string, number> {
  const sorted = Array.from(graph.degree).sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return {
    max: sorted[sorted.length - 1] ?? 0,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    isolated: sorted.filter((d) => d === 0).length,
    atCap: sorted.filter((d) => d >= graph.options.hubCap).length,
    over1000: sorted.filter((d) => d > 1000).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

export type LoadMethod = 'cypher' | 'apoc';

export interface LoadOptions {
  database?: string;
  method?: LoadMethod;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  method: LoadMethod;
  batchSize: number;
  seconds: { schema: number; sources: number; actors: number; relationships: number; total: number };
  counts: { actors: number; relationships: number; claims: number; sources: number; sourceCites: number };
  rates: { actorsPerSecond: number; relationshipsPerSecond: number; claimsPerSecond: number; elementsPerSecond: number };
}

const claimCreate = `
WITH r, row
UNWIND row.c AS c
MATCH (s:Source {id: c.src})
CREATE (cl:Claim {id: c.id, quote: c.quote, attributedTo: c.attributedTo, stance: c.stance, relationshipId: c.relationshipId})-[:CITES]->(s)`;

/** One statement per relationship type: types come from the vocabulary, never from input. */
function relationshipCypher(type: string): string {
  if (!RELATIONSHIP_TYPES.some((t) => t.type === type)) throw new Error(`not a vocabulary type: ${type}`);
  return `
UNWIND $rows AS row
MATCH (a:Actor {id: row.s})
MATCH (b:Actor {id: row.t})
CREATE (a)-[r:${type}]->(b)
SET r = row.p${claimCreate}`;
}

const RELATIONSHIP_APOC = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.s})
MATCH (b:Actor {id: row.t})
CALL apoc.create.relationship(a, row.type, row.p, b) YIELD rel
WITH rel AS r, row${claimCreate}`;

function actorCypher(kind: ActorKind): string {
  if (!ACTOR_KIND_NAMES.includes(kind)) throw new Error(`not a vocabulary kind: ${kind}`);
  return `UNWIND $rows AS row CREATE (a:Actor:${kind}) SET a = row`;
}

/** Applies the schema, then loads the graph with UNWIND batches (one write transaction each). */
export async function loadGraph(driver: Driver, graph: GeneratedGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const method = options.method ?? 'cypher';
  const batchSize = options.batchSize ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const database = options.database ?? 'neo4j';
  const write = async (cypher: string, rows: unknown[]) => {
    await driver.executeQuery(cypher, { rows }, { database, routing: 'WRITE' });
  };
  const t0 = performance.now();
  await applySchema(driver, { database });
  const tSchema = performance.now();

  await write('UNWIND $rows AS row CREATE (s:Source) SET s = row', graph.sources);
  await write(
    'UNWIND $rows AS row MATCH (a:Source {id: row[0]}) MATCH (b:Source {id: row[1]}) CREATE (a)-[:CITES]->(b)',
    graph.sourceCites.map(([a, b]) => [graph.sources[a]?.id, graph.sources[b]?.id]),
  );
  const tSources = performance.now();

  const byKind = new Map<ActorKind, Array<Record<string, unknown>>>();
  let done = 0;
  const flushKind = async (kind: ActorKind) => {
    const rows = byKind.get(kind) ?? [];
    if (rows.length === 0) return;
    await write(actorCypher(kind), rows);
    done += rows.length;
    byKind.set(kind, []);
  };
  for (const a of graph.actors) {
    const { kind, ...props } = a;
    const rows = byKind.get(kind) ?? [];
    rows.push(props);
    byKind.set(kind, rows);
    if (rows.length >= batchSize) {
      await flushKind(kind);
      log(`  actors ${done}/${graph.actors.length} (${round(done / ((performance.now() - tSources) / 1000), 0)}/s)`);
    }
  }
  for (const kind of byKind.keys()) await flushKind(kind);
  const tActors = performance.now();
  log(`  actors ${done} in ${round((tActors - tSources) / 1000)} s`);

  const sourceZipf = new ZipfSampler(graph.sources.length, 0.7);
  let rels = 0;
  let claims = 0;
  const report = () => {
    const s = (performance.now() - tActors) / 1000;
    log(`  relationships ${rels}/${graph.relType.length}, claims ${claims} (${round(rels / s, 0)} rels/s)`);
  };
  if (method === 'cypher') {
    const byType = new Map<string, RelationshipRow[]>();
    const flushType = async (type: string) => {
      const rows = byType.get(type) ?? [];
      if (rows.length === 0) return;
      await write(relationshipCypher(type), rows);
      rels += rows.length;
      claims += rows.reduce((n, r) => n + r.c.length, 0);
      byType.set(type, []);
    };
    for (let i = 0; i < graph.relType.length; i += 1) {
      const row = relationshipRow(graph, i, sourceZipf);
      const rows = byType.get(row.type) ?? [];
      rows.push(row);
      byType.set(row.type, rows);
      if (rows.length >= batchSize) {
        await flushType(row.type);
        if (rels % (batchSize * 5) < batchSize) report();
      }
    }
    for (const type of byType.keys()) await flushType(type);
  } else {
    let rows: RelationshipRow[] = [];
    for (let i = 0; i < graph.relType.length; i += 1) {
      rows.push(relationshipRow(graph, i, sourceZipf));
      if (rows.length >= batchSize || i === graph.relType.length - 1) {
        await write(RELATIONSHIP_APOC, rows);
        rels += rows.length;
        claims += rows.reduce((n, r) => n + r.c.length, 0);
        rows = [];
        if (rels % (batchSize * 5) < batchSize) report();
      }
    }
  }
  const tRels = performance.now();
  const sec = (a: number, b: number) => round((b - a) / 1000, 1);
  const relSeconds = (tRels - tActors) / 1000;
  const result: LoadReport = {
    method,
    batchSize,
    seconds: {
      schema: sec(t0, tSchema),
      sources: sec(tSchema, tSources),
      actors: sec(tSources, tActors),
      relationships: sec(tActors, tRels),
      total: sec(t0, tRels),
    },
    counts: {
      actors: graph.actors.length,
      relationships: rels,
      claims,
      sources: graph.sources.length,
      sourceCites: graph.sourceCites.length,
    },
    rates: {
      actorsPerSecond: round(graph.actors.length / ((tActors - tSources) / 1000), 0),
      relationshipsPerSecond: round(rels / relSeconds, 0),
      claimsPerSecond: round(claims / relSeconds, 0),
      // nodes + relationships created (actors, claims, sources; actor rels, CITES)
      elementsPerSecond: round(
        (graph.actors.length + rels + 2 * claims + graph.sources.length + graph.sourceCites.length) / ((tRels - t0) / 1000),
        0,
      ),
    },
  };
  log(
    `loaded in ${result.seconds.total} s: actors ${result.rates.actorsPerSecond}/s, relationships ${result.rates.relationshipsPerSecond}/s ` +
      `(with their ${claims} claims and CITES: ${result.rates.claimsPerSecond} claims/s), ${result.rates.elementsPerSecond} elements/s overall`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// What the benchmarks ask for
// ---------------------------------------------------------------------------------------------

export type SearchTermKind = 'exact' | 'prefix' | 'typo';

/** Search texts drawn from generated names: exact names, as-you-type prefixes, one-typo names. */
export function searchTerms(graph: GeneratedGraph, count: number, seed = 1): Array<{ kind: SearchTermKind; q: string; actorId: string }> {
  const rng = new Prng(graph.options.seed ^ (seed * 7919));
  const out: Array<{ kind: SearchTermKind; q: string; actorId: string }> = [];
  const kinds: SearchTermKind[] = ['exact', 'prefix', 'typo'];
  while (out.length < count) {
    const actor = graph.actors[rng.int(graph.actors.length)] as GenActor;
    const kind = kinds[out.length % kinds.length] as SearchTermKind;
    const words = actor.name.split(' ');
    if (kind === 'exact') out.push({ kind, q: actor.name, actorId: actor.id });
    else if (kind === 'prefix') {
      // As you type: the first words whole, the last one cut after 3-5 characters.
      const last = words[words.length - 1] as string;
      const cut = last.slice(0, Math.min(last.length, rng.between(3, 5)));
      out.push({ kind, q: [...words.slice(0, -1), cut].join(' '), actorId: actor.id });
    } else {
      // One typo in the longest word of 5+ letters: a letter replaced by another.
      const longest = words.reduce((x, y) => (y.length > x.length ? y : x), '');
      if (longest.length < 5 || !/^\p{L}+$/u.test(longest)) continue;
      const at = rng.between(1, longest.length - 2);
      const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(longest.charAt(at).toLowerCase(), '');
      const typo = longest.slice(0, at) + rng.pick([...letters]) + longest.slice(at + 1);
      out.push({ kind, q: words.map((x) => (x === longest ? typo : x)).join(' '), actorId: actor.id });
    }
  }
  return out;
}

/** Actor ids drawn uniformly (what users land on at random). */
export function randomActorIds(graph: GeneratedGraph, count: number, seed = 2): string[] {
  const rng = new Prng(graph.options.seed ^ (seed * 104_729));
  return Array.from({ length: count }, () => (graph.actors[rng.int(graph.actors.length)] as GenActor).id);
}

/** The `count` actors of highest degree (the hubs). */
export function hubActorIds(graph: GeneratedGraph, count: number): string[] {
  return Array.from(graph.degree.keys())
    .sort((x, y) => (graph.degree[y] as number) - (graph.degree[x] as number) || x - y)
    .slice(0, count)
    .map((i) => (graph.actors[i] as GenActor).id);
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export function generatorOptionsFrom(args: string[]): GeneratorOptions {
  const num = (name: string, fallback: number) => {
    const v = flag(args, name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  return {
    actors: num('actors', GENERATOR_DEFAULTS.actors),
    relationships: num('relationships', GENERATOR_DEFAULTS.relationships),
    sources: num('sources', GENERATOR_DEFAULTS.sources),
    seed: num('seed', GENERATOR_DEFAULTS.seed),
    hubCap: num('hub-cap', GENERATOR_DEFAULTS.hubCap),
  };
}

async function main(args: string[]): Promise<void> {
  const options = generatorOptionsFrom(args);
  const method = (flag(args, 'method') ?? 'cypher') as LoadMethod;
  if (method !== 'cypher' && method !== 'apoc') throw new Error('--method must be cypher or apoc');
  const batchSize = Number(flag(args, 'batch') ?? 10_000);
  const t0 = performance.now();
  const graph = generateGraph(options);
  console.log(`generated in memory in ${round((performance.now() - t0) / 1000)} s:`, options, degreeFacts(graph));
  const home = await mkdtemp(join(tmpdir(), 'sightline-bench-generate-'));
  const bench = await startBenchNeo4j(home);
  try {
    await loadGraph(bench.driver, graph, { method, batchSize });
  } finally {
    await bench.stop();
    await rm(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}

