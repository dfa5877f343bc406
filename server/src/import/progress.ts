import cliProgress from 'cli-progress';
import type { ImportProgress } from './pipeline.js';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  scan: 'validating',
  actors: 'actors',
  relationships: 'relationships',
  done: 'done',
};

/** The share of the input read, "37 %" (floored, so 100 % only when all is read); '' when the size is unknown. */
export function percentRead(p: Pick<ImportProgress, 'bytesRead' | 'totalBytes'>): string {
  if (p.totalBytes <= 0) return '';
  return `${Math.floor(Math.min(Math.max(p.bytesRead / p.totalBytes, 0), 1) * 100)} %`;
}

/**
 * One plain line of progress (piped output: logs, and the kill-and-resume test, read them). The
 * rows to write are known only at the end, so the share done is the share of the input read.
 */
export function progressLine(p: ImportProgress): string {
  const share = percentRead(p);
  const ofInput = share ? `, ${share} of the input read` : '';
  if (p.phase === 'scan') return `[import] validating: ${p.done} records read${ofInput}`;
  if (p.phase === 'done') return `[import] done: ${p.totalBatches} batches`;
  return `[import] ${p.phase}: ${p.done} rows, batch ${p.batch} committed (${p.read} records read${ofInput})`;
}

/**
 * Terminal progress of an import: in a TTY, one cli-progress bar over the bytes of the input both
 * passes read (its percentage and ETA), with the phase, rows written, rows/s and the batch; otherwise
 * one progressLine per committed batch and every 10,000 records read.
 */
export function createProgressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) {
    return {
      update: (p) => void stream.write(`${progressLine(p)}\n`),
      stop() {},
    };
  }
  let bar: cliProgress.SingleBar | undefined;
  let phase: ImportProgress['phase'] | undefined;
  let phaseStart = Date.now();
  let phaseStartRows = 0;
  return {
    update(p) {
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStart = Date.now();
        phaseStartRows = p.done;
      }
      if (!bar) {
        if (p.totalBytes <= 0) return;
        bar = new cliProgress.SingleBar(
          {
            format: '{phase} |{bar}| {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted} | batch {batch}',
            stream,
            etaBuffer: 20,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.totalBytes, 0, { phase: '', rows: 0, speed: '0', batch: 0 });
      }
      const seconds = Math.max((Date.now() - phaseStart) / 1000, 0.001);
      bar.update(p.bytesRead, {
        phase: PHASE_LABELS[p.phase].padEnd(13),
        rows: p.done,
        speed: Math.round((p.done - phaseStartRows) / seconds).toString(),
        batch: p.totalBatches > 0 ? `${p.batch}/${p.totalBatches}` : p.batch,
      });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
