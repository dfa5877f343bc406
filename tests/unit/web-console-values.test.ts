import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, rowsToCsv } from '../../web/src/console/csv.js';
import { actorIds, explorerUrl } from '../../web/src/console/explorer-link.js';
import { formatEstimate, operatorDetails, operatorName, planTotals } from '../../web/src/console/plan.js';
import { errorRange, offsetOf } from '../../web/src/console/positions.js';
import { loadHistory, pushHistory, stepHistory } from '../../web/src/console/query-history.js';
import { nonZeroCounters, summaryText } from '../../web/src/console/summary.js';
import type { ConsoleResult, PlanNode, Value } from '../../web/src/console/types.js';
import { copyText, csvCellText, nodeCaption, tagged, valueText } from '../../web/src/console/values.js';
import { decodeViewState } from '../../web/src/graph/view-state.js';

const microsoft = { '@node': { id: '4:x:1', labels: ['Actor', 'Company'], properties: { id: 'microsoft', name: 'Microsoft' } } };
const unit = { '@node': { id: '4:x:2', labels: ['Actor', 'MilitaryUnit'], properties: { id: 'unit-8200', name: 'Unit 8200' } } };
const rel = { '@relationship': { id: '5:x:9', type: 'PROVIDES_SERVICES_TO', start: '4:x:1', end: '4:x:2', properties: { status: 'ended' } } };

describe('console value rendering', () => {
  it('recognises nodes, relationships and paths and reads them in one line', () => {
    expect(tagged(microsoft)?.tag).toBe('node');
    expect(tagged(rel)?.tag).toBe('relationship');
    expect(valueText(microsoft)).toBe('(:Company Microsoft)');
    expect(valueText(rel)).toBe('[:PROVIDES_SERVICES_TO]');
    const path = { '@path': { nodes: [microsoft['@node'], unit['@node']], relationships: [rel['@relationship']] } };
    expect(valueText(path)).toBe('(Microsoft)-[:PROVIDES_SERVICES_TO]-(Unit 8200)');
    // A map that merely has a key called @node next to others is a plain map.
    expect(tagged({ '@node': microsoft['@node'], other: 1 } as Value)).toBeNull();
    expect(valueText([1, 'a', null])).toBe('[1,"a",null]');
    expect(valueText(null)).toBe('null');
  });

  it('captions a node by name, title, quote, id, in that order, shortened', () => {
    expect(nodeCaption({ id: 'e1', labels: ['Source'], properties: { title: 'A report' } })).toBe('A report');
    expect(nodeCaption({ id: 'e1', labels: ['Claim'], properties: { quote: 'x'.repeat(100) } }, 20)).toBe(`${'x'.repeat(19)}…`);
    expect(nodeCaption({ id: 'e1', labels: ['X'], properties: {} })).toBe('e1');
  });

  it('copies strings raw and everything else as indented JSON', () => {
    expect(copyText('Unit 8200')).toBe('Unit 8200');
    expect(copyText(3)).toBe('3');
    expect(copyText(null)).toBe('null');
    expect(JSON.parse(copyText(microsoft))).toEqual(microsoft);
  });
});

describe('console CSV', () => {
  it('JSON-encodes nested values, leaves null empty and quotes what needs quoting', () => {
    const csv = rowsToCsv(['a', 'n', 'list', 'text'], [{ a: microsoft, n: null, list: [1, 2], text: 'say "hi", then\nleave' }]);
    const [header, row] = parse(csv) as string[][];
    expect(header).toEqual(['a', 'n', 'list', 'text']);
    expect(JSON.parse(row?.[0] ?? '')).toEqual(microsoft);
    expect(row?.slice(1)).toEqual(['', '[1,2]', 'say "hi", then\nleave']);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvCellText(undefined)).toBe('');
  });

  it('neutralises spreadsheet formulas but not negative numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('+1e3')).toBe('+1e3');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('round-trips any strings through a real CSV parser', () => {
    const safe = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (cells) => {
        const rows = cells.map(([x, y]) => ({ x: x as string, y: y as string }));
        const parsed = parse(rowsToCsv(['x', 'y'], rows), { relax_column_count: false }) as string[][];
        expect(parsed.slice(1)).toEqual(rows.map((r) => [r.x, r.y]));
      }),
    );
  });
});

