/**
 * Undo/redo as a pure value: every graph change pushes a new present, undo and redo move along
 * the timeline, and a change after an undo drops the redo branch. Functions return new histories
 * and never mutate their input.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Most past states kept (the oldest are dropped). */
  readonly limit: number;
}

export function createHistory<T>(initial: T, limit = 100): History<T> {
  return { past: [], present: initial, future: [], limit: Math.max(1, limit) };
}

/** A new present; the old one becomes undoable, the redo branch is discarded. */
export function push<T>(h: History<T>, next: T): History<T> {
  if (Object.is(next, h.present)) return h;
  const past = [...h.past, h.present];
  return { past: past.slice(Math.max(0, past.length - h.limit)), present: next, future: [], limit: h.limit };
}

/** Replaces the present without making an undo step (e.g. positions recorded after a layout). */
export function replacePresent<T>(h: History<T>, next: T): History<T> {
  return { ...h, present: next };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  const previous = h.past[h.past.length - 1] as T;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], limit: h.limit };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future as [T, ...T[]];
  return { past: [...h.past, h.present], present: next, future: rest, limit: h.limit };
}
