/**
 * The schema and the founding-report seed, checked against a real Neo4j (started by the global
 * setup with schema and seed already applied once).
 *
 * What these tests hold the seed to:
 *   - idempotent and non-destructive: re-running it creates nothing and overwrites no edit;
 *   - evidence: every relationship has a claim, every claim one source and a verbatim, short quote;
 *   - vocabulary: every stored node and relationship passes the zod schemas of the contracts;
 *   - neutrality: an allegation is never stored as a fact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInt, type Driver, type Node, type Relationship } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACTOR_KIND_NAMES,
  BOOKKEEPING_LABELS,
  ACTOR_LABEL,
  CITES_TYPE,
  CLAIM_LABEL,
  QUOTE_MAX_LENGTH,
  RELATIONSHIP_TYPE_NAMES,
  SOURCE_LABEL,
  actorKindSchema,
  actorSchema,
  claimSchema,
  relationshipSchema,
  relationshipTypeSchema,
  sourceSchema,
  type Claim,
} from '../../server/src/contracts/vocabulary.js';
import { applySchema, applySeed } from '../../server/src/repositories/migrations.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const BNC = 'Palestinian BDS National Committee';
const FOUNDING_REPORT_SOURCE_ID = 'polygon-microsoft-unit-8200-report';

const driver: Driver = getTestDriver();
let database: string;

beforeAll(() => {
  database = testDatabase();
});

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, params, { database });
  return records;
}

function num(value: unknown): number {
  return isInt(value) ? value.toNumber() : Number(value);
}

/** The shared founding report; SIGHTLINE_SHARED_DIR overrides the folder that holds seed/. */
function readArticle(): string {
  const dir = process.env.SIGHTLINE_SHARED_DIR;
  const location = dir ? join(dir, 'seed', 'article.txt') : new URL('../../../shared/seed/article.txt', import.meta.url);
  return readFileSync(location, 'utf8');
}

