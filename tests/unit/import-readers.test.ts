import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../server/src/contracts/vocabulary.js';
import { footnotes, plainText } from '../../server/src/import/csv/boycott.js';
import { csvRecords } from '../../server/src/import/csv/records.js';
import { detectFormat } from '../../server/src/import/formats.js';
import { FtmReader } from '../../server/src/import/ftm/reader.js';
import { FtmModel } from '../../server/src/import/ftm/schema.js';
import { namespacedId } from '../../server/src/import/ids.js';
import type { ImportItem } from '../../server/src/import/model.js';
import { REPO_ROOT } from '../../server/src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'sightline-import-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('namespacedId', () => {
  it('gives slugs, stable, and tells apart ids that differ only by case', () => {
    const a = namespacedId('ftm', 'NK-2Tbri3s6GgNtAwsSXh4qpL');
    const b = namespacedId('ftm', 'NK-2tbri3s6ggntawssxh4qpl');
    expect(a).toMatch(SLUG_PATTERN);
    expect(b).toMatch(SLUG_PATTERN);
    expect(a).not.toBe(b);
    expect(namespacedId('ftm', 'NK-2Tbri3s6GgNtAwsSXh4qpL')).toBe(a);
    expect(namespacedId('ftm', 'ofac-123')).toBe('ftm-ofac-123');
    expect(namespacedId('', 'microsoft')).toBe('microsoft');
    expect(namespacedId('', 'x'.repeat(300)).length).toBeLessThanOrEqual(120);
  });
});

describe('boycott list footnotes', () => {
  it('pairs each footnote URL with the paragraph that cites it, markdown removed', () => {
    const text = '**A** did x.[^1]\n\nB did y.[^2]\n\n[^1]: https://a.example.com/x\n[^2]: https://b.example.com/y';
    expect(footnotes(text)).toEqual([
      { label: '1', url: 'https://a.example.com/x', passage: 'A did x.' },
      { label: '2', url: 'https://b.example.com/y', passage: 'B did y.' },
    ]);
    expect(plainText('**Bold** text[^1] here')).toBe('Bold text here');
  });
});

describe('csvRecords', () => {
  it('numbers records by the line they start on, across quoted line breaks', async () => {
    const file = join(dir, 'lines.csv');
    writeFileSync(file, 'a,b\n1,"two\nlines"\n3,4\n\n5,6\n');
    const rows: Array<{ line: number }> = [];
    for await (const r of csvRecords(file)) rows.push(r);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });
});

describe('FtmReader (schema from the FtM YAMLs)', () => {
  it('maps things to actors, intervals to relationships, and skips what has no place, with reasons', async () => {
    const file = join(dir, 'mini.ftm.json');
    const lines = [
      { id: 'P1', schema: 'Person', caption: 'Ann', properties: { name: ['Ann', 'Anna'], nationality: ['fr'] }, datasets: ['d1'] },
      { id: 'C1', schema: 'PublicBody', caption: 'Ministry', properties: { name: ['Ministry'] }, datasets: ['d1'] },
      { id: 'E1', schema: 'Employment', properties: { employee: ['P1'], employer: ['C1'], startDate: ['2020-01-02'], endDate: ['2021'] }, datasets: ['d1'] },
      { id: 'V1', schema: 'Vessel', caption: 'Boat', properties: { name: ['Boat'] } },
      { id: 'X', schema: 'NoSuchSchema', properties: {} },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const reader = new FtmReader(file, await FtmModel.load(join(REPO_ROOT, '..', 'shared', 'datasets', 'followthemoney', 'schema')), { namespace: 'ftm' });
    const items: ImportItem[] = [];
    for await (const item of reader.read()) items.push(item);
    expect(items.map((i) => `${i.origin.line}:${i.kind}`)).toEqual(['1:actor', '2:actor', '3:relationship', '4:skipped', '5:error', '6:error']);
    const [person, body, employment] = items;
    expect(person?.kind === 'actor' && person.actor).toMatchObject({ kind: 'Person', name: 'Ann', aliases: ['Anna'], country: 'FR' });
    expect(body?.kind === 'actor' && body.actor.kind).toBe('GovernmentBody');
    // FtM: employee works for employer; Sightline: employer EMPLOYS employee
    expect(employment?.kind === 'relationship' && employment.relationship).toMatchObject({
      type: 'EMPLOYS',
      source: namespacedId('ftm', 'C1'),
      target: namespacedId('ftm', 'P1'),
      since: '2020-01-02',
      until: '2021',
      status: 'ended',
    });
    expect(employment?.kind === 'relationship' && employment.relationship.claims[0]).toMatchObject({ stance: 'reported', attributedTo: 'FtM dataset d1' });
    expect(items[3]?.kind === 'skipped' && items[3].reason).toBe('FtM schema Vessel has no Sightline actor kind');
  });

  it('splits FtM lines into the two sides the pipeline reads, each item in exactly one, with the bytes read', async () => {
    const file = join(dir, 'sides.ftm.json');
    const lines = [
      { id: 'P1', schema: 'Person', caption: 'Ann', properties: { name: ['Ann'] }, datasets: ['d1'] },
      { id: 'S1', schema: 'Sanction', properties: { entity: ['P1'], authority: ['Some Office'] }, datasets: ['d1'] },
      { id: 'E1', schema: 'Employment', properties: { employee: ['P1'] }, datasets: ['d1'] },
      { id: 'V1', schema: 'Vessel', caption: 'Boat', properties: { name: ['Boat'] } },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const reader = new FtmReader(file, await FtmModel.load(join(REPO_ROOT, '..', 'shared', 'datasets', 'followthemoney', 'schema')), { namespace: 'ftm' });
    const read = async (only?: 'actors' | 'relationships') => {
      const out: string[] = [];
      for await (const i of reader.read(only ? { only } : {})) out.push(`${i.origin.line}:${i.kind}${(i.kind === 'actor' || i.kind === 'relationship') && i.derived ? ' (derived)' : ''}`);
      return out;
    };
    const all = await read();
    const actors = await read('actors');
    expect(reader.bytesRead).toBe(await reader.inputBytes());
    const relationships = await read('relationships');
    // the Sanction's authority (derived) comes with the actors, its relationship and the Employment's error with the relationships
    expect(actors).toEqual(['1:actor', '2:actor (derived)', '4:skipped', '5:error']);
    expect(relationships).toEqual(['2:relationship', '3:error']);
    expect([...actors, ...relationships].sort()).toEqual([...all].sort());
  });

  it('detects formats from the files', async () => {
    expect(await detectFormat([join(REPO_ROOT, '..', 'shared', 'datasets', 'opensanctions', 'zala.ftm.json')])).toBe('ftm');
    expect(await detectFormat([join(REPO_ROOT, '..', 'shared', 'datasets', 'boycott-companies', 'companies.csv')])).toBe('boycott-csv');
    const cyjs = join(dir, 'g.cyjs');
    writeFileSync(cyjs, '{\n  "format_version": "1.0",\n  "elements": {"nodes": [], "edges": []}\n}');
    expect(await detectFormat([cyjs])).toBe('cyjs');
  });
});
