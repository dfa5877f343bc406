import { createHash } from 'node:crypto';
import { SLUG_PATTERN } from '../contracts/vocabulary.js';

/** Longest id produced (the vocabulary's slugs allow 120 characters). */
const MAX_ID_LENGTH = 120;
/** Characters of the hash appended to an id whose original spelling is not already a slug. */
const HASH_LENGTH = 8;

export const shortHash = (text: string, length = HASH_LENGTH): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/** Lowercase ASCII slug of any text: diacritics folded, every run of other characters a hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A stable Sightline id (a slug) for an id from another system: `<namespace>-<slug of id>`. When the
 * original is not already a lowercase slug (FtM ids such as `NK-2Tbri3s6Gg…` are case-sensitive),
 * a short hash of the original spelling is appended so two ids that differ only by case or
 * punctuation never collide. The same input always gives the same id, so re-imports MERGE onto the
 * same nodes. With an empty namespace, an id that is already a slug is kept as it is (round trips
 * of Sightline's own exports).
 */
export function namespacedId(namespace: string, original: string): string {
  const isSlug = SLUG_PATTERN.test(original);
  if (namespace === '' && isSlug && original.length <= MAX_ID_LENGTH) return original;
  const prefix = namespace === '' ? '' : `${namespace}-`;
  let slug = slugify(original) || 'x';
  const suffix = isSlug ? '' : `-${shortHash(original)}`;
  const room = MAX_ID_LENGTH - prefix.length - suffix.length;
  if (slug.length > room) slug = `${slug.slice(0, room - HASH_LENGTH - 1).replace(/-+$/, '')}-${shortHash(original)}`;
  return `${prefix}${slug}${suffix}`;
}

/** A stable id for a source: by URL when it has one, else by its title and publisher. */
export function sourceIdFor(url: string | undefined, fallback: string): string {
  return url ? `src-${slugify(new URL(url).hostname).slice(0, 40)}-${shortHash(url, 12)}` : `src-${slugify(fallback).slice(0, 60) || 'x'}-${shortHash(fallback, 12)}`;
}

/** A stable id for the claim of `relationshipId` that cites `sourceId`. */
export const claimIdFor = (relationshipId: string, sourceId: string): string =>
  `${relationshipId.slice(0, 100)}-c-${shortHash(`${relationshipId}\u0000${sourceId}`, 12)}`;
