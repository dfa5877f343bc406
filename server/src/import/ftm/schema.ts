import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../paths.js';

/** Where the FollowTheMoney schema YAMLs are read from (SIGHTLINE_FTM_SCHEMA_DIR overrides). */
export const DEFAULT_FTM_SCHEMA_DIR = resolve(REPO_ROOT, '..', 'shared', 'datasets', 'followthemoney', 'schema');

interface RawSchema {
  extends?: string[];
  abstract?: boolean;
  label?: string;
  properties?: Record<string, { type?: string; range?: string } | null>;
  edge?: { source: string; target: string; label?: string; directed?: boolean };
}

export interface FtmEdge {
  source: string;
  target: string;
  label: string;
  directed: boolean;
}

/**
 * The FollowTheMoney schema model, read from its YAML files: inheritance (`extends`), property
 * names (own and inherited), which properties hold entity references, and the `edge` definitions.
 */
export class FtmModel {
  private constructor(private readonly schemata: ReadonlyMap<string, RawSchema>) {}

  static async load(dir = process.env.SIGHTLINE_FTM_SCHEMA_DIR ?? DEFAULT_FTM_SCHEMA_DIR): Promise<FtmModel> {
    let files: string[];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
    } catch (error) {
      throw new Error(`sightline/import/ftm: cannot read the FtM schema folder ${dir}: ${(error as Error).message}`);
    }
    const schemata = new Map<string, RawSchema>();
    for (const file of files) {
      const doc = parseYaml(await readFile(join(dir, file), 'utf8')) as Record<string, RawSchema> | null;
      for (const [name, def] of Object.entries(doc ?? {})) {
        if (def && typeof def === 'object' && (def.properties !== undefined || def.extends !== undefined || def.label !== undefined)) schemata.set(name, def);
      }
    }
    if (!schemata.has('Thing') || !schemata.has('Interval')) throw new Error(`sightline/import/ftm: ${dir} holds no FtM schema (Thing and Interval missing)`);
    return new FtmModel(schemata);
  }

  has(schema: string): boolean {
    return this.schemata.has(schema);
  }

  label(schema: string): string {
    return this.schemata.get(schema)?.label ?? schema;
  }

  isAbstract(schema: string): boolean {
    return this.schemata.get(schema)?.abstract === true;
  }

  /** The schema and all its ancestors, nearest first. */
  lineage(schema: string): string[] {
    const out: string[] = [];
    const queue = [schema];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (out.includes(name) || !this.schemata.has(name)) continue;
      out.push(name);
      queue.push(...(this.schemata.get(name)?.extends ?? []));
    }
    return out;
  }

  isA(schema: string, ancestor: string): boolean {
    return this.lineage(schema).includes(ancestor);
  }

  /** Every property name the schema allows, inherited ones included. */
  propertyNames(schema: string): Set<string> {
    const names = new Set<string>();
    for (const s of this.lineage(schema)) for (const p of Object.keys(this.schemata.get(s)?.properties ?? {})) names.add(p);
    return names;
  }

  /** Properties of type `entity` (references to other entities), inherited ones included. */
  entityProperties(schema: string): Set<string> {
    const names = new Set<string>();
    for (const s of this.lineage(schema)) {
      for (const [p, def] of Object.entries(this.schemata.get(s)?.properties ?? {})) if (def?.type === 'entity') names.add(p);
    }
    return names;
  }

  /** The schema's own or inherited `edge` definition (source and target properties), if any. */
  edge(schema: string): FtmEdge | undefined {
    for (const s of this.lineage(schema)) {
      const e = this.schemata.get(s)?.edge;
      if (e) return { source: e.source, target: e.target, label: e.label ?? s, directed: e.directed !== false };
    }
    return undefined;
  }
}