describe('console history', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it('keeps newest first, moves a repeated query to the front, caps the length, ignores blanks', () => {
    let list = pushHistory([], { query: 'A', at });
    list = pushHistory(list, { query: 'B', at });
    list = pushHistory(list, { query: 'A', at });
    expect(list.map((e) => e.query)).toEqual(['A', 'B']);
    expect(pushHistory(list, { query: '   ', at })).toEqual(list);
    let long: ReturnType<typeof pushHistory> = [];
    for (let i = 0; i < 130; i++) long = pushHistory(long, { query: `Q${i}`, at });
    expect(long).toHaveLength(100);
    expect(long[0]?.query).toBe('Q129');
  });

  it('steps through entries with sticky ends (-1 is the draft)', () => {
    expect(stepHistory(-1, 'older', 3)).toBe(0);
    expect(stepHistory(2, 'older', 3)).toBe(2);
    expect(stepHistory(0, 'newer', 3)).toBe(-1);
    expect(stepHistory(-1, 'newer', 3)).toBe(-1);
  });

  it('loads tolerantly: malformed storage gives an empty or filtered history', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(loadHistory(store(null))).toEqual([]);
    expect(loadHistory(store('{not json'))).toEqual([]);
    expect(loadHistory(store('{"a":1}'))).toEqual([]);
    expect(loadHistory(store(JSON.stringify([{ query: 'Q', at }, { query: 5 }, null])))).toEqual([{ query: 'Q', at }]);
  });
});

describe('console plan, summary, positions and explorer link', () => {
  const plan: PlanNode = {
    operator: 'ProduceResults@neo4j',
    identifiers: ['a'],
    arguments: { Details: 'a', planner: 'COST' },
    rows: 3,
    dbHits: 0,
    estimatedRows: 2.7,
    children: [{ operator: 'NodeByLabelScan@neo4j', identifiers: ['a'], arguments: { Details: 'a:Actor' }, rows: 3, dbHits: 4, estimatedRows: 17, children: [] }],
  };

  it('totals operators and db hits; EXPLAIN plans have none', () => {
    expect(planTotals(plan)).toEqual({ operators: 2, dbHits: 4, rows: 3, estimatedRows: 2.7 });
    const explain: PlanNode = { operator: 'X', identifiers: [], arguments: {}, estimatedRows: 1, children: [] };
    expect(planTotals(explain)).toMatchObject({ dbHits: null, rows: null });
    expect(operatorName(plan)).toBe('ProduceResults');
    expect(operatorDetails(plan.children[0] as PlanNode)).toBe('a:Actor');
    expect(formatEstimate(2.74)).toBe('2.7');
    expect(formatEstimate(1234.4)).toBe('1,234');
    expect(formatEstimate(undefined)).toBe('–');
  });

  it('summarises rows, timings and non-zero counters', () => {
    const result: ConsoleResult = {
      columns: ['a'],
      rows: [{ a: 1 }],
      elements: { nodes: [], edges: [] },
      truncated: false,
      rowCount: 1,
      summary: { queryType: 'r', counters: { nodesCreated: 0, systemUpdates: 2 }, resultAvailableAfterMs: 3, resultConsumedAfterMs: 1, totalMs: 6, notifications: [] },
    };
    expect(summaryText(result)).toBe('1 row · available after 3 ms, consumed after 1 ms, 6 ms in total · read query · systemUpdates 2');
    const graph = { ...result, rowCount: 2, elements: { nodes: [{ data: {} as never }], edges: [{ data: {} as never }] }, summary: { ...result.summary, totalMs: 4581.36, resultAvailableAfterMs: 0.25 } };
    expect(summaryText(graph)).toMatch(/^2 rows, 1 node and 1 relationship in the graph · available after 0.3 ms, consumed after 1 ms, 4,581 ms in total/);
    expect(nonZeroCounters({ a: 0, b: 1, containsUpdates: true as unknown as number })).toEqual([['b', 1]]);
  });

  it('maps Neo4j positions to offsets and underlines a word', () => {
    const text = 'MATCH (a)\nRETRUN a';
    expect(offsetOf(text, { line: 2, column: 1 })).toBe(10);
    expect(offsetOf(text, { line: 9, column: 99 })).toBe(text.length);
    expect(errorRange(text, { line: 2, column: 1, offset: 10 })).toEqual({ from: 10, to: 16 });
    expect(errorRange(text, { line: 2, column: 1, offset: -1 })).toEqual({ from: 10, to: 16 });
    expect(errorRange('', { line: 1, column: 1, offset: 0 })).toEqual({ from: 0, to: 0 });
  });

  it('sends only actors to the explorer, in the URL format the explorer decodes', () => {
    const node = (id: string, kind: string) => ({ data: { id, kind, label: id } as never });
    const elements = { nodes: [node('microsoft', 'Company'), node('claim-1', 'Claim'), node('unit-8200', 'MilitaryUnit')], edges: [] };
    expect(actorIds(elements)).toEqual(['microsoft', 'unit-8200']);
    const url = explorerUrl(elements, 200) as string;
    expect(url.startsWith('/?')).toBe(true);
    expect(decodeViewState(url.slice(1)).actors).toEqual(['microsoft', 'unit-8200']);
    expect(explorerUrl({ nodes: [node('claim-1', 'Claim')], edges: [] }, 200)).toBeNull();
  });
});
