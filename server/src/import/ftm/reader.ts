import { basename } from 'node:path';
import type { RelationshipType } from '../../contracts/vocabulary.js';
import { claimIdFor, namespacedId, slugify, sourceIdFor } from '../ids.js';
import { numberedLines } from '../lines.js';
import { fileBytes, ReadMeter } from '../meter.js';
import type { ImportActor, ImportClaim, ImportItem, ImportReader, ImportRelationship, ImportSource, ReadOptions, RecordOrigin } from '../model.js';
import { clip, httpUrl, partialDate, quoteOf, today, uniqueTexts } from '../text.js';
import { FTM_ACTOR_KINDS, FTM_EDGES, FTM_SANCTION, type FtmEdgeMapping } from './mapping.js';
import type { FtmModel } from './schema.js';

/** One line of an FtM JSON lines file (the shape OpenSanctions and Aleph write). */
interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  last_seen?: string;
}

export interface FtmReaderOptions {
  /** Id namespace: `<namespace>-<id>` (default "ftm"; empty keeps ids that are already slugs). */
  namespace: string;
}

const NAME_PROPERTIES = ['name', 'alias', 'previousName', 'weakAlias'] as const;
const COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'mainCountry', 'nationality', 'citizenship'] as const;

/** Checks the mapping table against the schema YAMLs: a property FtM renamed is an error, not a silent loss. */
export function checkMapping(model: FtmModel): void {
  for (const e of FTM_EDGES) {
    const names = model.propertyNames(e.schema);
    if (!model.has(e.schema) || !names.has(e.subject) || !names.has(e.object)) {
      throw new Error(`sightline/import/ftm: the FtM schema no longer has ${e.schema}.${e.subject} / ${e.object}`);
    }
  }
  const sanction = model.propertyNames(FTM_SANCTION.schema);
  if (!sanction.has(FTM_SANCTION.entity) || !sanction.has(FTM_SANCTION.authority)) throw new Error('sightline/import/ftm: the FtM schema no longer has Sanction.entity / authority');
}

/**
 * Reads FollowTheMoney JSON lines. Thing schemata that have a Sightline kind become actors; the
 * interval schemata of FTM_EDGES become relationships, and Sanction becomes "authority SANCTIONS
 * entity". Every other schema (Address, Passport, Vessel…) is reported as skipped with its reason.
 * Evidence: each relationship gets one claim per `sourceUrl` (or, without one, per dataset),
 * attributed to the record's publisher or dataset, quoting its summary/description when it has one.
 */
export class FtmReader implements ImportReader {
  readonly label: string;
  private readonly meter = new ReadMeter();

  constructor(
    private readonly path: string,
    private readonly model: FtmModel,
    private readonly options: FtmReaderOptions,
  ) {
    this.label = basename(path);
    checkMapping(model);
  }

  get bytesRead(): number {
    return this.meter.bytes;
  }

  inputBytes(): Promise<number> {
    return fileBytes([this.path]);
  }

  /**
   * Lines of interval schemata and Sanctions are the relationships side (a Sanction's authority, an
   * actor it brings, comes in the actors read); every other line, and every line that cannot be
   * read, the actors side. Both reads parse each line's JSON (the schema is inside it); each maps
   * only the lines of its side.
   */
  async *read(options: ReadOptions = {}): AsyncGenerator<ImportItem> {
    const { only } = options;
    this.meter.reset();
    for await (const { line, text } of numberedLines(this.path, this.meter)) {
      if (text.trim() === '') continue;
      const origin: RecordOrigin = { file: this.label, line, schema: 'FtM' };
      let entity: FtmEntity;
      try {
        entity = JSON.parse(text) as FtmEntity;
      } catch (error) {
        if (only !== 'relationships') yield { kind: 'error', origin, reason: `not JSON: ${(error as Error).message}` };
        continue;
      }
      if (!entity || typeof entity !== 'object' || typeof entity.id !== 'string' || typeof entity.schema !== 'string') {
        if (only !== 'relationships') yield { kind: 'error', origin, reason: 'an FtM entity needs a string "id" and "schema"' };
        continue;
      }
      origin.schema = entity.schema;
      if (!this.model.has(entity.schema)) {
        if (only !== 'relationships') yield { kind: 'error', origin, reason: `unknown FtM schema "${entity.schema}"` };
        continue;
      }
      const sanction = entity.schema === FTM_SANCTION.schema;
      const relationshipSide = sanction || FTM_EDGES.some((e) => e.schema === entity.schema);
      if (only === (relationshipSide ? 'actors' : 'relationships') && !(sanction && only === 'actors')) continue;
      if (typeof entity.properties !== 'object' || entity.properties === null || Array.isArray(entity.properties)) entity.properties = {};
      for (const item of this.mapEntity(entity, origin)) {
        // a Sanction: its authority (derived) in the actors read, the rest in the relationships read
        if (only === undefined || !sanction || (item.kind === 'actor') === (only === 'actors')) yield item;
      }
    }
  }

