import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, push, redo, replacePresent, undo } from '../../web/src/graph/history.js';

describe('history (undo/redo)', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory('a');
    h = push(h, 'b');
    h = push(h, 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('a');
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('a change after an undo drops the redo branch', () => {
    let h = push(push(createHistory(1), 2), 3);
    h = undo(h);
    h = push(h, 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('replacePresent makes no undo step', () => {
    const h = replacePresent(push(createHistory('a'), 'b'), 'b2');
    expect(h.present).toBe('b2');
    expect(h.past).toEqual(['a']);
  });

  it('keeps at most `limit` past states', () => {
    let h = createHistory(0, 3);
    for (let i = 1; i <= 10; i++) h = push(h, i);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('never mutates a history it is given', () => {
    const h = push(createHistory('a'), 'b');
    const copy = structuredClone(h);
    undo(h);
    push(h, 'c');
    redo(undo(h));
    expect(h).toEqual(copy);
  });

  it('undoing every push returns to the start, and redoing them all returns to the end (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), (values) => {
        let h = createHistory(-1, 1000);
        for (const v of values) h = push(h, v);
        const end = h.present;
        for (let i = 0; i < values.length; i++) h = undo(h);
        expect(h.present).toBe(-1);
        for (let i = 0; i < values.length; i++) h = redo(h);
        expect(h.present).toBe(end);
      }),
    );
  });
});
