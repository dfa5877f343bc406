import { SLUG_PATTERN } from '../contracts/vocabulary.js';

/** Longest slug made from a name (ids may be up to 120 characters; room is left for suffixes). */
export const SLUG_MAX_LENGTH = 80;

/**
 * A lowercase ASCII slug of a name, the pattern of every Sightline id (`Unit 8200` → `unit-8200`,
 * `Zoë Ltd.` → `zoe-ltd`): diacritics folded (NFKD, marks dropped), any run of other characters
 * becomes one hyphen, cut at a hyphen so as not to end mid-word. `fallback` when nothing is left
 * (a name in a non-Latin script).
 */
export function slugify(text: string, fallback: string, maxLength = SLUG_MAX_LENGTH): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = folded;
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    const lastHyphen = cut.lastIndexOf('-');
    slug = (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
  }
  return SLUG_PATTERN.test(slug) ? slug : fallback;
}

/** `base`, or `base-2`, `base-3`… : the candidates tried in order until one is free. */
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}

/** The id of a new relationship: `<subject>-<type words>-<object>`, like the seed's ids. */
export function relationshipSlug(subjectId: string, type: string, objectId: string): string {
  return slugify(`${subjectId} ${type.replaceAll('_', ' ')} ${objectId}`, 'relationship', 110);
}
