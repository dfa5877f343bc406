import { basename } from 'node:path';
import {
  ACTOR_KIND_NAMES,
  CLAIM_STANCE_NAMES,
  RELATIONSHIP_TYPE_NAMES,
  type ActorKind,
  type ClaimStance,
  type RelationshipStatus,
  type RelationshipType,
} from '../../contracts/vocabulary.js';
import { claimIdFor, namespacedId, slugify, sourceIdFor } from '../ids.js';
import type { ImportItem, ImportReader, ReadOptions, RecordOrigin } from '../model.js';
import { fileBytes, ReadMeter } from '../meter.js';
import { clip, httpUrl } from '../text.js';
import { ALIAS_SEPARATOR, fieldReader, type ActorField, type ColumnMap, type RelationshipField } from './columns.js';
import { csvRecords } from './records.js';

export interface CsvReaderOptions {
  /** Id namespace (default none: ids that are slugs are kept). */
  namespace: string;
  map?: ColumnMap | undefined;
}

const byLowerCase = <T extends string>(names: readonly T[]) => new Map(names.map((n) => [n.toLowerCase().replace(/[\s_-]+/g, ''), n]));
const KINDS = byLowerCase<ActorKind>(ACTOR_KIND_NAMES);
const TYPES = byLowerCase<RelationshipType>(RELATIONSHIP_TYPE_NAMES);
const STANCES = byLowerCase<ClaimStance>(CLAIM_STANCE_NAMES);
const norm = (v: string): string => v.toLowerCase().replace(/[\s_-]+/g, '');
/** What the reader takes from a source URL. */
interface ParsedUrl {
  host: string;
  path: string;
  /** sourceIdFor(url): by URL alone. */
  sourceId: string;
}
/** Distinct source URLs whose parse the reader remembers (then it starts over). */
const URL_CACHE_SIZE = 10_000;

/**
 * Reads Sightline's CSV layout (see columns.ts): an actors file and/or a relationships file, told
 * apart by their header. Each relationship row carries its evidence (quote, source, attribution,
 * stance); a row without a quote or a source fails with its line.
 */
export class CsvReader implements ImportReader {
  readonly label: string;
  private readonly actorField: ReturnType<typeof fieldReader<ActorField>>;
  private readonly relationshipField: ReturnType<typeof fieldReader<RelationshipField>>;
  /** What a source URL gives (validity, host, path, source id), by URL: a file cites few sources many times. */
  private readonly urls = new Map<string, ParsedUrl | null>();
  private readonly meter = new ReadMeter();

  constructor(
    private readonly files: { path: string; layout: 'actors' | 'relationships' }[],
    private readonly options: CsvReaderOptions,
  ) {
    this.label = files.map((f) => basename(f.path)).join(' + ');
    this.actorField = fieldReader<ActorField>(options.map?.actors, options.map?.defaults);
    this.relationshipField = fieldReader<RelationshipField>(options.map?.relationships, options.map?.defaults);
  }

  /** An http(s) URL's host and path (null when it is not one), remembered for the next rows. */
  private parsedUrl(raw: string): ParsedUrl | null {
    let parsed = this.urls.get(raw);
    if (parsed === undefined) {
      const url = httpUrl(raw);
      parsed = url ? { host: new URL(url).hostname, path: new URL(url).pathname, sourceId: sourceIdFor(url, url) } : null;
      if (this.urls.size >= URL_CACHE_SIZE) this.urls.clear();
      this.urls.set(raw, parsed);
    }
    return parsed;
  }

  /** The files a read goes through: actors files first, whatever the order given, so a relationships file never waits on a later file. */
  private filesOf(options: ReadOptions): { path: string; layout: 'actors' | 'relationships' }[] {
    const ordered = [...this.files].sort((a, b) => (a.layout === b.layout ? 0 : a.layout === 'actors' ? -1 : 1));
    return options.only ? ordered.filter((f) => f.layout === options.only) : ordered;
  }

  get bytesRead(): number {
    return this.meter.bytes;
  }

  inputBytes(options: ReadOptions = {}): Promise<number> {
    return fileBytes(this.filesOf(options).map((f) => f.path));
  }

  /** Each file is one side: `only: 'actors'` reads the actors files, `only: 'relationships'` the relationships files. */
  async *read(options: ReadOptions = {}): AsyncGenerator<ImportItem> {
    this.meter.reset();
    for (const file of this.filesOf(options)) {
      const name = basename(file.path);
      const schema = file.layout === 'actors' ? 'actors.csv row' : 'relationships.csv row';
      for await (const row of csvRecords(file.path, this.options.map?.delimiter, this.meter)) {
        const origin: RecordOrigin = { file: name, line: row.line, schema };
        if ('error' in row) yield { kind: 'error', origin, reason: row.error };
        else yield file.layout === 'actors' ? this.actor(row.record, origin) : this.relationship(row.record, origin, name);
      }
    }
  }

