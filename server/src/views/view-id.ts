/**
 * View ids: 16 base62 characters from the operating system's CSPRNG, about 95 bits, so a view
 * cannot be found by guessing; short enough for a URL. Ids are never reused (a new version gets a
 * new id) and the :View id uniqueness constraint refuses a collision.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const VIEW_ID_LENGTH = 16;
export const VIEW_ID_PATTERN = /^[0-9A-Za-z]{16}$/;
/** Bits of entropy of an id: 16 × log2(62). */
export const VIEW_ID_BITS = VIEW_ID_LENGTH * Math.log2(ALPHABET.length);

/** A fresh random id; bytes ≥ 248 are dropped (rejection sampling) so every character is equally likely. */
export function newViewId(): string {
  let id = '';
  while (id.length < VIEW_ID_LENGTH) {
    for (const byte of randomBytes(VIEW_ID_LENGTH * 2)) {
      if (byte >= 248) continue; // 248 = 4 × 62
      id += ALPHABET[byte % 62];
      if (id.length === VIEW_ID_LENGTH) break;
    }
  }
  return id;
}
