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
  rowsTotal: number;
  /** 0..1 over the rows to write (actors, then relationships). */
  fraction: number;
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

/** Fields: id, status, phase, format, files, batchSize, lastCommittedBatch, totalBatches, rowsDone, rowsTotal, fraction, startedAt, updatedAt, finishedAt, created, report, error. */
export function presentImportJob(job: ImportJobRecord): ImportJobView {
  const rowsTotal = Number(job.rowsTotal ?? 0);
  const rowsDone = Number(job.rowsDone ?? 0);
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
    fraction: job.status === 'done' ? 1 : rowsTotal > 0 ? Math.min(rowsDone / rowsTotal, 1) : 0,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt ?? null,
    created: json(job.created),
    report: json(job.report),
    error: job.error ? job.error : null,
  };
}
