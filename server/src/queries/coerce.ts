/**
 * Parameters of a saved-query run, checked and converted to the declared types: integer → Neo4j
 * integer (accepted as a number or a string of digits), float → number, boolean (or "true" /
 * "false"), date → a partial ISO date string (2025, 2025-04, 2025-04-10, as the graph stores them),
 * list<string> → array of strings (or one comma-separated string), string → string. A missing
 * parameter takes its default; an unknown one, a missing one without default or a wrong type is a
 * 400 VALIDATION_FAILED naming `params.<name>`.
 */
import neo4j from 'neo4j-driver';
import { AppError } from '../errors.js';
import { PARTIAL_DATE, type SavedQuery, type SavedQueryParameter } from './header.js';

const invalid = (name: string, message: string): AppError =>
  new AppError(400, 'VALIDATION_FAILED', `params.${name}: ${message}`, { field: `params.${name}` });

function coerceOne(p: SavedQueryParameter, value: unknown): unknown {
  switch (p.type) {
    case 'string':
      if (typeof value !== 'string') throw invalid(p.name, 'must be a string');
      return value;
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw invalid(p.name, 'must be an integer');
      return neo4j.int(n);
    }
    case 'float': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(p.name, 'must be a number');
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalid(p.name, 'must be true or false');
    case 'date':
      if (typeof value !== 'string' || !PARTIAL_DATE.test(value.trim())) throw invalid(p.name, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
      return value.trim();
    case 'list<string>': {
      const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) throw invalid(p.name, 'must be a list of strings');
      return list;
    }
  }
}

/** Driver parameters for a run of `query` with the client's `params`. */
export function coerceParams(query: SavedQuery, params: Record<string, unknown>): Record<string, unknown> {
  const declared = new Map(query.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(params)) {
    if (!declared.has(name)) {
      const known = query.parameters.map((p) => p.name).join(', ') || 'none';
      throw invalid(name, `unknown parameter; this query takes: ${known}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const p of query.parameters) {
    const given = params[p.name];
    if (given === undefined || given === null) {
      if (!('default' in p)) throw invalid(p.name, 'is required (it has no default)');
      out[p.name] = coerceOne(p, p.default);
    } else {
      out[p.name] = coerceOne(p, given);
    }
  }
  return out;
}