/** JSON with object keys sorted, so two snapshots compare equal whatever order Neo4j returns keys in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const normaliseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Counts that any duplicate or missing node or relationship would change. */
async function graphCounts() {
  const [totals] = await query(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  const labels = await query('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  const types = await query('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return {
    nodes: num(totals?.get('nodes')),
    relationships: num(totals?.get('relationships')),
    perLabel: Object.fromEntries(labels.map((r) => [r.get('label') as string, num(r.get('n'))])),
    perType: Object.fromEntries(types.map((r) => [r.get('type') as string, num(r.get('n'))])),
  };
}

async function allNodes(): Promise<Node[]> {
  return (await query('MATCH (n) RETURN n')).map((r) => r.get('n') as Node);
}

interface StoredRelationship {
  rel: Relationship;
  startLabels: string[];
  endLabels: string[];
  startId: string;
  endId: string;
}

async function allRelationships(): Promise<StoredRelationship[]> {
  const records = await query(
    'MATCH (a)-[r]->(b) RETURN r, labels(a) AS startLabels, labels(b) AS endLabels, a.id AS startId, b.id AS endId',
  );
  return records.map((r) => ({
    rel: r.get('r') as Relationship,
    startLabels: r.get('startLabels') as string[],
    endLabels: r.get('endLabels') as string[],
    startId: r.get('startId') as string,
    endId: r.get('endId') as string,
  }));
}

async function allClaims(): Promise<Array<Claim & { sources: string[]; citesTargets: number }>> {
  const records = await query(
    `MATCH (c:Claim)
     RETURN c {.*} AS claim,
            [(c)-[:CITES]->(s:Source) | s.id] AS sources,
            COUNT { (c)-[:CITES]->() } AS citesTargets`,
  );
  return records.map((r) => ({
    ...(r.get('claim') as Claim),
    sources: r.get('sources') as string[],
    citesTargets: num(r.get('citesTargets')),
  }));
}

/** Relationships between actors, i.e. everything except the structural CITES. */
async function evidenceRelationships(): Promise<StoredRelationship[]> {
  return (await allRelationships()).filter((r) => r.rel.type !== CITES_TYPE);
}

// ---------------------------------------------------------------------------------------------
// idempotence and non-destructiveness
// ---------------------------------------------------------------------------------------------

describe('seed: idempotent and non-destructive', () => {
  it('creates nothing when applied twice more (total counts, and counts per label and per type)', async () => {
    const before = await graphCounts();
    expect(before.nodes).toBeGreaterThan(0);
    expect(before.relationships).toBeGreaterThan(0);

    await applySeed(driver, { database, force: true });
    await applySeed(driver, { database, force: true });

    expect(await graphCounts()).toEqual(before);
  });

  it('skips a seed file already applied with the same content, and records what it applied', async () => {
    const report = await applySeed(driver, { database });
    expect(report.skipped).toBe(report.files);
    expect(report.statements).toBe(0);
    const recorded = await query('MATCH (f:SeedFile) RETURN f.name AS name, f.sha256 AS sha256 ORDER BY name');
    expect(recorded.map((r) => r.get('name'))).toContain('001-founding-report.cypher');
    expect(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.get('sha256') as string))).toBe(true);
  });

  it('leaves every stored property unchanged when applied again', async () => {
    const snapshot = async () =>
      (
        await query(
          `CALL () { MATCH (n) RETURN 'node:' + coalesce(n.id, elementId(n)) AS key, n {.*} AS props
                     UNION ALL
                     MATCH ()-[r]->() RETURN type(r) + ':' + coalesce(r.id, elementId(r)) AS key, r {.*} AS props }
           RETURN key, props ORDER BY key`,
        )
      ).map((r) => stableJson([r.get('key'), r.get('props')]));
    const before = await snapshot();
    await applySeed(driver, { database, force: true });
    expect(await snapshot()).toEqual(before);
  });

  it('does not overwrite an edited actor property or relationship property on re-seed', async () => {
    const [actor] = await query("MATCH (n:Actor {id: 'microsoft'}) RETURN n.description AS d");
    const [rel] = await query(
      "MATCH ()-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-idf'}]->() RETURN r.summary AS s",
    );
    const originalDescription = actor?.get('d') as string;
    const originalSummary = rel?.get('s') as string;
    expect(originalDescription).toBeTruthy();
    expect(originalSummary).toBeTruthy();

    const editedDescription = 'Edited by tests/integration/seed.test.ts';
    const editedSummary = 'Summary edited by tests/integration/seed.test.ts';
    try {
      await query("MATCH (n:Actor {id: 'microsoft'}) SET n.description = $d", { d: editedDescription });
      await query("MATCH ()-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-idf'}]->() SET r.summary = $s", {
        s: editedSummary,
      });

      await applySeed(driver, { database, force: true });

      const [after] = await query(
        `MATCH (n:Actor {id: 'microsoft'})
         MATCH ()-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-idf'}]->()
         RETURN n.description AS d, r.summary AS s, COUNT { (m:Actor {id: 'microsoft'}) } AS copies`,
      );
      expect(after?.get('d')).toBe(editedDescription);
      expect(after?.get('s')).toBe(editedSummary);
      expect(num(after?.get('copies'))).toBe(1);
    } finally {
      await query("MATCH (n:Actor {id: 'microsoft'}) SET n.description = $d", { d: originalDescription });
      await query("MATCH ()-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-idf'}]->() SET r.summary = $s", {
        s: originalSummary,
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// evidence
// ---------------------------------------------------------------------------------------------

describe('seed: evidence behind every edge', () => {
  it('gives every relationship between actors at least one claim with its id', async () => {
    const relationships = await evidenceRelationships();
    expect(relationships.length).toBeGreaterThan(0);
    const claimed = new Set((await allClaims()).map((c) => c.relationshipId));
    const unclaimed = relationships.filter((r) => !claimed.has(r.rel.properties.id as string));
    expect(unclaimed.map((r) => `${r.rel.type} ${String(r.rel.properties.id)}`)).toEqual([]);
  });

  it('keeps relationship ids unique across all types, so a claim points at exactly one edge', async () => {
    const ids = (await evidenceRelationships()).map((r) => r.rel.properties.id as string);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('gives every claim exactly one CITES, to a Source, and a relationshipId that exists', async () => {
    const claims = await allClaims();
    expect(claims.length).toBeGreaterThan(0);
    const relationshipIds = new Set((await evidenceRelationships()).map((r) => r.rel.properties.id as string));

    const badCitations = claims.filter((c) => c.citesTargets !== 1 || c.sources.length !== 1);
    expect(badCitations.map((c) => `${c.id}: ${c.citesTargets} CITES, sources ${JSON.stringify(c.sources)}`)).toEqual([]);

    const dangling = claims.filter((c) => !relationshipIds.has(c.relationshipId));
    expect(dangling.map((c) => `${c.id} -> ${c.relationshipId}`)).toEqual([]);
  });

  it('quotes the founding report verbatim (whitespace normalised) in at most QUOTE_MAX_LENGTH characters', async () => {
    const article = normaliseWhitespace(readArticle());
    const claims = await allClaims();
    const notVerbatim = claims.filter((c) => !article.includes(normaliseWhitespace(c.quote)));
    expect(notVerbatim.map((c) => `${c.id}: ${c.quote}`)).toEqual([]);
    const tooLong = claims.filter((c) => c.quote.length > QUOTE_MAX_LENGTH);
    expect(tooLong.map((c) => `${c.id}: ${c.quote.length} chars`)).toEqual([]);
  });

  it('does not store the article: no stored text contains a passage longer than a quote', async () => {
    const article = normaliseWhitespace(readArticle());
    const window = QUOTE_MAX_LENGTH + 1;
    const passages: string[] = [];
    for (let i = 0; i + window <= article.length; i += 1) passages.push(article.slice(i, i + window));
    expect(passages.length).toBeGreaterThan(0);

    const texts: string[] = [];
    for (const node of await allNodes()) texts.push(...Object.values(node.properties).filter((v) => typeof v === 'string'));
    for (const { rel } of await allRelationships()) texts.push(...Object.values(rel.properties).filter((v) => typeof v === 'string'));
    const offending = texts.map(normaliseWhitespace).filter((text) => passages.some((p) => text.includes(p)));
    expect(offending.map((t) => t.slice(0, 80))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// vocabulary
// ---------------------------------------------------------------------------------------------

describe('seed: everything stored is in the vocabulary', () => {
  it('gives every actor :Actor plus exactly one kind label, and valid actor properties', async () => {
    const nodes = await allNodes();
    const actors = nodes.filter((n) => n.labels.includes(ACTOR_LABEL));
    expect(actors.length).toBeGreaterThan(0);
    for (const node of actors) {
      const where = `actor ${String(node.properties.id)} (${node.labels.join(':')})`;
      const kinds = node.labels.filter((l) => l !== ACTOR_LABEL);
      expect(kinds, where).toHaveLength(1);
      expect(actorKindSchema.safeParse(kinds[0]).success, where).toBe(true);
      const parsed = actorSchema.safeParse(node.properties);
      expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('labels every node as exactly one of Actor, Source or Claim, and validates sources and claims', async () => {
    const kinds = new Set<string>(ACTOR_KIND_NAMES);
    const bookkeeping = new Set<string>(BOOKKEEPING_LABELS);
    for (const node of (await allNodes()).filter((n) => !n.labels.some((l) => bookkeeping.has(l)))) {
      const where = `node ${String(node.properties.id)} (${node.labels.join(':')})`;
      const roles = node.labels.filter((l) => l === ACTOR_LABEL || l === SOURCE_LABEL || l === CLAIM_LABEL);
      expect(roles, where).toHaveLength(1);
      // A kind label never appears without :Actor, and Source/Claim carry no other label.
      if (roles[0] !== ACTOR_LABEL) {
        expect(node.labels, where).toEqual(roles);
        expect(node.labels.some((l) => kinds.has(l)), where).toBe(false);
      }
      if (roles[0] === SOURCE_LABEL) {
        const parsed = sourceSchema.safeParse(node.properties);
        expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
      }
      if (roles[0] === CLAIM_LABEL) {
        const parsed = claimSchema.safeParse(node.properties);
        expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('uses only vocabulary types, statuses and properties between actors, and CITES only towards sources', async () => {
    const relationships = await allRelationships();
    expect(relationships.length).toBeGreaterThan(0);
    for (const { rel, startLabels, endLabels, startId, endId } of relationships) {
      const where = `${startId} -[${rel.type} ${String(rel.properties.id)}]-> ${endId}`;
      if (rel.type === CITES_TYPE) {
        expect(startLabels.includes(CLAIM_LABEL) || startLabels.includes(SOURCE_LABEL), where).toBe(true);
        expect(endLabels, where).toEqual([SOURCE_LABEL]);
        continue;
      }
      expect(relationshipTypeSchema.safeParse(rel.type).success, where).toBe(true);
      expect(startLabels, where).toContain(ACTOR_LABEL);
      expect(endLabels, where).toContain(ACTOR_LABEL);
      const parsed = relationshipSchema.safeParse(rel.properties);
      expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// content of the founding report
// ---------------------------------------------------------------------------------------------

describe('seed: the founding report', () => {
  it('holds every actor the report names', async () => {
    const ids = (await query('MATCH (n:Actor) RETURN n.id AS id')).map((r) => r.get('id') as string);
    expect(ids).toEqual(
      expect.arrayContaining([
        'microsoft',
        'azure',
        'xbox',
        'xbox-game-pass',
        'brad-smith',
        'idf',
        'unit-8200',
        'israel-ministry-of-defense',
        'israel',
        'israeli-prison-system',
        'bds-movement',
        'palestinian-bds-national-committee',
        'palestinian-civilians',
        'gaza-strip',
        'the-guardian',
        'polygon',
      ]),
    );
  });

  it('records Microsoft -> Unit 8200 services as ended and Microsoft -> IDF services as active', async () => {
    const records = await query(
      `MATCH (:Actor {id: 'microsoft'})-[r:PROVIDES_SERVICES_TO]->(b:Actor)
       WHERE b.id IN ['unit-8200', 'idf']
       RETURN b.id AS target, collect(r.status) AS statuses`,
    );
    const statuses = Object.fromEntries(records.map((r) => [r.get('target') as string, r.get('statuses') as string[]]));
    expect(statuses).toEqual({ 'unit-8200': ['ended'], idf: ['active'] });
  });

  it('stores every claim of the Palestinian BDS National Committee as an allegation, on alleged edges', async () => {
    const records = await query(
      `MATCH (c:Claim {attributedTo: $bnc})
       OPTIONAL MATCH ()-[r]->() WHERE r.id = c.relationshipId AND type(r) <> $cites
       RETURN c.id AS id, c.stance AS stance, r.status AS status`,
      { bnc: BNC, cites: CITES_TYPE },
    );
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.get('stance'), `claim ${String(r.get('id'))}`).toBe('alleged');
      expect(r.get('status'), `relationship of claim ${String(r.get('id'))}`).toBe('alleged');
    }
  });

  it('never states an allegation as a fact: an edge whose claims are all allegations is alleged or disputed', async () => {
    const claims = await allClaims();
    const byRelationship = new Map<string, string[]>();
    for (const c of claims) byRelationship.set(c.relationshipId, [...(byRelationship.get(c.relationshipId) ?? []), c.stance]);
    const offending = (await evidenceRelationships()).filter(({ rel }) => {
      const stances = byRelationship.get(rel.properties.id as string) ?? [];
      return stances.length > 0 && stances.every((s) => s === 'alleged') && !['alleged', 'disputed'].includes(rel.properties.status as string);
    });
    expect(offending.map(({ rel }) => `${String(rel.properties.id)}: ${String(rel.properties.status)}`)).toEqual([]);
  });

  it('sets no since/until on the edges of the undated report', async () => {
    const records = await query(
      `MATCH (c:Claim)-[:CITES]->(:Source {id: $source})
       MATCH ()-[r]->() WHERE r.id = c.relationshipId AND (r.since IS NOT NULL OR r.until IS NOT NULL)
       RETURN DISTINCT r.id AS id`,
      { source: FOUNDING_REPORT_SOURCE_ID },
    );
    expect(records.map((r) => r.get('id'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// schema
// ---------------------------------------------------------------------------------------------

describe('schema: constraints and indexes', () => {
  it('has the node uniqueness constraints and one relationship id constraint per vocabulary type', async () => {
    const records = await query(
      'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN name, type, entityType, labelsOrTypes, properties',
    );
    const constraints = records.map((r) => ({
      type: r.get('type') as string,
      entityType: r.get('entityType') as string,
      labelsOrTypes: r.get('labelsOrTypes') as string[],
      properties: r.get('properties') as string[],
    }));
    for (const label of [ACTOR_LABEL, SOURCE_LABEL, CLAIM_LABEL]) {
      expect(constraints, `unique ${label}.id`).toContainEqual({
        type: 'UNIQUENESS',
        entityType: 'NODE',
        labelsOrTypes: [label],
        properties: ['id'],
      });
    }
    const relationshipTypes = constraints
      .filter((c) => c.type === 'RELATIONSHIP_UNIQUENESS' && c.properties.length === 1 && c.properties[0] === 'id')
      .flatMap((c) => c.labelsOrTypes);
    expect([...relationshipTypes].sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
  });

  it('has actor_search, source_search and the claim index ONLINE, with a case- and diacritic-folding analyzer', async () => {
    const records = await query(
      'SHOW INDEXES YIELD name, type, state, entityType, labelsOrTypes, properties, options RETURN *',
    );
    const byName = new Map(records.map((r) => [r.get('name') as string, r]));
    const notOnline = records.filter((r) => r.get('state') !== 'ONLINE').map((r) => r.get('name'));
    expect(notOnline).toEqual([]);

    const actorSearch = byName.get('actor_search');
    expect(actorSearch?.get('type')).toBe('FULLTEXT');
    expect(actorSearch?.get('labelsOrTypes')).toEqual([ACTOR_LABEL]);
    expect(actorSearch?.get('properties')).toEqual(['name', 'aliases', 'description']);
    expect(actorSearch?.get('options').indexConfig['fulltext.analyzer']).toBe('standard-folding');

    const sourceSearch = byName.get('source_search');
    expect(sourceSearch?.get('type')).toBe('FULLTEXT');
    expect(sourceSearch?.get('labelsOrTypes')).toEqual([SOURCE_LABEL]);
    expect(sourceSearch?.get('properties')).toEqual(['title', 'publisher']);

    const claimIndex = byName.get('claim_relationship_id');
    expect(claimIndex?.get('labelsOrTypes')).toEqual([CLAIM_LABEL]);
    expect(claimIndex?.get('properties')).toEqual(['relationshipId']);
  });

  it('finds actors by an alias inside the aliases list, ignoring case and diacritics', async () => {
    const search = async (text: string) =>
      (await query("CALL db.index.fulltext.queryNodes('actor_search', $text) YIELD node RETURN node.id AS id", { text })).map(
        (r) => r.get('id') as string,
      );
    expect(await search('tzahal')).toContain('idf'); // only in aliases
    expect(await search('MICRÖSOFT')).toContain('microsoft'); // case and diacritics folded
    expect(await search('zzyzxnotaname')).toEqual([]);
  });

  it('re-applies the schema without error or change', async () => {
    const count = async () =>
      (await query('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c'))[0]?.get('c').length +
      ':' +
      (await query('SHOW INDEXES YIELD name RETURN collect(name) AS c'))[0]?.get('c').length;
    const before = await count();
    await applySchema(driver, { database });
    expect(await count()).toBe(before);
  });
});
