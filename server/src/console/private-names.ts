/**
 * The names the console keeps to itself: write access control's labels (PRIVATE_LABELS) and the
 * property keys only those nodes have (PRIVATE_PROPERTY_KEYS). Queries naming such a label are
 * refused (lexical-check.ts), GET /api/console/schema leaves them out, and such nodes are redacted
 * from results (elements.ts, values.ts).
 */
import { PRIVATE_LABELS, PRIVATE_PROPERTY_KEYS } from '../contracts/vocabulary.js';

const LABELS = new Set<string>(PRIVATE_LABELS);
const KEYS = new Set<string>(PRIVATE_PROPERTY_KEYS);

/** True for a label of write access control (exact: Neo4j labels are case-sensitive). */
export const isPrivateLabel = (name: string): boolean => LABELS.has(name);

/** True for a property key only write access control's nodes have. */
export const isPrivatePropertyKey = (name: string): boolean => KEYS.has(name);
