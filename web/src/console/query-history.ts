/**
 * The query history: newest first, at most CONSOLE_DEFAULTS.historyLimit entries, kept in
 * localStorage. Pure list operations plus a tolerant load (anything malformed is dropped).
 */
import { CONSOLE_DEFAULTS } from './defaults.js';

export interface HistoryEntry {
  /** The editor text as run (including any :param lines). */
  query: string;
  /** When it ran (ISO). */
  at: string;
}

/** Adds a run at the front; an identical earlier query moves to the front instead of repeating. */
export function pushHistory(list: readonly HistoryEntry[], entry: HistoryEntry, limit: number = CONSOLE_DEFAULTS.historyLimit): HistoryEntry[] {
  if (entry.query.trim() === '') return [...list];
  return [entry, ...list.filter((e) => e.query !== entry.query)].slice(0, limit);
}

/**
 * Ctrl+Up / Ctrl+Down: `index` -1 is the draft being typed, 0 the newest entry. Up goes back in
 * time (towards older entries), down forward; the ends are sticky.
 */
export function stepHistory(index: number, direction: 'older' | 'newer', length: number): number {
  if (direction === 'older') return Math.min(length - 1, index + 1);
  return Math.max(-1, index - 1);
}

export function loadHistory(storage: Pick<Storage, 'getItem'>, key: string = CONSOLE_DEFAULTS.historyKey): HistoryEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((e): e is HistoryEntry => typeof e === 'object' && e !== null && typeof e.query === 'string' && typeof e.at === 'string')
    .slice(0, CONSOLE_DEFAULTS.historyLimit);
}

export function saveHistory(storage: Pick<Storage, 'setItem'>, list: readonly HistoryEntry[], key: string = CONSOLE_DEFAULTS.historyKey): void {
  try {
    storage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled (private mode): history is a convenience, the console works without it.
  }
}
