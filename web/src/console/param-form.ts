/**
 * Saved queries' parameter forms (pure part): the input each declared type gets, the text a
 * default shows as, and the typed value read back from an input (or why it is not valid).
 */
import type { ParamType, SavedQueryParameter } from './types.js';

export interface InputSpec {
  /** The <input type>. */
  type: 'text' | 'number' | 'checkbox' | 'date';
  /** `step` of a number input. */
  step?: string;
  /** Shown under the field. */
  hint?: string;
}

export function inputSpec(type: ParamType): InputSpec {
  switch (type) {
    case 'integer':
      return { type: 'number', step: '1' };
    case 'float':
      return { type: 'number', step: 'any' };
    case 'boolean':
      return { type: 'checkbox' };
    case 'date':
      return { type: 'date' };
    case 'list<string>':
      return { type: 'text', hint: 'comma-separated' };
    default:
      return { type: 'text' };
  }
}

/** The input's initial text (checkbox: "true"/"false"). */
export function defaultText(param: SavedQueryParameter): string {
  const d = param.default;
  if (d === undefined || d === null) return param.type === 'boolean' ? 'false' : '';
  if (Array.isArray(d)) return d.map(String).join(', ');
  return String(d);
}

export type ReadResult = { ok: true; value: unknown } | { ok: true; omit: true } | { ok: false; message: string };

/**
 * The typed value of an input's text. An empty field is left out (the server applies the
 * default, or says the parameter is required).
 */
export function readParam(param: SavedQueryParameter, text: string): ReadResult {
  const raw = text.trim();
  if (param.type === 'boolean') return { ok: true, value: raw === 'true' };
  if (raw === '') return { ok: true, omit: true };
  switch (param.type) {
    case 'integer': {
      const n = Number(raw);
      return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, message: `${param.name} must be a whole number` };
    }
    case 'float': {
      const n = Number(raw);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `${param.name} must be a number` };
    }
    case 'date':
      return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw) ? { ok: true, value: raw } : { ok: false, message: `${param.name} must be a date (YYYY-MM-DD)` };
    case 'list<string>':
      return { ok: true, value: raw.split(',').map((s) => s.trim()).filter((s) => s !== '') };
    default:
      return { ok: true, value: text };
  }
}

/** Reads every field; the first invalid one stops it. */
export function readParams(params: readonly SavedQueryParameter[], texts: ReadonlyMap<string, string>): { params: Record<string, unknown> } | { error: string } {
  const out: Record<string, unknown> = {};
  for (const param of params) {
    const result = readParam(param, texts.get(param.name) ?? '');
    if (!result.ok) return { error: result.message };
    if ('value' in result) out[param.name] = result.value;
  }
  return { params: out };
}
