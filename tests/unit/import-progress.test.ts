import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../server/src/import/pipeline.js';
import { percentRead, progressLine } from '../../server/src/import/progress.js';

const at = (p: Partial<ImportProgress>): ImportProgress => ({ phase: 'relationships', done: 0, read: 0, batch: 0, totalBatches: 0, bytesRead: 0, totalBytes: 0, ...p });

describe('CLI import progress lines (server/src/import/progress.ts)', () => {
  it('gives the share of the input read, floored, and nothing when the size is unknown', () => {
    expect(percentRead({ bytesRead: 0, totalBytes: 1_000 })).toBe('0 %');
    expect(percentRead({ bytesRead: 999, totalBytes: 1_000 })).toBe('99 %');
    expect(percentRead({ bytesRead: 1_000, totalBytes: 1_000 })).toBe('100 %');
    expect(percentRead({ bytesRead: 5, totalBytes: 0 })).toBe('');
  });

  it('prints rows and the committed batch per phase (what logs and the kill-and-resume test read)', () => {
    expect(progressLine(at({ phase: 'relationships', done: 300, batch: 5, read: 450, bytesRead: 420, totalBytes: 1_000 }))).toBe(
      '[import] relationships: 300 rows, batch 5 committed (450 records read, 42 % of the input read)',
    );
    expect(progressLine(at({ phase: 'actors', done: 100, batch: 1, read: 100 }))).toBe('[import] actors: 100 rows, batch 1 committed (100 records read)');
    expect(progressLine(at({ phase: 'scan', done: 20_000, read: 20_000, bytesRead: 1, totalBytes: 4 }))).toBe('[import] validating: 20000 records read, 25 % of the input read');
    expect(progressLine(at({ phase: 'done', batch: 26, totalBatches: 26 }))).toBe('[import] done: 26 batches');
  });
});
