import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ACTOR_KIND_NAMES, RELATIONSHIP_TYPE_NAMES, type ActorKind, type RelationshipStatus, type RelationshipType } from '../../contracts/vocabulary.js';
import { claimIdFor, namespacedId, shortHash, slugify } from '../ids.js';
import type { ImportClaim, ImportItem, ImportReader, ImportRelationship, ImportSource, ReadOptions, RecordOrigin } from '../model.js';
import { clip } from '../text.js';

export interface CyjsReaderOptions {
  /** Id namespace (default none: the ids of a Sightline export are kept, so export -> import round-trips). */
  namespace: string;
}

interface CyjsDocument {
  generated_by?: string;
  data?: { name?: string };
  elements?: { nodes?: { data?: Record<string, unknown> }[]; edges?: { data?: Record<string, unknown> }[] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const KINDS = new Set<string>(ACTOR_KIND_NAMES);
const TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);

/**
 * Reads Cytoscape.js JSON as GET /api/export?format=cyjs writes it (and as Cytoscape desktop saves
 * it): nodes with kind, name, aliases, description, country, url, wikidata; edges with type, status,
 * summary, since, until. The format carries no claims, so its relationships bring none: one that
 * has no claim in the graph yet gets `fallbackClaim` (citing the file itself, saying so). Lines are
 * the line of each element's "id" in the file.
 */
export class CyjsReader implements ImportReader {
  readonly label: string;
  private document: { doc: CyjsDocument; length: number; lineOf: (id: string, from: number) => { line: number; offset: number } } | { error: string } | undefined;
  /** Characters of the text the current read has gone past. */
  private position = 0;

  constructor(
    private readonly path: string,
    private readonly options: CyjsReaderOptions,
  ) {
    this.label = basename(path);
  }

  private async load() {
    if (this.document) return this.document;
    const text = await readFile(this.path, 'utf8');
    try {
      const doc = JSON.parse(text) as CyjsDocument;
      if (!doc || typeof doc !== 'object' || typeof doc.elements !== 'object' || doc.elements === null) throw new Error('no "elements" object');
      const lineOf = (id: string, from: number) => {
        const at = text.indexOf(`"id": ${JSON.stringify(id)}`, from);
        const found = at >= 0 ? at : text.indexOf(JSON.stringify(id), from);
        if (found < 0) return { line: 1, offset: from };
        let line = 1;
        for (let i = text.indexOf('\n'); i >= 0 && i < found; i = text.indexOf('\n', i + 1)) line += 1;
        return { line, offset: found + 1 };
      };
      this.document = { doc, length: text.length, lineOf };
    } catch (error) {
      this.document = { error: `not Cytoscape JSON: ${(error as Error).message}` };
    }
    return this.document;
  }

  get bytesRead(): number {
    return this.position;
  }

  /** Both sides go through the whole text (parsed once, kept): its length, in characters like `bytesRead`. */
  async inputBytes(): Promise<number> {
    const loaded = await this.load();
    return 'error' in loaded ? 0 : loaded.length;
  }

  /** Nodes are the actors side, edges the relationships side (a file that is not Cytoscape JSON: the actors side). */
  async *read(options: ReadOptions = {}): AsyncGenerator<ImportItem> {
    this.position = 0;
    const loaded = await this.load();
    if ('error' in loaded) {
      if (options.only !== 'relationships') yield { kind: 'error', origin: { file: this.label, line: 1, schema: 'cyjs' }, reason: loaded.error };
      return;
    }
    const { doc, lineOf } = loaded;
    let offset = 0;
    const id = (raw: string) => namespacedId(this.options.namespace, raw);
    for (const node of doc.elements?.nodes ?? []) {
      const d = node?.data ?? {};
      const raw = str(d.id);
      // Lines are found by searching on from the previous element: the relationships read goes through the nodes too.
      const at = raw ? lineOf(raw, offset) : { line: 1, offset };
      offset = at.offset;
      this.position = offset;
      if (options.only === 'relationships') continue;
      const origin: RecordOrigin = { file: this.label, line: at.line, schema: 'cyjs node' };
      const kind = str(d.kind);
      const name = str(d.name) ?? str(d.label);
      if (!raw || !name) {
        yield { kind: 'error', origin, reason: `a node needs data.id and data.name` };
        continue;
      }
      if (!kind || !KINDS.has(kind)) {
        yield { kind: 'error', origin, reason: `node ${raw}: kind "${String(d.kind)}" is not one of ${ACTOR_KIND_NAMES.join(', ')}` };
        continue;
      }
      yield {
        kind: 'actor',
        origin,
        actor: {
          id: id(raw),
          kind: kind as ActorKind,
          name,
          aliases: Array.isArray(d.aliases) ? d.aliases.filter((a): a is string => typeof a === 'string') : [],
          description: str(d.description) ?? `${kind} imported from ${this.label} (no description given).`,
          country: str(d.country),
          url: str(d.url),
          wikidata: str(d.wikidata),
        },
      };
    }
    if (options.only === 'actors') {
      this.position = loaded.length;
      return;
    }
    for (const edge of doc.elements?.edges ?? []) {
      const d = edge?.data ?? {};
      const raw = str(d.id);
      const at = raw ? lineOf(raw, offset) : { line: 1, offset };
      offset = at.offset;
      this.position = offset;
      const origin: RecordOrigin = { file: this.label, line: at.line, schema: 'cyjs edge' };
      const type = str(d.type) ?? str(d.interaction);
      const source = str(d.source);
      const target = str(d.target);
      if (!raw || !source || !target) {
        yield { kind: 'error', origin, reason: 'an edge needs data.id, data.source and data.target' };
        continue;
      }
      if (!type || !TYPES.has(type)) {
        yield { kind: 'error', origin, reason: `edge ${raw}: type "${String(type)}" is not a relationship type of the vocabulary` };
        continue;
      }
      yield {
        kind: 'relationship',
        origin,
        relationship: {
          id: id(raw),
          type: type as RelationshipType,
          source: id(source),
          target: id(target),
          status: (str(d.status) ?? 'active') as RelationshipStatus,
          summary: str(d.summary) ?? `${source} ${type.toLowerCase().replaceAll('_', ' ')} ${target}, according to ${this.label}.`,
          since: str(d.since),
          until: str(d.until),
          claims: [],
        },
      };
    }
    this.position = loaded.length;
  }

  /** The claim of a relationship the graph has no evidence for: it cites the file, and says so. */
  fallbackClaim = (relationship: ImportRelationship): ImportClaim => {
    const source: ImportSource = {
      id: `src-file-${slugify(this.label).slice(0, 60) || 'x'}-${shortHash(this.label)}`,
      title: clip(this.label, 300),
      titleNote: 'Not a document: the Cytoscape JSON file the relationship was imported from, which carries no evidence of its own.',
      publisher: 'unknown (imported file)',
    };
    return {
      id: claimIdFor(relationship.id, source.id),
      quote: clip(relationship.summary, 300),
      attributedTo: `the author of ${clip(this.label, 150)}`,
      stance: 'reported',
      note: 'Not a quotation: the imported Cytoscape JSON carries no evidence; its summary of the relationship is stored as what the file says. Add a real source.',
      importedFrom: clip(this.label, 300),
      source,
    };
  };
}