  private id(raw: string): string {
    return namespacedId(this.options.namespace, raw);
  }

  private *mapEntity(entity: FtmEntity, origin: RecordOrigin): Generator<ImportItem> {
    const lineage = this.model.lineage(entity.schema);
    const kindSchema = lineage.find((s) => FTM_ACTOR_KINDS[s] !== undefined);
    if (kindSchema && this.model.isA(entity.schema, 'Thing')) {
      yield { kind: 'actor', origin, actor: this.actor(entity, kindSchema) };
      return;
    }
    const edge = FTM_EDGES.find((e) => e.schema === entity.schema);
    if (edge) {
      yield* this.edgeItems(entity, origin, edge);
      return;
    }
    if (entity.schema === FTM_SANCTION.schema) {
      yield* this.sanctionItems(entity, origin);
      return;
    }
    const what = this.model.isA(entity.schema, 'Thing') ? 'has no Sightline actor kind' : 'is not a link between two actors';
    yield { kind: 'skipped', origin, id: this.id(entity.id), reason: `FtM schema ${entity.schema} ${what}` };
  }

  private values(entity: FtmEntity, property: string): string[] {
    const v = entity.properties[property];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  }

  private datasets(entity: FtmEntity): string[] {
    return Array.isArray(entity.datasets) ? entity.datasets.filter((d) => typeof d === 'string' && d !== '') : [];
  }

  private actor(entity: FtmEntity, kindSchema: string): ImportActor {
    const names = NAME_PROPERTIES.flatMap((p) => this.values(entity, p));
    const name = clip(entity.caption?.trim() || names[0] || entity.id, 200);
    const country = COUNTRY_PROPERTIES.flatMap((p) => this.values(entity, p)).find((c) => /^[a-z]{2}$/i.test(c));
    const datasets = this.datasets(entity);
    return {
      id: this.id(entity.id),
      kind: FTM_ACTOR_KINDS[kindSchema] as ImportActor['kind'],
      name,
      aliases: uniqueTexts(names, 200, 50, [name]),
      description: clip(
        `${this.model.label(entity.schema)} listed in FollowTheMoney dataset${datasets.length === 1 ? '' : 's'} ${datasets.join(', ') || '(none named)'}.`,
        500,
      ),
      country: country?.toUpperCase(),
      url: this.values(entity, 'website').map(httpUrl).find((u) => u !== undefined),
      wikidata: this.values(entity, 'wikidataId').find((q) => /^Q[1-9]\d*$/.test(q)),
    };
  }

  /** The claims of an interval record: one per sourceUrl, or one per dataset when it has none. */
  private claims(entity: FtmEntity, relationshipId: string, generated: string): ImportClaim[] {
    const datasets = this.datasets(entity);
    const publisher = clip(this.values(entity, 'publisher')[0] ?? '', 200);
    const attributedTo = publisher || clip(`FtM dataset${datasets.length === 1 ? '' : 's'} ${datasets.join(', ') || this.label}`, 200);
    const retrievedAt = partialDate(this.values(entity, 'retrievedAt')[0] ?? entity.last_seen);
    const importedFrom = clip(`${this.label}${datasets.length > 0 ? `, dataset ${datasets.join(', ')}` : ''}`, 300);
    const text = this.values(entity, 'summary')[0] ?? this.values(entity, 'description')[0];
    const { quote, cut } = text ? quoteOf(text) : { quote: clip(generated, 300), cut: false };
    const note = text
      ? cut
        ? 'The record’s text, cut to its first 300 characters.'
        : undefined
      : 'Not a quotation: the record has no summary or description, so the importer states what the dataset lists.';
    const sources: ImportSource[] = [];
    for (const raw of this.values(entity, 'sourceUrl')) {
      const url = httpUrl(raw);
      if (!url) continue;
      const host = new URL(url).hostname;
      sources.push({
        id: sourceIdFor(url, url),
        title: clip(`${host}${new URL(url).pathname === '/' ? '' : new URL(url).pathname}`, 300),
        titleNote: 'Not the document’s headline: the FtM record gives only the URL.',
        publisher: publisher || host,
        url,
      });
    }
    if (sources.length === 0) {
      for (const dataset of datasets.length > 0 ? datasets : [this.label]) {
        sources.push({
          id: `ftm-dataset-${slugify(dataset).slice(0, 100) || 'x'}`,
          title: clip(`FollowTheMoney dataset ${dataset}`, 300),
          titleNote: 'Not a document title: the dataset named in the record’s "datasets" field.',
          publisher: publisher || clip(dataset, 200),
        });
      }
    }
    return sources.map((source) => ({
      id: claimIdFor(relationshipId, source.id),
      quote,
      attributedTo,
      stance: 'reported' as const,
      note,
      importedFrom,
      retrievedAt,
      source,
    }));
  }

