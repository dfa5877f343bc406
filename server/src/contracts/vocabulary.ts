/**
 * Sightline's vocabulary: the single source of truth for what the graph may contain.
 *
 * The model, as stored in Neo4j:
 *
 *   (:Actor:<Kind> {id, name, aliases, description, country?, url?, wikidata?})
 *   (:Actor)-[:<RELATIONSHIP_TYPE> {id, status, summary, since?, until?}]->(:Actor)
 *   (:Source {id, title, titleNote?, publisher, url?, publishedAt?, author?})
 *   (:Claim {id, quote, attributedTo, stance, relationshipId, note?})-[:CITES]->(:Source)
 *   (:Source)-[:CITES]->(:Source)      a report citing an earlier report (structural, no claim)
 *
 * Every actor carries the label :Actor plus exactly one kind label from ACTOR_KINDS.
 * Every relationship between actors has a type from RELATIONSHIP_TYPES and at least one Claim whose
 * `relationshipId` is the relationship's `id`. Relationship ids are unique per type (a Neo4j
 * relationship uniqueness constraint per type, see cypher/schema/001-constraints.cypher), and the
 * seed and the app keep them unique across all types.
 *
 * Evidence rules (why `status` and `stance` exist):
 *   - A Claim's `quote` is a short verbatim excerpt of the Source it CITES (at most
 *     QUOTE_MAX_LENGTH characters), `attributedTo` names who asserts it (which may differ from the
 *     publisher: a newspaper quoting a spokesperson), and `stance` says how that party asserts it.
 *   - A relationship's `status` summarises what its claims establish. Sightline never states an
 *     allegation as a fact: a relationship supported only by an interested party's accusation,
 *     or by unnamed sources on a contested matter, is `alleged`, whatever its wording.
 *
 * Adding a relationship type here requires adding its uniqueness constraint to
 * cypher/schema/001-constraints.cypher (an integration test checks they agree).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Labels and structural relationship types (not part of the user-facing vocabulary)
// ---------------------------------------------------------------------------------------------

export const ACTOR_LABEL = 'Actor';
export const SOURCE_LABEL = 'Source';
export const CLAIM_LABEL = 'Claim';
/** Labels of the app's own bookkeeping nodes (not part of the graph users explore). */
export const SEED_FILE_LABEL = 'SeedFile';
/** One import run: file checksum, counts, the last committed batch (the resume point). */
export const IMPORT_JOB_LABEL = 'ImportJob';
/** One entry of the curation audit trail (server/src/curation): who changed what, when, before/after. */
export const CHANGE_LABEL = 'Change';
export const BOOKKEEPING_LABELS = [SEED_FILE_LABEL, IMPORT_JOB_LABEL, CHANGE_LABEL, 'View'] as const;
/**
 * Labels of write access control's nodes (server/src/auth: API tokens, users, login sessions). The
 * Cypher console never shows them: queries naming them are refused, such nodes are redacted from
 * results, and they and PRIVATE_PROPERTY_KEYS are left out of its schema listing.
 */
export const PRIVATE_LABELS = ['ApiToken', 'User', 'Session'] as const;
/** Property keys only PRIVATE_LABELS nodes have (shared keys such as id, name, hash stay listed). */
export const PRIVATE_PROPERTY_KEYS = ['passwordHash', 'idHash', 'csrfToken', 'userId', 'username', 'lastUsedAt', 'revokedAt', 'expiresAt'] as const;
/** Claim -> Source (exactly one per claim), and Source -> Source (a report citing another). */
export const CITES_TYPE = 'CITES';
/** Relationship types that carry no evidence of their own and need no Claim. */
export const STRUCTURAL_RELATIONSHIP_TYPES = [CITES_TYPE] as const;

// ---------------------------------------------------------------------------------------------
// Actor kinds (each one is also a Neo4j label)
// ---------------------------------------------------------------------------------------------

