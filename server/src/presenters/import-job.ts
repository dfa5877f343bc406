import type { ImportJobRecord } from '../repositories/import-repository.js';

export interface ImportJobView {
  id: string;
  status: ImportJobRecord['status'];
  phase: string;
  format: string;
  files: string[];
  batchSize: number;
  lastCommittedBatch: number;
  totalBatches: number;
  rowsDone: number;
  /** Rows to write: known once the job is done (each pass counts the rows as it reads them). */
  rowsTotal: number;
  /** Bytes of the input read so far (both passes), of `bytesTotal`. */
  bytesRead: number;
  bytesTotal: number;
  /** 0..1 by bytes read (1 once done). */
  fraction: number;
  /** When a cancel was asked for, or null. */
  cancelRequested: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  created: { actors: number; relationships: number; claims: number; sources: number } | null;
  /** The final report (issues capped at 100), once done. */
  report: unknown;
  error: string | null;
}

const json = (text: unknown): any => {
  if (typeof text !== 'string' || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Fields: id, status, phase, format, files, batchSize, lastCommittedBatch, totalBatches, rowsDone, rowsTotal, bytesRead, bytesTotal, fraction, cancelRequested, startedAt, updatedAt, finishedAt, created, report, error. */
export function presentImportJob(job: ImportJobRecord): ImportJobView {
  const rowsTotal = Number(job.rowsTotal ?? 0);
  const rowsDone = Number(job.rowsDone ?? 0);
  const bytesRead = Number(job.bytesRead ?? 0);
  const bytesTotal = Number(job.bytesTotal ?? 0);
  return {
    id: job.id,
    status: job.status,
    phase: job.phase ?? 'scan',
    format: job.format,
    files: job.files ?? [],
    batchSize: Number(job.batchSize),
    lastCommittedBatch: Number(job.lastCommittedBatch ?? 0),
    totalBatches: Number(job.totalBatches ?? 0),
    rowsDone,
    rowsTotal,
    bytesRead,
    bytesTotal,
    fraction: job.status === 'done' ? 1 : bytesTotal > 0 ? Math.min(bytesRead / bytesTotal, 1) : 0,
    cancelRequested: job.cancelRequested ?? null,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt ?? null,
    created: json(job.created),
    report: json(job.report),
    error: job.error ? job.error : null,
  };
}