  private id(raw: string): string {
    return namespacedId(this.options.namespace, raw);
  }

  private actor(record: Record<string, string>, origin: RecordOrigin): ImportItem {
    const get = this.actorField;
    const name = get(record, 'name');
    if (!name) return { kind: 'error', origin, reason: 'no name' };
    const kindText = get(record, 'kind');
    const kind = kindText ? KINDS.get(norm(kindText)) : undefined;
    if (!kind) return { kind: 'error', origin, reason: kindText ? `unknown kind "${kindText}" (one of ${ACTOR_KIND_NAMES.join(', ')})` : 'no kind' };
    const rawId = get(record, 'id') ?? slugify(name);
    const description = get(record, 'description');
    return {
      kind: 'actor',
      origin,
      actor: {
        id: this.id(rawId),
        kind,
        name,
        aliases: (get(record, 'aliases') ?? '').split(ALIAS_SEPARATOR).map((a) => a.trim()).filter((a) => a !== '' && a !== name),
        description: description ?? `${kind} imported from ${origin.file} (no description given).`,
        country: get(record, 'country')?.toUpperCase(),
        url: get(record, 'url'),
        wikidata: get(record, 'wikidata'),
      },
    };
  }

  private relationship(record: Record<string, string>, origin: RecordOrigin, file: string): ImportItem {
    const get = this.relationshipField;
    const source = get(record, 'source');
    const target = get(record, 'target');
    const typeText = get(record, 'type');
    if (!source || !target) return { kind: 'error', origin, reason: `no ${source ? 'target' : 'source'} actor id` };
    const type = typeText ? TYPES.get(norm(typeText)) : undefined;
    if (!type) return { kind: 'error', origin, reason: typeText ? `unknown relationship type "${typeText}"` : 'no type' };
    const quote = get(record, 'quote');
    const url = get(record, 'source_url');
    const title = get(record, 'source_title');
    if (!quote) return { kind: 'error', origin, reason: 'no quote: every relationship needs evidence (quote, source_url or source_title, attributed_to, stance)' };
    if (!url && !title) return { kind: 'error', origin, reason: 'no source_url or source_title for the quote' };
    const parsed = url ? this.parsedUrl(url) : undefined;
    if (url && !parsed) return { kind: 'error', origin, reason: `source_url "${clip(url, 80)}" is not an http(s) URL` };
    const stanceText = get(record, 'stance') ?? 'reported';
    const stance = STANCES.get(norm(stanceText));
    if (!stance) return { kind: 'error', origin, reason: `unknown stance "${stanceText}"` };
    const host = parsed?.host;
    const publisher = get(record, 'source_publisher') ?? host ?? 'unknown publisher';
    const sourceId = parsed ? parsed.sourceId : sourceIdFor(undefined, `${title ?? ''}\u0000${publisher}`);
    const sourceIdEnd = this.id(source);
    const targetIdEnd = this.id(target);
    const id = this.id(get(record, 'id') ?? `${source}-${type.toLowerCase().replaceAll('_', '-')}-${target}`);
    const status = (get(record, 'status') ?? (stance === 'alleged' ? 'alleged' : 'active')) as RelationshipStatus;
    const attributedTo = get(record, 'attributed_to') ?? publisher;
    return {
      kind: 'relationship',
      origin,
      relationship: {
        id,
        type,
        source: sourceIdEnd,
        target: targetIdEnd,
        status,
        summary: get(record, 'summary') ?? clip(`${attributedTo} (${stance}): ${source} ${type.toLowerCase().replaceAll('_', ' ')} ${target}.`, 500),
        since: get(record, 'since'),
        until: get(record, 'until'),
        claims: [
          {
            id: claimIdFor(id, sourceId),
            quote,
            attributedTo,
            stance,
            note: get(record, 'note'),
            importedFrom: clip(`${file}, line ${origin.line}`, 300),
            retrievedAt: get(record, 'retrieved_at'),
            source: {
              id: sourceId,
              title: title ?? clip(`${host ?? ''}${parsed?.path ?? ''}`, 300),
              titleNote: title ? undefined : 'Not the document’s headline: the CSV row gives only the URL.',
              publisher,
              url,
              publishedAt: get(record, 'source_published_at'),
            },
          },
        ],
      },
    };
  }
}