  private relationship(entity: FtmEntity, id: string, type: RelationshipType, source: string, target: string, role: string | undefined): ImportRelationship {
    const datasets = this.datasets(entity);
    const label = this.model.label(entity.schema);
    const since = partialDate(this.values(entity, 'startDate')[0] ?? this.values(entity, 'date')[0]);
    let until = partialDate(this.values(entity, 'endDate')[0]);
    if (since && until && until < since) until = undefined;
    const recorded = `as recorded in FtM dataset${datasets.length === 1 ? '' : 's'} ${datasets.join(', ') || this.label}`;
    const summary = clip(`${label}${role ? ` (${role})` : ''} ${recorded}.`, 500);
    return {
      id,
      type,
      source,
      target,
      status: until !== undefined && until <= today() ? 'ended' : 'active',
      summary,
      since,
      until,
      claims: this.claims(entity, id, `Listed in ${datasets.join(', ') || this.label}: ${label}${role ? ` (${role})` : ''}.`),
    };
  }

  private *edgeItems(entity: FtmEntity, origin: RecordOrigin, edge: FtmEdgeMapping): Generator<ImportItem> {
    const subjects = this.values(entity, edge.subject);
    const objects = this.values(entity, edge.object);
    if (subjects.length === 0 || objects.length === 0) {
      yield { kind: 'error', origin, reason: `${entity.schema} ${entity.id} lacks "${subjects.length === 0 ? edge.subject : edge.object}"` };
      return;
    }
    const role = this.values(entity, 'role')[0] ?? this.values(entity, 'relationship')[0];
    let n = 0;
    for (const s of subjects) {
      for (const o of objects) {
        const id = n === 0 ? this.id(entity.id) : this.id(`${entity.id}:${n}`);
        n += 1;
        yield { kind: 'relationship', origin, relationship: this.relationship(entity, id, edge.type, this.id(s), this.id(o), role) };
      }
    }
  }

  private *sanctionItems(entity: FtmEntity, origin: RecordOrigin): Generator<ImportItem> {
    const targets = this.values(entity, FTM_SANCTION.entity);
    if (targets.length === 0) {
      yield { kind: 'error', origin, reason: `Sanction ${entity.id} lacks "${FTM_SANCTION.entity}"` };
      return;
    }
    const datasets = this.datasets(entity);
    const authorityName = clip(this.values(entity, FTM_SANCTION.authority)[0] ?? this.values(entity, 'publisher')[0] ?? `Publisher of ${datasets[0] ?? this.label}`, 200);
    const country = this.values(entity, 'country').find((c) => /^[a-z]{2}$/i.test(c));
    const authority: ImportActor = {
      id: namespacedId(this.options.namespace === '' ? 'authority' : `${this.options.namespace}-authority`, authorityName),
      kind: 'GovernmentBody',
      name: authorityName,
      aliases: [],
      description: clip(`Authority named in FtM Sanction records${country ? ` (${country.toUpperCase()})` : ''}.`, 500),
      country: country?.toUpperCase(),
    };
    yield { kind: 'actor', origin, actor: authority, derived: true };
    const program = this.values(entity, 'program')[0];
    let n = 0;
    for (const t of targets) {
      const id = n === 0 ? this.id(entity.id) : this.id(`${entity.id}:${n}`);
      n += 1;
      yield { kind: 'relationship', origin, relationship: this.relationship(entity, id, FTM_SANCTION.type, authority.id, this.id(t), program) };
    }
  }
}
