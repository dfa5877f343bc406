import type { RelationshipType } from '../contracts/vocabulary.js';

/**
 * Relationship types that may go from an actor to itself. Every other type is meaningless as a
 * self-loop (a company cannot provide services to, own or boycott itself; a unit is not part of
 * itself), so such a relationship is refused with 400 SELF_LOOP. A media outlet reporting on
 * itself is real (an outlet covering its own ownership or strike).
 */
export const SELF_LOOP_TYPES: ReadonlySet<string> = new Set<RelationshipType>(['REPORTED_ON']);

export function selfLoopAllowed(type: string): boolean {
  return SELF_LOOP_TYPES.has(type);
}
