/**
 * @neo4j-cypher/codemirror ships its typings at src/codemirror.d.ts but its package.json
 * "exports" do not point TypeScript there (NodeNext resolution); this re-exports them.
 */
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