export const ACTOR_KINDS = [
  {
    kind: 'Organization',
    label: 'Organization',
    plural: 'Organizations',
    description:
      'A non-governmental organization, association, coalition or foundation that is not a company, a movement or a media outlet.',
  },
  {
    kind: 'Company',
    label: 'Company',
    plural: 'Companies',
    description: 'A commercial enterprise: a corporation, firm or business, including its subsidiaries when recorded separately.',
  },
  {
    kind: 'GovernmentBody',
    label: 'Government body',
    plural: 'Government bodies',
    description:
      'A ministry, agency, authority, court, legislature or other public institution of a state (the armed forces are MilitaryUnit).',
  },
  {
    kind: 'MilitaryUnit',
    label: 'Military unit',
    plural: 'Military units',
    description: 'An armed force, or a service, formation, unit or agency within one (including military intelligence units).',
  },
  {
    kind: 'State',
    label: 'State',
    plural: 'States',
    description:
      'A country as a political actor. Use Place for a geographic area and GovernmentBody for a specific institution of the state.',
  },
  {
    kind: 'Movement',
    label: 'Movement',
    plural: 'Movements',
    description: 'A social, political or advocacy movement or campaign without a single formal membership (e.g. a boycott campaign).',
  },
  {
    kind: 'Person',
    label: 'Person',
    plural: 'People',
    description: 'An individual human being, named in a source.',
  },
  {
    kind: 'Product',
    label: 'Product',
    plural: 'Products',
    description: 'A product, brand, service or platform (software, cloud service, device, subscription).',
  },
  {
    kind: 'Place',
    label: 'Place',
    plural: 'Places',
    description: 'A geographic area or location: a city, region or territory, independent of who governs it.',
  },
  {
    kind: 'Group',
    label: 'Group',
    plural: 'Groups',
    description: 'A population or category of people with no organization of its own (e.g. the civilians of a region).',
  },
  {
    kind: 'MediaOutlet',
    label: 'Media outlet',
    plural: 'Media outlets',
    description: 'A newspaper, magazine, broadcaster, news website or news agency.',
  },
] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number]['kind'];
export const ACTOR_KIND_NAMES = ACTOR_KINDS.map((k) => k.kind) as [ActorKind, ...ActorKind[]];
export const actorKindSchema = z.enum(ACTOR_KIND_NAMES);

// ---------------------------------------------------------------------------------------------
// Relationship types (direction: subject -[TYPE]-> object, read "subject <label> object")
// ---------------------------------------------------------------------------------------------

