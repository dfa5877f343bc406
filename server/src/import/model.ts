import type { ActorKind, ClaimStance, RelationshipStatus, RelationshipType } from '../contracts/vocabulary.js';

/**
 * What every import reader produces: records already mapped to Sightline's model (ids namespaced,
 * kinds and relationship types from the vocabulary), each with the file and line it came from.
 * The pipeline (pipeline.ts) validates them against the vocabulary's zod schemas and writes them.
 */

/** Where a record was read: file name (no directory) and 1-based line of the record's first line. */
export interface RecordOrigin {
  file: string;
  line: number;
  /** What the record is in its own format: an FtM schema ("Person"), "actors.csv row"… (the report counts by it). */
  schema: string;
}

/** An actor to create (MERGE on id; an existing actor is never modified). */
export interface ImportActor {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  description: string;
  country?: string | undefined;
  url?: string | undefined;
  wikidata?: string | undefined;
}

/** A source cited by a claim (MERGE on id; an existing source is never modified). */
export interface ImportSource {
  id: string;
  title: string;
  titleNote?: string | undefined;
  publisher: string;
  url?: string | undefined;
  publishedAt?: string | undefined;
  author?: string | undefined;
}

/** One claim supporting a relationship, with the source it cites. */
export interface ImportClaim {
  id: string;
  quote: string;
  attributedTo: string;
  stance: ClaimStance;
  note?: string | undefined;
  /** Which file and dataset the claim was read from (stored as Claim.importedFrom). */
  importedFrom: string;
  /** When the publisher retrieved the record, if the format says (partial ISO date). */
  retrievedAt?: string | undefined;
  source: ImportSource;
}

/** A relationship between two actors (by id), with at least one claim. */
export interface ImportRelationship {
  id: string;
  type: RelationshipType;
  /** Subject actor id. */
  source: string;
  /** Object actor id. */
  target: string;
  status: RelationshipStatus;
  summary: string;
  since?: string | undefined;
  until?: string | undefined;
  /**
   * Claims to add. Empty only when the format carries no evidence (Cytoscape JSON): the relationship
   * is then written only if it already has claims in the graph, or with a claim citing the file.
   */
  claims: ImportClaim[];
}

export type ImportItem =
  | {
      kind: 'actor';
      origin: RecordOrigin;
      actor: ImportActor;
      /** Made up from another record (a Sanction's authority): not counted as a record; repeats are expected. */
      derived?: boolean;
    }
  | {
      kind: 'relationship';
      origin: RecordOrigin;
      relationship: ImportRelationship;
      /** Made up from a record the actors read counts (a boycott list row, a company): not counted again. */
      derived?: boolean;
    }
  /** A record deliberately not imported (a schema Sightline has no place for), with why. */
  | { kind: 'skipped'; origin: RecordOrigin; id?: string | undefined; reason: string }
  /** A record that could not be read or mapped, with why (reported with its line). */
  | { kind: 'error'; origin: RecordOrigin; reason: string };

/**
 * One side of the input, for the pipeline's two passes (read() without it: both, in file order):
 *   'actors'         the records that bring no relationship (actors, skipped and failed ones), and
 *                    the actors the other records bring (FtM Sanction authorities, the boycott list);
 *   'relationships'  the records that bring relationships: their relationships, errors and skips,
 *                    without the actors they bring.
 * Each record's errors and skips come in exactly one of the two reads, and a record is counted in
 * the read whose first non-derived item it is; a record with an actor of its own and relationships
 * (a row of the boycott list) is on the actors side, its relationships marked `derived`.
 */
export interface ReadOptions {
  only?: 'actors' | 'relationships';
}

/**
 * A reader: streams the items of its input, in file order, the same way every time it is called
 * (one read at a time). `bytesRead` and `inputBytes` give progress by bytes: the relationship count
 * is known only at the end of the last pass.
 */
export interface ImportReader {
  /** Human name of the input, for the report and Claim.importedFrom. */
  readonly label: string;
  read(options?: ReadOptions): AsyncIterable<ImportItem>;
  /** Bytes of its input the current (or last) read has gone through. */
  readonly bytesRead: number;
  /** Bytes a read with these options goes through (the sizes of the files of that side). */
  inputBytes(options?: ReadOptions): Promise<number>;
}
