import { describe, expect, it } from 'vitest';
import { decodeUnicodeEscapes, tokenize } from '../../server/src/console/lexer.js';
import { lexicalCheck } from '../../server/src/console/lexical-check.js';
import { AppError } from '../../server/src/errors.js';

const refusal = (query: string): string | undefined => {
  try {
    lexicalCheck(query);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('QUERY_NOT_ALLOWED');
    expect((error as AppError).status).toBe(403);
    return (error as AppError).message;
  }
};

describe('tokenize', () => {
  it('drops comments and keeps strings, backticked names and parameters whole', () => {
    const tokens = tokenize("MATCH (n) // CREATE\n/* DELETE */ WHERE n.name = 'CREATE' AND `SET` = $`DROP` RETURN n");
    expect(tokens.filter((t) => t.kind === 'name').map((t) => t.value)).toEqual(['MATCH', 'N', 'WHERE', 'N', 'NAME', 'AND', 'RETURN', 'N']);
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe("'CREATE'");
    expect(tokens.find((t) => t.kind === 'quoted')?.value).toBe('SET');
    expect(tokens.find((t) => t.kind === 'param')?.text).toBe('$`DROP`');
  });

  it('treats a backslash-escaped quote as part of the string', () => {
    expect(tokenize("RETURN 'it\\'s' AS x").map((t) => t.kind)).toEqual(['name', 'string', 'name', 'name']);
  });

  it('ends a line comment at any line terminator', () => {
    expect(tokenize('RETURN 1 // x\u2028CREATE').at(-1)?.value).toBe('CREATE');
  });

  it('decodes \\u escapes wherever they are', () => {
    expect(decodeUnicodeEscapes('\\u0043REATE')).toBe('CREATE');
    expect(decodeUnicodeEscapes("'a\\u0027")).toBe("'a'");
  });
});

describe('lexicalCheck', () => {
  it.each([
    ['CREATE (n)', /CREATE/],
    ['match (n) detach delete n', /DETACH/],
    ['MATCH (n) SET n.x = 1', /SET/],
    ['USE system MATCH (n) RETURN n', /USE/],
    ['SHOW USERS', /SHOW USERS/],
    ['SHOW USER PRIVILEGES', /SHOW USER PRIVILEGES/],
    ['SHOW ALL ROLES', /SHOW ALL ROLES/],
    ['SHOW TRANSACTIONS', /TRANSACTIONS/],
    ["LOAD CSV FROM 'file:///x' AS l RETURN l", /LOAD CSV/],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n', /TRANSACTIONS/],
    ['CALL dbms.components()', /dbms\.components/],
    ['CALL db.createLabel("x")', /db\.createLabel/],
    ["RETURN apoc.cypher.runFirstColumnSingle('x', {})", /apoc\.cypher\.runFirstColumnSingle/],
    ['RETURN 1; RETURN 2', /More than one statement/],
    [':param x => 1', /client command/],
    ['START DATABASE neo4j', /START DATABASE/],
    ['GRANT ROLE admin TO x', /GRANT/],
    ['\\u0043REATE (n)', /decoding/],
    ['CALL \\u0064bms.components()', /dbms\.components/],
  ])('refuses %s', (query, message) => {
    expect(refusal(query)).toMatch(message);
  });

  it.each([
    "MATCH (n:Actor) WHERE n.name CONTAINS 'CREATE' RETURN n // DELETE",
    'MATCH (start:Actor)-[r]->(end:Actor) RETURN start, r, end',
    'MATCH (n) RETURN n.set, n.create, {delete: 1, use: 2} AS m',
    'MATCH (`create`) RETURN `create`',
    'WITH 1 AS use RETURN 1',
    'MATCH (n:Set|Remove) RETURN n',
    'CALL db.labels() YIELD label RETURN label',
    "CALL apoc.path.subgraphAll('microsoft', {maxLevel: 2})",
    'RETURN apoc.coll.sum([1, 2]), apoc.text.join(["a"], ","), date.truncate("month", date()), point.distance(point({x: 1, y: 1}), point({x: 2, y: 2}))',
    'SHOW INDEXES',
    'SHOW FULLTEXT INDEXES YIELD name RETURN name',
    'SHOW BUILT IN FUNCTIONS',
    'SHOW CONSTRAINTS',
    'RETURN 1;',
    'MATCH p = shortestPath((a:Actor {id: $from})-[*..6]-(b:Actor {id: $to})) RETURN p',
    'RETURN "\\u0043REATE" AS harmless',
  ])('allows %s', (query) => {
    expect(refusal(query)).toBeUndefined();
  });

  it('gives the position of the refused word', () => {
    try {
      lexicalCheck('MATCH (n)\nWITH n\n  DETACH DELETE n');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details?.position).toEqual({ line: 3, column: 3, offset: 19 });
    }
  });

  it('splits off a leading EXPLAIN/PROFILE and a trailing semicolon', () => {
    expect(lexicalCheck('PROFILE MATCH (n) RETURN n ;  // done')).toEqual({ body: 'MATCH (n) RETURN n ', bodyOffset: 8, prefixMode: 'profile' });
    expect(lexicalCheck('explain RETURN 1').prefixMode).toBe('explain');
    expect(lexicalCheck('RETURN 1').prefixMode).toBeUndefined();
  });
});
