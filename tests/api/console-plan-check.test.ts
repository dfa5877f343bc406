/**
 * The EXPLAIN layers of the console's safety gate on their own, against real EXPLAIN summaries from
 * Neo4j (no lexical check in front): whatever the lexical layer might miss, Neo4j's own reading of
 * the query must still be refused.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { checkExplain, type DriverPlan } from '../../server/src/console/plan-check.js';
import { AppError } from '../../server/src/errors.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();

async function explain(query: string) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const tx = await session.beginTransaction({ timeout: 10_000 });
  try {
    const summary = await tx.run(`EXPLAIN ${query}`).summary();
    return { queryType: summary.queryType, database: summary.database.name ?? undefined, plan: summary.plan as unknown as DriverPlan };
  } finally {
    await tx.rollback().catch(() => undefined);
    await session.close();
  }
}

function verdict(summary: Parameters<typeof checkExplain>[0]): string {
  try {
    checkExplain(summary, database);
    return 'allowed';
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('QUERY_NOT_ALLOWED');
    return (error as AppError).message;
  }
}

describe('checkExplain on real EXPLAIN summaries', () => {
  it.each([
    ['CREATE (n:Evil)', /writes/],
    ['MATCH (n:Actor) SET n.x = 1', /writes/],
    ['MATCH (n) FOREACH (x IN [1] | SET n.y = 1)', /writes/],
    ["CALL db.createLabel('Evil')", /writes/],
    ['CREATE INDEX evil FOR (n:Actor) ON (n.x)', /schema|administers/],
    ['SHOW USERS', /schema|administers/],
    ["CREATE USER evil SET PASSWORD 'abcdefgh'", /schema|administers/],
    ['CALL dbms.listConfig()', /schema|administers/],
    // Neo4j classifies these as read-only ("r"); only the operator walk stops them.
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LoadCSV/],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n', /TransactionApply/],
    ['SHOW TRANSACTIONS', /ShowTransactions/],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TerminateTransactions/],
    ["CALL apoc.export.json.all('x.json', {})", /apoc\.export\.json\.all/],
    ["CALL `apoc`.`load`.json('file:///etc/passwd') YIELD value RETURN value", /apoc\.load\.json/],
    ["RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN n', {}) AS x", /apoc\.cypher\.runFirstColumnSingle/],
    ["MATCH (a:Actor) WHERE apoc.cypher.runFirstColumnSingle('RETURN true', {}) RETURN a", /apoc\.cypher\.runFirstColumnSingle/],
    ['CALL apoc.util.sleep(10)', /apoc\.util\.sleep/],
  ])('refuses %s', async (query, why) => {
    expect(verdict(await explain(query))).toMatch(why);
  });

  it.each([
    "MATCH p = (a:Actor {id: 'microsoft'})-[*1..2]-(b) RETURN p LIMIT 5",
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.schema.visualization()',
    "CALL db.index.fulltext.queryNodes('actor_search', 'microsoft') YIELD node RETURN node.name",
    "CALL apoc.path.expand('microsoft', '', null, 1, 2)",
    'RETURN apoc.coll.sum([1, 2]) AS s, apoc.text.clean(\'A b\') AS t, date.truncate(\'month\', date()) AS d',
    'SHOW INDEXES',
    'SHOW FUNCTIONS',
  ])('allows %s', async (query) => {
    expect(verdict(await explain(query))).toBe('allowed');
  });

  it('refuses a summary on another database', () => {
    expect(verdict({ queryType: 'r', database: 'system', plan: { operatorType: 'ProduceResults@system', identifiers: [], arguments: {}, children: [] } })).toMatch(
      /database system/,
    );
  });
});
