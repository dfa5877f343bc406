import type { ExportActor, ExportRelationship } from './model.js';

/** Typed attribute columns shared by the GraphML and GEXF exporters. */
export type AttributeType = 'string' | 'int' | 'boolean';

export interface AttributeSpec<T> {
  /** Attribute name as tools show it (GraphML attr.name, GEXF title). */
  name: string;
  type: AttributeType;
  description: string;
  /** The value, or null to leave the element out for this node or edge. */
  value(item: T): string | number | boolean | null;
}

/**
 * Lists (aliases) travel as a JSON array string, e.g. ["IDF","Tzahal"]: unambiguous even when an
 * alias contains a comma or a semicolon, and `json.loads` / `JSON.parse` gives the list back.
 */
export const LIST_ENCODING_NOTE = 'a JSON array of strings, e.g. ["IDF","Tzahal"] ([] when empty)';

export const NODE_ATTRIBUTES: ReadonlyArray<AttributeSpec<ExportActor>> = [
  { name: 'label', type: 'string', description: 'Display label: the actor name.', value: (a) => a.name },
  { name: 'kind', type: 'string', description: 'Actor kind (Company, Person, MilitaryUnit...).', value: (a) => a.kind },
  { name: 'name', type: 'string', description: 'Actor name.', value: (a) => a.name },
  { name: 'aliases', type: 'string', description: `Other names: ${LIST_ENCODING_NOTE}.`, value: (a) => JSON.stringify(a.aliases) },
  { name: 'description', type: 'string', description: 'One neutral line.', value: (a) => a.description },
  { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 country code.', value: (a) => a.country },
  { name: 'url', type: 'string', description: 'Official website.', value: (a) => a.url },
  { name: 'wikidata', type: 'string', description: 'Wikidata item id.', value: (a) => a.wikidata },
];

export const EDGE_ATTRIBUTES: ReadonlyArray<AttributeSpec<ExportRelationship>> = [
  { name: 'label', type: 'string', description: 'Reading of the type, e.g. "provides services to".', value: (r) => r.label },
  { name: 'type', type: 'string', description: 'Relationship type, e.g. PROVIDES_SERVICES_TO.', value: (r) => r.type },
  { name: 'status', type: 'string', description: 'active, ended, alleged or disputed.', value: (r) => r.status },
  {
    name: 'contested',
    type: 'boolean',
    description: 'True when the status is alleged or disputed: not established fact.',
    value: (r) => r.status === 'alleged' || r.status === 'disputed',
  },
  { name: 'summary', type: 'string', description: 'One neutral line saying who asserts what.', value: (r) => r.summary },
  { name: 'since', type: 'string', description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD).', value: (r) => r.since },
  { name: 'until', type: 'string', description: 'End date (YYYY, YYYY-MM or YYYY-MM-DD).', value: (r) => r.until },
  { name: 'evidenceCount', type: 'int', description: 'How many claims support the relationship.', value: (r) => r.evidenceCount },
];
