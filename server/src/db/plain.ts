import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';

/**
 * Converts what Neo4j returns into plain JSON values, at one boundary: Integers become numbers,
 * temporal values ISO strings, nodes { labels, properties }, relationships { type, properties,
 * start, end } (element ids), paths a list of segments. Everything else passes through.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  // Cypher maps arrive as plain objects: skip the driver's type checks below (the hot path: the
  // neighbourhood's rows are lists of maps).
  if (Object.getPrototypeOf(value) === Object.prototype) return toPlainObject(value as Record<string, unknown>);
  if (
    isDate(value as never) ||
    isDateTime(value as never) ||
    isLocalDateTime(value as never) ||
    isTime(value as never) ||
    isLocalTime(value as never) ||
    isDuration(value as never)
  ) {
    return String(value);
  }
  if (isNode(value as never)) {
    const node = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: node.elementId, labels: node.labels, properties: toPlainObject(node.properties) };
  }
  if (isRelationship(value as never)) {
    const rel = value as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      elementId: rel.elementId,
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      properties: toPlainObject(rel.properties),
    };
  }
  if (isPath(value as never)) {
    const path = value as unknown as { segments: Array<{ start: unknown; relationship: unknown; end: unknown }> };
    return path.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) }));
  }
  return toPlainObject(value as Record<string, unknown>);
}

export function toPlainObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) out[key] = toPlain(value[key]);
  }
  return out;
}
