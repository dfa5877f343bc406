import { describe, expect, it } from 'vitest';
import { addSample, etaSeconds, formatBytes, formatCount, formatDuration, formatPercent, formatRate, phaseLabel, ratePerSecond, type ProgressSample } from '../../web/src/ui/import/format.js';

describe('import dialog progress figures (web/src/ui/import/format.ts)', () => {
  it('measures the rate (rows or bytes per second) over the samples of the window, dropping older ones', () => {
    let samples: ProgressSample[] = [];
    samples = addSample(samples, { at: 0, done: 0 }, 10_000);
    expect(ratePerSecond(samples)).toBeNull();
    samples = addSample(samples, { at: 2_000, done: 1_000 }, 10_000);
    expect(ratePerSecond(samples)).toBe(500);
    samples = addSample(samples, { at: 12_000, done: 11_000 }, 10_000);
    // the sample at 0 is out of the 10 s window: (11000 - 1000) / 10 s
    expect(samples.map((s) => s.at)).toEqual([2_000, 12_000]);
    expect(ratePerSecond(samples)).toBe(1_000);
  });

  it('replaces a sample of the same time and forgets samples with more done than the new one (a restart)', () => {
    let samples = addSample([], { at: 1_000, done: 10 });
    samples = addSample(samples, { at: 1_000, done: 20 });
    expect(samples).toEqual([{ at: 1_000, done: 20 }]);
    samples = addSample(samples, { at: 2_000, done: 5 });
    expect(samples).toEqual([{ at: 2_000, done: 5 }]);
  });

  it('has no rate over too short a span', () => {
    expect(ratePerSecond([{ at: 0, done: 0 }, { at: 100, done: 50 }])).toBeNull();
    expect(ratePerSecond([{ at: 0, done: 0 }, { at: 100, done: 50 }], 50)).toBe(500);
    expect(ratePerSecond([])).toBeNull();
  });

  it('estimates the time left from the rate, or not at all', () => {
    expect(etaSeconds(1_000, 6_000, 500)).toBe(10);
    expect(etaSeconds(6_000, 6_000, 500)).toBe(0);
    expect(etaSeconds(7_000, 6_000, 500)).toBe(0);
    expect(etaSeconds(0, 6_000, null)).toBeNull();
    expect(etaSeconds(0, 6_000, 0)).toBeNull();
    expect(etaSeconds(0, 0, 10)).toBeNull();
  });

  it('formats counts, rates, durations and fractions for people', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatRate(8502.6)).toBe('8,503 rows/s');
    expect(formatRate(3.24)).toBe('3.2 rows/s');
    expect(formatRate(null)).toBe('— rows/s');
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3_780)).toBe('1 h 03 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
    expect(formatPercent(0.426)).toBe('42 %');
    expect(formatPercent(1.2)).toBe('100 %');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(950)).toBe('950 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(48_000_000)).toBe('48.0 MB');
    expect(formatBytes(1_234_567_890)).toBe('1.2 GB');
  });

  it('names the phases', () => {
    expect(phaseLabel('scan', 'queued')).toBe('Queued');
    expect(phaseLabel('scan', 'running')).toBe('Validating the file');
    expect(phaseLabel('relationships', 'running')).toBe('Writing relationships, claims and sources');
    expect(phaseLabel('actors', 'failed')).toBe('Failed');
    expect(phaseLabel('relationships', 'cancelled')).toBe('Cancelled');
    expect(phaseLabel('something-new', 'running')).toBe('something-new');
  });
});
