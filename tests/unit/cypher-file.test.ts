import { describe, expect, it } from 'vitest';
import { splitCypherStatements } from '../../server/src/db/cypher-file.js';

describe('splitCypherStatements', () => {
  it('splits at semicolons and drops empty and comment-only statements', () => {
    const text = `// header comment\nCREATE (a);\n\n  MATCH (n) RETURN n ;\n// trailing comment\n;`;
    expect(splitCypherStatements(text)).toEqual(['// header comment\nCREATE (a)', 'MATCH (n) RETURN n']);
  });

  it('keeps semicolons inside single, double and backtick quotes', () => {
    const text = `RETURN 'a;b' AS x; RETURN "c;d" AS y; MATCH (\`we;ird\`) RETURN 1`;
    expect(splitCypherStatements(text)).toEqual([`RETURN 'a;b' AS x`, `RETURN "c;d" AS y`, 'MATCH (`we;ird`) RETURN 1']);
  });

  it('understands escaped quotes inside strings', () => {
    const text = `RETURN 'it\\'s; fine' AS x; RETURN 2`;
    expect(splitCypherStatements(text)).toEqual([`RETURN 'it\\'s; fine' AS x`, 'RETURN 2']);
  });

  it('ignores semicolons in line and block comments', () => {
    const text = `RETURN 1 // a; b\n; /* c; d */ RETURN 2`;
    expect(splitCypherStatements(text)).toEqual(['RETURN 1 // a; b', '/* c; d */ RETURN 2']);
  });

  it('keeps a final statement without a semicolon and curly punctuation intact', () => {
    expect(splitCypherStatements(`RETURN '“Microsoft’s”'`)).toEqual([`RETURN '“Microsoft’s”'`]);
  });
});