export const RELATIONSHIP_TYPES = [
  {
    type: 'PROVIDES_SERVICES_TO',
    label: 'provides services to',
    inverseLabel: 'receives services from',
    description:
      'The subject supplies services, technology or infrastructure to the object under a commercial or contractual arrangement.',
  },
  {
    type: 'PART_OF',
    label: 'is part of',
    inverseLabel: 'includes',
    description:
      'The subject is a unit, branch, division or component of the object (organizational hierarchy, not membership).',
  },
  {
    type: 'MEMBER_OF',
    label: 'is a member of',
    inverseLabel: 'has member',
    description: 'The subject belongs to the object as a member (of an alliance, coalition, association or group).',
  },
  {
    type: 'LEADS',
    label: 'leads',
    inverseLabel: 'is led by',
    description: 'The subject heads, directs or coordinates the object (a person leading an organization, a body leading a campaign).',
  },
  {
    type: 'OFFICER_OF',
    label: 'is an officer of',
    inverseLabel: 'has officer',
    description:
      'The subject (a person) holds an executive or board position in the object; the position goes in the summary.',
  },
  {
    type: 'EMPLOYS',
    label: 'employs',
    inverseLabel: 'is employed by',
    description: 'The subject employs the object (a person) other than as an officer.',
  },
  {
    type: 'OWNS',
    label: 'owns',
    inverseLabel: 'is owned by',
    description: 'The subject owns the object outright or holds a controlling stake in it.',
  },
  {
    type: 'OPERATES',
    label: 'operates',
    inverseLabel: 'is operated by',
    description: 'The subject runs the object (a service, platform or facility) and offers it to others.',
  },
  {
    type: 'MAKES',
    label: 'makes',
    inverseLabel: 'is made by',
    description: 'The subject makes, develops or publishes the object (a product or brand).',
  },
  {
    type: 'USES',
    label: 'uses',
    inverseLabel: 'is used by',
    description:
      'The subject uses the object: a product, service or platform, or the technology of a company when the source names no product.',
  },
  {
    type: 'STORES_DATA_ON',
    label: 'stores data on',
    inverseLabel: 'holds data of',
    description: 'The subject keeps data on the object (a cloud platform, data centre or storage service).',
  },
  {
    type: 'SURVEILS',
    label: 'surveils',
    inverseLabel: 'is surveilled by',
    description: 'The subject monitors the communications, movements or activities of the object.',
  },
  {
    type: 'PARTNERS_WITH',
    label: 'partners with',
    inverseLabel: 'partners with',
    description:
      'The subject cooperates with the object in a business, institutional or strategic partnership. Symmetric in meaning; the direction follows the wording of the source.',
  },
  {
    type: 'BOYCOTTS',
    label: 'boycotts',
    inverseLabel: 'is boycotted by',
    description:
      'The subject itself refrains from dealing with the object (buying from, investing in, cooperating with it).',
  },
  {
    type: 'TARGETS_FOR_BOYCOTT',
    label: 'targets for boycott',
    inverseLabel: 'is targeted for boycott by',
    description:
      'The subject (usually a campaign) designates the object as a target of its boycott, e.g. by adding it to a list of targets. Unlike BOYCOTTS, it says nothing about the subject’s own purchases.',
  },
  {
    type: 'CALLS_FOR_BOYCOTT_OF',
    label: 'calls for a boycott of',
    inverseLabel: 'is the object of a boycott call by',
    description:
      'The subject publicly asks others (consumers, institutions) to stop buying, using or dealing with the object, often a specific product.',
  },
  {
    type: 'REPORTED_ON',
    label: 'reported on',
    inverseLabel: 'was reported on by',
    description: 'The subject (a media outlet or author) published reporting about the object.',
  },
  {
    type: 'LOCATED_IN',
    label: 'is located in',
    inverseLabel: 'is the location of',
    description: 'The subject is based, headquartered or situated in the object (a place).',
  },
  {
    type: 'OCCUPIES',
    label: 'occupies',
    inverseLabel: 'is occupied by',
    description:
      'The subject holds the object (a territory) under military occupation. A legal characterization that is often contested: record who asserts it.',
  },
  // Types for imported datasets (FollowTheMoney interval schemata; see server/src/import/ftm/).
  {
    type: 'REPRESENTS',
    label: 'represents',
    inverseLabel: 'is represented by',
    description: 'The subject acts as agent, lawyer or representative of the object (FtM Representation).',
  },
  {
    type: 'RELATIVE_OF',
    label: 'is a relative of',
    inverseLabel: 'is a relative of',
    description: 'The subject (a person) is a family member of the object; the kind of kinship goes in the summary (FtM Family).',
  },
  {
    type: 'ASSOCIATE_OF',
    label: 'is an associate of',
    inverseLabel: 'is an associate of',
    description: 'The subject (a person) is a business or personal associate of the object, as a source records it (FtM Associate).',
  },
  {
    type: 'LINKED_TO',
    label: 'is linked to',
    inverseLabel: 'is linked to',
    description: 'A source links the subject to the object without saying how (FtM UnknownLink); the role, if any, goes in the summary.',
  },
  {
    type: 'SANCTIONS',
    label: 'sanctions',
    inverseLabel: 'is sanctioned by',
    description:
      'The subject (an authority) lists the object under a sanctions, debarment or disqualification programme (FtM Sanction); the programme goes in the summary.',
  },
  {
    type: 'PAID',
    label: 'paid',
    inverseLabel: 'was paid by',
    description: 'The subject made a payment to the object, as a source records it (FtM Payment); amount and purpose go in the summary.',
  },
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number]['type'];
export const RELATIONSHIP_TYPE_NAMES = RELATIONSHIP_TYPES.map((t) => t.type) as [
  RelationshipType,
  ...RelationshipType[],
];
export const relationshipTypeSchema = z.enum(RELATIONSHIP_TYPE_NAMES);

