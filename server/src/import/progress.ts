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

/**
 * Terminal progress of an import: a cli-progress bar (rows/s, ETA) per phase when the stream is a
 * TTY and the phase's total is known, else a one-line counter; otherwise one plain line per committed
 * batch (and every 10,000 records read), which logs and the kill-and-resume test read. Totals are
 * not known while the first pass reads the input (`?`).
 */
export function createProgressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) {
    return {
      update(p) {
        if (p.phase === 'scan') stream.write(`[import] validating: ${p.done} records read\n`);
        else if (p.phase === 'done') stream.write(`[import] done: ${p.totalBatches} batches\n`);
        else stream.write(`[import] ${p.phase}: ${p.done}/${p.total || '?'} rows, batch ${p.batch}/${p.totalBatches || '?'} committed${p.read ? ` (${p.read} records read)` : ''}\n`);
      },
      stop() {},
    };
  }
  let bar: cliProgress.SingleBar | undefined;
  let phase: ImportProgress['phase'] | undefined;
  let phaseStart = Date.now();
  let resumedRows = 0;
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(p) {
      if (p.phase !== phase) {
        if (!bar && phase !== undefined) stream.write('\n'); // ends the previous phase's one-line counter
        stopBar();
        phase = p.phase;
        phaseStart = Date.now();
        resumedRows = 0;
        if ((p.phase === 'actors' || p.phase === 'relationships') && p.total > 0) {
          bar = new cliProgress.SingleBar(
            {
              format: `${PHASE_LABELS[p.phase].padEnd(13)} |{bar}| {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted} | batch {batch}/{batches}`,
              stream,
              etaBuffer: 20,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, 0, { speed: '0', batch: 0, batches: p.totalBatches });
          resumedRows = 0;
        }
      }
      if (!bar) {
        if (p.phase === 'scan') stream.write(`\rvalidating: ${p.done} records read`);
        else {
          const rate = Math.round(p.done / Math.max((Date.now() - phaseStart) / 1000, 0.001));
          stream.write(`\r${PHASE_LABELS[p.phase]}: ${p.done} rows (${rate} rows/s), batch ${p.batch} committed, ${p.read ?? 0} records read and validated`);
        }
        return;
      }
      const seconds = Math.max((Date.now() - phaseStart) / 1000, 0.001);
      bar.update(p.done, { speed: Math.round((p.done - resumedRows) / seconds).toString(), batch: p.batch, batches: p.totalBatches });
    },
    stop: stopBar,
  };
}
