import { describe, expect, it } from 'vitest';
import { applyCommands, formatParams, parseLiteral, parseParamsText, splitCommands } from '../../web/src/console/param-commands.js';
import { defaultText, inputSpec, readParam, readParams } from '../../web/src/console/param-form.js';

describe('console :param lines', () => {
  it('takes :param lines out of the query, blanking them so positions stay the same', () => {
    const text = ":param actor => 'microsoft'\nMATCH (a:Actor {id: $actor})\nRETURN a";
    const split = splitCommands(text);
    expect(split.errors).toEqual([]);
    expect(split.commands).toEqual([{ kind: 'set', line: 1, name: 'actor', value: 'microsoft' }]);
    expect(split.query).toHaveLength(text.length);
    expect(split.query.split('\n')).toEqual([' '.repeat(27), 'MATCH (a:Actor {id: $actor})', 'RETURN a']);
    expect(split.query.indexOf('RETURN')).toBe(text.indexOf('RETURN'));
  });

  it('reads literal values: strings in either quotes, numbers, booleans, null, lists and maps', () => {
    const split = splitCommands([':param a => "x"', ':param b => 42', ':param c => -1.5', ':param d => true', ':param e => null', ":param f => ['p', 'q']", ":param g => {k: 'v', n: [1, 2]}", ':param `odd name` => 1', ':param h: 7;'].join('\n'));
    expect(split.errors).toEqual([]);
    expect(applyCommands({}, split.commands)).toEqual({ a: 'x', b: 42, c: -1.5, d: true, e: null, f: ['p', 'q'], g: { k: 'v', n: [1, 2] }, 'odd name': 1, h: 7 });
    expect(split.query).toBe('');
  });

  it('merges a map with :param, replaces with :params, clears with :params clear, lists with :params', () => {
    const start = { keep: 1, over: 'old' };
    expect(applyCommands(start, splitCommands(":param {over: 'new', add: 2}").commands)).toEqual({ keep: 1, over: 'new', add: 2 });
    expect(applyCommands(start, splitCommands(':params {only: 3}').commands)).toEqual({ only: 3 });
    expect(applyCommands(start, splitCommands(':params clear').commands)).toEqual({});
    expect(splitCommands(':params').commands).toEqual([{ kind: 'list', line: 1 }]);
    expect(applyCommands(start, splitCommands(':params').commands)).toEqual(start);
    expect(start).toEqual({ keep: 1, over: 'old' });
  });

  it('reports malformed lines with their line number and leaves other text alone', () => {
    const split = splitCommands('MATCH (n) RETURN n\n:param x => date(\n:param\n:params [1]');
    expect(split.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(split.errors[0]?.message).toMatch(/^line 2: .*not a literal value/);
    expect(split.query.startsWith('MATCH (n) RETURN n')).toBe(true);
    // A colon that is not a command (a label in the query) is untouched.
    expect(splitCommands('MATCH (a:Actor)').query).toBe('MATCH (a:Actor)');
  });

  it('parses the params panel as a JSON object (JSON5 tolerated) and refuses anything else', () => {
    expect(parseParamsText('')).toEqual({ params: {} });
    expect(parseParamsText('{"actor": "microsoft", "limit": 5}')).toEqual({ params: { actor: 'microsoft', limit: 5 } });
    expect(parseParamsText("{actor: 'x',}")).toEqual({ params: { actor: 'x' } });
    expect(parseParamsText('[1, 2]')).toEqual({ error: expect.stringContaining('must be a JSON object') });
    expect(parseParamsText('{"a": ')).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(formatParams({})).toBe('{}');
    expect(JSON.parse(formatParams({ a: [1] }))).toEqual({ a: [1] });
    expect(() => parseLiteral('  ')).toThrow(/missing/);
  });
});

describe('saved query parameter forms', () => {
  const p = (type: Parameters<typeof inputSpec>[0], extra: object = {}) => ({ name: 'x', type, ...extra });

  it('gives each declared type a fitting input and shows defaults', () => {
    expect(inputSpec('integer')).toEqual({ type: 'number', step: '1' });
    expect(inputSpec('float').step).toBe('any');
    expect(inputSpec('boolean').type).toBe('checkbox');
    expect(inputSpec('date').type).toBe('date');
    expect(inputSpec('list<string>')).toMatchObject({ type: 'text', hint: 'comma-separated' });
    expect(defaultText(p('list<string>', { default: ['a', 'b'] }))).toBe('a, b');
    expect(defaultText(p('integer', { default: 50 }))).toBe('50');
    expect(defaultText(p('boolean'))).toBe('false');
  });

  it('reads typed values back, omits empty fields and names the invalid one', () => {
    expect(readParam(p('integer'), ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readParam(p('integer'), '1.5')).toEqual({ ok: false, message: 'x must be a whole number' });
    expect(readParam(p('float'), '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(readParam(p('boolean'), 'true')).toEqual({ ok: true, value: true });
    expect(readParam(p('date'), '2025-04-10')).toEqual({ ok: true, value: '2025-04-10' });
    expect(readParam(p('date'), 'April')).toMatchObject({ ok: false });
    expect(readParam(p('list<string>'), 'a, b,,c ')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(readParam(p('string'), '')).toEqual({ ok: true, omit: true });
    expect(readParam(p('string'), ' keep spaces ')).toEqual({ ok: true, value: ' keep spaces ' });
    const declared = [
      { name: 'actor', type: 'string' as const },
      { name: 'limit', type: 'integer' as const },
    ];
    expect(readParams(declared, new Map([['actor', 'microsoft'], ['limit', '']]))).toEqual({ params: { actor: 'microsoft' } });
    expect(readParams(declared, new Map([['limit', 'ten']]))).toEqual({ error: 'limit must be a whole number' });
  });
});

describe('the editor schema for autocompletion', () => {
  it('gives labels and relationship types their colon (editor-support replaces the whole `:Label` token) and lists parameters', async () => {
    const { editorSchema } = await import('../../web/src/console/editor-schema.js');
    const schema = editorSchema(
      {
        labels: ['Actor', 'Military Unit'],
        relationshipTypes: ['PART_OF'],
        propertyKeys: ['id'],
        functions: [{ name: 'toLower', signature: 'toLower(input :: STRING) :: STRING', description: 'lower case' }],
        procedures: [{ name: 'db.labels', signature: 'db.labels() :: (label :: STRING)', description: 'labels' }],
      },
      ['actor'],
    );
    expect(schema.labels).toEqual([':Actor', ':Military Unit']);
    expect(schema.relationshipTypes).toEqual([':PART_OF']);
    expect(schema.propertyKeys).toEqual(['id']);
    expect(schema.functions).toEqual([{ name: 'toLower', signature: 'toLower(input :: STRING) :: STRING' }]);
    expect(schema.procedures).toEqual([{ name: 'db.labels', signature: 'db.labels() :: (label :: STRING)', returnItems: [] }]);
    expect(schema.parameters).toEqual(['actor']);
    expect(schema.consoleCommands?.map((c) => c.name)).toEqual([':param', ':params']);
    expect(editorSchema(null, []).labels).toEqual([]);
  });
});