// ---------------------------------------------------------------------------------------------
// Relationship statuses and claim stances
// ---------------------------------------------------------------------------------------------

export const RELATIONSHIP_STATUSES = [
  {
    status: 'active',
    label: 'active',
    description:
      'Current, as reported by the cited sources or stated on the record by a party to it, and not contested in them.',
  },
  {
    status: 'ended',
    label: 'ended',
    description: 'Existed and has ended, according to the cited sources (the end date goes in `until` when known).',
  },
  {
    status: 'alleged',
    label: 'alleged',
    description:
      'Asserted as an accusation by an interested party, or resting on unnamed sources on a contested matter, and not confirmed on the record by the parties to it. The claims say who asserts it.',
  },
  {
    status: 'disputed',
    label: 'disputed',
    description: 'Asserted by some cited parties and explicitly denied or contested by others.',
  },
] as const;

export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number]['status'];
export const RELATIONSHIP_STATUS_NAMES = RELATIONSHIP_STATUSES.map((s) => s.status) as [
  RelationshipStatus,
  ...RelationshipStatus[],
];
export const relationshipStatusSchema = z.enum(RELATIONSHIP_STATUS_NAMES);

export const CLAIM_STANCES = [
  {
    stance: 'reported',
    label: 'reported',
    description:
      'A publication reports it, in its own voice or relaying others (its own sources, another outlet), without endorsing it as its own accusation.',
  },
  {
    stance: 'alleged',
    label: 'alleged',
    description: 'The party asserts it as an accusation or a characterization that the cited evidence does not establish.',
  },
  {
    stance: 'stated',
    label: 'stated',
    description: 'A party states it on the record about itself or its own actions (a spokesperson, an executive, the outlet about itself).',
  },
  {
    stance: 'confirmed',
    label: 'confirmed',
    description: 'A party to the relationship confirms a claim first made by others.',
  },
  {
    stance: 'denied',
    label: 'denied',
    description: 'A party to the relationship denies it. The relationship is then usually `disputed`.',
  },
] as const;

export type ClaimStance = (typeof CLAIM_STANCES)[number]['stance'];
export const CLAIM_STANCE_NAMES = CLAIM_STANCES.map((s) => s.stance) as [ClaimStance, ...ClaimStance[]];
export const claimStanceSchema = z.enum(CLAIM_STANCE_NAMES);

// ---------------------------------------------------------------------------------------------
// Scalar formats
// ---------------------------------------------------------------------------------------------

/** Longest verbatim quote a Claim may carry: enough to verify, too short to republish an article. */
export const QUOTE_MAX_LENGTH = 300;

