/**
 * Values of console rows as plain JSON, per the console contract:
 *   node → { "@node": { id, elementId, labels, properties } }
 *   relationship → { "@relationship": { id, elementId, type, start, end, properties } }
 *   path → { "@path": { nodes: [{ id, elementId, labels, properties }…], relationships: [{ id, … }…] } }
 *   integers → numbers (strings outside the safe range), temporal values → ISO strings (via
 *   db/plain.ts), points → their text form, byte arrays → base64.
 * `id`, `start` and `end` are the ids the graph elements use (the `id` property, else the element
 * id), so a row and the graph point at the same things. Every node and relationship met is handed
 * to the ElementCollector.
 * A node of write access control (PRIVATE_LABELS) is redacted to
 *   { "@node": { id: "[private]", labels, properties: {} } }
 * wherever it appears (rows, lists, maps, paths); relationships point at it as "[private]".
 */
import neo4j, { isNode, isPath, isPoint, isRelationship } from 'neo4j-driver';
import { toPlain } from '../db/plain.js';
import { type ElementCollector, isPrivateNode, PRIVATE_ID, type RawNode, type RawRelationship } from './elements.js';

/** A relationship value whose start/end are set once every endpoint is known (see patchEndpoints). */
interface PendingRelationship {
  value: { start: string; end: string };
  startElementId: string;
  endElementId: string;
}

export class ValueConverter {
  private readonly pending: PendingRelationship[] = [];

  constructor(private readonly elements: ElementCollector) {}

  convert(value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (neo4j.isInt(value)) {
      const i = value as unknown as { inSafeRange(): boolean; toNumber(): number; toString(): string };
      return i.inSafeRange() ? i.toNumber() : i.toString();
    }
    if (Array.isArray(value)) return value.map((v) => this.convert(v));
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    if (isNode(value as never)) return { '@node': this.node(value as unknown as RawNode) };
    if (isRelationship(value as never)) return { '@relationship': this.relationship(value as unknown as RawRelationship) };
    if (isPath(value as never)) {
      const path = value as unknown as { start: RawNode; segments: Array<{ relationship: RawRelationship; end: RawNode }> };
      return {
        '@path': {
          nodes: [path.start, ...path.segments.map((s) => s.end)].map((n) => this.node(n)),
          relationships: path.segments.map((s) => this.relationship(s.relationship)),
        },
      };
    }
    if (isPoint(value as never)) return String(value);
    const plain = toPlain(value);
    if (plain !== value && typeof plain !== 'object') return plain; // temporal → ISO string
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = this.convert(v);
    return out;
  }

  private node(n: RawNode) {
    const id = this.elements.addNode(n);
    if (isPrivateNode(n.labels)) return { id: PRIVATE_ID, labels: [...n.labels], properties: {} };
    return { id, elementId: n.elementId, labels: n.labels, properties: this.convert(n.properties) };
  }

  private relationship(r: RawRelationship) {
    const id = this.elements.addRelationship(r);
    const value = {
      id,
      elementId: r.elementId,
      type: r.type,
      start: r.startNodeElementId,
      end: r.endNodeElementId,
      properties: this.convert(r.properties),
    };
    this.pending.push({ value, startElementId: r.startNodeElementId, endElementId: r.endNodeElementId });
    return value;
  }

  /** Sets every relationship's start/end to its endpoints' ids, once all nodes are collected. */
  patchEndpoints(): void {
    for (const p of this.pending) {
      p.value.start = this.elements.nodeDataId(p.startElementId);
      p.value.end = this.elements.nodeDataId(p.endElementId);
    }
  }
}
