/**
 * Pure helpers of the import dialog's progress line: rates over a sliding window of progress
 * samples (rows written, bytes read), the time left, and how numbers, rates, sizes and durations
 * read. No DOM here (unit tested in tests/unit/import-ui-format.test.ts).
 */

/** Defaults of the progress figures; one comment per option. */
export const PROGRESS_DEFAULTS = {
  /** The rate is measured over the samples of the last this many ms (older ones are dropped). */
  rateWindowMs: 10_000,
  /** Below this much time between the first and last sample the rate is unknown (ms). */
  minSpanMs: 250,
} as const;

/** One reading of a job's progress: how much is done so far (rows written, or bytes read), and when (ms, one clock for all samples). */
export interface ProgressSample {
  at: number;
  done: number;
}

/** Adds `sample` to `samples` (kept in time order), drops those older than the window; returns the new list. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs: number = PROGRESS_DEFAULTS.rateWindowMs): ProgressSample[] {
  const kept = samples.filter((s) => s.at <= sample.at && s.at >= sample.at - windowMs && s.done <= sample.done);
  const last = kept.at(-1);
  if (last && last.at === sample.at) kept[kept.length - 1] = sample;
  else kept.push(sample);
  return kept;
}

/** Units (rows, bytes) per second over the samples, or null when they span too little time to tell. */
export function ratePerSecond(samples: readonly ProgressSample[], minSpanMs: number = PROGRESS_DEFAULTS.minSpanMs): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return null;
  const span = last.at - first.at;
  if (span < minSpanMs) return null;
  return Math.max(0, (last.done - first.done) / (span / 1000));
}

/** Seconds left at `rate` units/s for the units (bytes of the input) not yet done; null when the rate is unknown or zero. */
export function etaSeconds(done: number, total: number, rate: number | null): number | null {
  if (rate === null || rate <= 0 || total <= 0) return null;
  return Math.max(0, total - done) / rate;
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** 12345 → "12,345". */
export const formatCount = (n: number): string => integer.format(Math.round(n));

/** A rate in rows/s: "850 rows/s", "3.2 rows/s" under 10, "—" when unknown. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '— rows/s';
  return `${rate < 10 ? rate.toFixed(1) : formatCount(rate)} rows/s`;
}

/** A size: "950 B", "12.3 kB", "48.0 MB", "1.2 GB" (powers of 1000). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** A duration: "4 s", "2 min 05 s", "1 h 03 min"; "—" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** 0..1 as a whole percentage: "42 %". */
export const formatPercent = (fraction: number): string => `${Math.floor(Math.min(Math.max(fraction, 0), 1) * 100)} %`;

/** The words for a job's phase (server/src/import/pipeline.ts ImportPhase; unknown phases as given). */
export function phaseLabel(phase: string, status: string): string {
  if (status === 'queued') return 'Queued';
  if (status === 'failed') return 'Failed';
  if (status === 'cancelled') return 'Cancelled';
  switch (phase) {
    case 'scan':
      return 'Validating the file';
    case 'actors':
      return 'Writing actors';
    case 'relationships':
      return 'Writing relationships, claims and sources';
    case 'done':
      return 'Done';
    default:
      return phase;
  }
}