/** Lowercase ASCII slug: `unit-8200`, `microsoft-provides-services-to-idf`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().max(120).regex(SLUG_PATTERN, 'must be a lowercase slug (a-z, 0-9, single hyphens)');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day (leap years included). */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** A date known to the year, the month or the day: `2025`, `2025-04`, `2025-04-07`. */
export const partialDateSchema = z
  .string()
  .refine(isPartialDate, { message: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD with a valid month and day' });

/**
 * Compares two partial dates at the precision they share (`2025` vs `2025-04` compares `2025`):
 * negative if a is earlier, 0 if equal at that precision or overlapping, positive if later.
 */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** ISO 3166-1 alpha-2 code, upper case: `US`, `IL`, `GB`, `PS`. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (two capital letters)');

/** Wikidata item id: `Q2283`. */
export const wikidataIdSchema = z.string().regex(/^Q[1-9]\d*$/, 'must be a Wikidata item id such as Q2283');

export const httpUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

const nonEmptyText = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Stored properties (strict: a property not listed here is a bug, not data)
// ---------------------------------------------------------------------------------------------

/**
 * Bookkeeping of curation (server/src/curation) on actors and relationships: when last changed
 * through the curation API (the optimistic-concurrency token of an edit), when deleted (a deleted
 * or merged-away record is kept, hidden from reads) and, after a merge, the id it went into.
 */
const CURATION_PROPERTIES = {
  updatedAt: z.iso.datetime().optional(),
  retractedAt: z.iso.datetime().optional(),
  mergedInto: slugSchema.optional(),
} as const;

/** Properties of an (:Actor:<Kind>) node. The kind is a label, not a property. */
export const actorSchema = z.strictObject({
  id: slugSchema,
  name: nonEmptyText(200),
  /** Other names and spellings, searched by the `actor_search` full-text index. May be empty. */
  aliases: z.array(nonEmptyText(200)).max(50),
  /** One neutral line. */
  description: nonEmptyText(500),
  country: countryCodeSchema.optional(),
  url: httpUrlSchema.optional(),
  wikidata: wikidataIdSchema.optional(),
  /** Import provenance: the id of the (:ImportJob) that created this actor (absent for seeded or curated actors). */
  importJob: slugSchema.optional(),
  ...CURATION_PROPERTIES,
});
export type Actor = z.infer<typeof actorSchema>;

/** Properties of a relationship between actors. The type is the Neo4j relationship type. */
export const relationshipSchema = z
  .strictObject({
    id: slugSchema,
    status: relationshipStatusSchema,
    /** One neutral line saying who asserts what. */
    summary: nonEmptyText(500),
    /** Only when a source gives the date; never guessed from "last week" or a month without a year. */
    since: partialDateSchema.optional(),
    until: partialDateSchema.optional(),
    ...CURATION_PROPERTIES,
  })
  .refine((r) => r.since === undefined || r.until === undefined || comparePartialDates(r.since, r.until) <= 0, {
    message: 'since must not be after until',
    path: ['until'],
  });
export type Relationship = z.infer<typeof relationshipSchema>;

/** Properties of a (:Source) node: a published document that claims quote. */
export const sourceSchema = z.strictObject({
  id: slugSchema,
  /** The real headline when known; otherwise a descriptive title, flagged by `titleNote`. */
  title: nonEmptyText(300),
  /** Set when `title` is not the document's real headline (says so and why). */
  titleNote: nonEmptyText(500).optional(),
  publisher: nonEmptyText(200),
  url: httpUrlSchema.optional(),
  publishedAt: partialDateSchema.optional(),
  author: nonEmptyText(200).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Properties of a (:Claim) node; it has exactly one CITES relationship to a Source. */
export const claimSchema = z.strictObject({
  id: slugSchema,
  /** Verbatim excerpt of the cited source (same characters, curly punctuation included). */
  quote: z.string().min(1).max(QUOTE_MAX_LENGTH),
  /** Who asserts it: a person, an organization, "The Guardian’s sources"... */
  attributedTo: nonEmptyText(200),
  stance: claimStanceSchema,
  /** The `id` of the relationship this claim supports. */
  relationshipId: slugSchema,
  /** Editorial context: what the quote does not say, why a date is absent, who the speaker is. */
  note: nonEmptyText(1000).optional(),
  /** Import provenance: the (:ImportJob) that created this claim. */
  importJob: slugSchema.optional(),
  /** Import provenance: which file and dataset the claim was read from, e.g. "zala.ftm.json, dataset us_ofac_sdn". */
  importedFrom: nonEmptyText(300).optional(),
  /** When the dataset's publisher retrieved the record (FtM retrievedAt or last_seen), if known. */
  retrievedAt: partialDateSchema.optional(),
});
export type Claim = z.infer<typeof claimSchema>;
