import type { ActorKind, RelationshipType } from '../../contracts/vocabulary.js';

/**
 * How FollowTheMoney schemata map onto Sightline's vocabulary, in both directions (the importer
 * and the FtM exporter share this table). Property names of the edges are checked against the
 * schema YAMLs when the importer loads them (see checkMapping), so a drift in FtM is an error.
 */

/** Thing schemata that become actors, by the nearest mapped ancestor (Company before Organization). */
export const FTM_ACTOR_KINDS: Readonly<Record<string, ActorKind>> = {
  Person: 'Person',
  Company: 'Company',
  PublicBody: 'GovernmentBody',
  Organization: 'Organization',
  /** A legal entity of unknown nature: recorded as an organization. */
  LegalEntity: 'Organization',
};

/** Sightline kind -> the FtM schema an exported actor gets. */
export const KIND_TO_FTM_SCHEMA: Readonly<Record<ActorKind, string>> = {
  Person: 'Person',
  Company: 'Company',
  GovernmentBody: 'PublicBody',
  MilitaryUnit: 'PublicBody',
  State: 'PublicBody',
  Organization: 'Organization',
  Movement: 'Organization',
  Group: 'Organization',
  MediaOutlet: 'Organization',
  Product: 'LegalEntity',
  Place: 'LegalEntity',
};

export interface FtmEdgeMapping {
  /** FtM interval schema. */
  schema: string;
  type: RelationshipType;
  /** FtM property holding Sightline's subject (the relationship's start). */
  subject: string;
  /** FtM property holding Sightline's object (the relationship's end). */
  object: string;
}

/**
 * Interval schemata that link two things. `subject`/`object` are FtM property names; Employment is
 * reversed (FtM: employee "works for" employer; Sightline: employer EMPLOYS employee).
 */
export const FTM_EDGES: readonly FtmEdgeMapping[] = [
  { schema: 'Ownership', type: 'OWNS', subject: 'owner', object: 'asset' },
  { schema: 'Directorship', type: 'OFFICER_OF', subject: 'director', object: 'organization' },
  { schema: 'Membership', type: 'MEMBER_OF', subject: 'member', object: 'organization' },
  { schema: 'Employment', type: 'EMPLOYS', subject: 'employer', object: 'employee' },
  { schema: 'Representation', type: 'REPRESENTS', subject: 'agent', object: 'client' },
  { schema: 'Family', type: 'RELATIVE_OF', subject: 'person', object: 'relative' },
  { schema: 'Associate', type: 'ASSOCIATE_OF', subject: 'person', object: 'associate' },
  { schema: 'UnknownLink', type: 'LINKED_TO', subject: 'subject', object: 'object' },
  { schema: 'Payment', type: 'PAID', subject: 'payer', object: 'beneficiary' },
];

/**
 * Sanction links one entity to an authority named as text: the authority becomes a GovernmentBody
 * actor (`ftm-authority-…`) that SANCTIONS the entity.
 */
export const FTM_SANCTION = { schema: 'Sanction', type: 'SANCTIONS' as RelationshipType, entity: 'entity', authority: 'authority' } as const;

/** Relationship types with no FtM equivalent are exported as UnknownLink with the type's label as role. */
export const FTM_FALLBACK_EDGE: FtmEdgeMapping = { schema: 'UnknownLink', type: 'LINKED_TO', subject: 'subject', object: 'object' };

export const ftmEdgeForType = (type: RelationshipType): FtmEdgeMapping | undefined => FTM_EDGES.find((e) => e.type === type);
export const ftmEdgeForSchema = (schema: string): FtmEdgeMapping | undefined => FTM_EDGES.find((e) => e.schema === schema);
