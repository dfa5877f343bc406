import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import { requireRole } from '../../auth/require-role.js';
import { AppError, notFound } from '../../errors.js';
import { ColumnMapError } from '../../import/csv/column-map.js';
import { detectFormat, inputChecksum, prepareImport } from '../../import/formats.js';
import { IMPORT_DEFAULTS } from '../../import/defaults.js';
import { newJobId, runImport } from '../../import/pipeline.js';
import { parse, parseParams, parseQuery } from '../../middlewares/validate.js';
import { presentActorNode } from '../../presenters/elements.js';
import { presentImportJob } from '../../presenters/import-job.js';
import type { ImportRepository } from '../../repositories/import-repository.js';
import { importFieldsSchema, importJobActorsQuerySchema, importJobParamsSchema } from './schema.js';

/** Defaults of the import routes; one comment per option. */
export const IMPORT_ROUTE_DEFAULTS = {
  /** Largest uploaded file (bytes); over it 413 PAYLOAD_TOO_LARGE. */
  maxBytes: 50 * 1024 * 1024,
  /** How often GET /api/import/:jobId/events reads the job's progress from Neo4j (ms). */
  eventsIntervalMs: 500,
} as const;

export interface ImportRoutesOptions {
  maxBytes?: number | undefined;
  eventsIntervalMs?: number | undefined;
}

/** multer's errors as the API's: 413 over the size limit, 400 for any other malformed upload. */
function uploadErrors(upload: RequestHandler, maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (error?: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') return next(new AppError(413, 'PAYLOAD_TOO_LARGE', `routes/import: the file is larger than ${maxBytes} bytes`, { limit: maxBytes }));
        return next(new AppError(400, 'BAD_REQUEST', `routes/import: ${error.message}${error.field ? ` (${error.field})` : ''}`));
      }
      return next(new AppError(400, 'BAD_REQUEST', 'routes/import: the upload could not be read (multipart/form-data expected)'));
    });
  };
}

/**
 * POST /api/import (editor): multipart upload — `file` (and, for CSV, an optional `relationships`
 * file), fields `format`, `dryRun`, `batchSize`, `namespace`, `map` (CSV column map, JSON). A dry run answers 200 with the report;
 * otherwise the job is created in Neo4j and the answer is 202 { jobId, status, statusUrl, eventsUrl }
 * while the import runs. GET /api/import/:jobId reads the job (progress, counts, the report when
 * done) and GET /api/import/:jobId/events streams it as Server-Sent Events; both read Neo4j, so any
 * app instance answers for a job another one runs.
 */
export function importRoutes(repo: ImportRepository, logger: Logger, options: ImportRoutesOptions = {}): Router {
  const maxBytes = options.maxBytes ?? IMPORT_ROUTE_DEFAULTS.maxBytes;
  const eventsIntervalMs = options.eventsIntervalMs ?? IMPORT_ROUTE_DEFAULTS.eventsIntervalMs;
  const log = logger.child({ module: 'routes/import' });
  const storage = multer.diskStorage({
    destination: (req, _file, cb) => {
      const dir = ((req as Request & { importDir?: string }).importDir ??= join(tmpdir(), `sightline-import-${randomBytes(6).toString('hex')}`));
      mkdir(dir, { recursive: true }).then(() => cb(null, dir), (error: Error) => cb(error, dir));
    },
    filename: (_req, file, cb) => cb(null, basename(file.originalname).replace(/[^\w.-]+/g, '_').slice(0, 100) || 'upload'),
  });
  const upload = multer({ storage, limits: { fileSize: maxBytes, files: 2, fields: 10 } }).fields([
    { name: 'file', maxCount: 1 },
    { name: 'relationships', maxCount: 1 },
  ]);
  const router = Router();

  router.post('/import', requireRole('editor'), uploadErrors(upload, maxBytes), async (req, res) => {
    const dir = (req as Request & { importDir?: string }).importDir;
    let handedOver = false;
    try {
      const fields = parse(importFieldsSchema, req.body ?? {}, 'body');
      const uploaded = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
      const paths = [uploaded.file?.[0]?.path, uploaded.relationships?.[0]?.path].filter((p): p is string => p !== undefined);
      if (!uploaded.file?.[0]) throw new AppError(400, 'VALIDATION_FAILED', 'file: a file part named "file" is required', { field: 'file' });
      const format = fields.format ?? (await detectFormat(paths));
      if (!format) throw new AppError(400, 'VALIDATION_FAILED', 'format: cannot tell the format of the file; give format', { field: 'format' });
      if (paths.length > 1 && format !== 'csv') throw new AppError(400, 'VALIDATION_FAILED', `relationships: a second file is only read with format csv`, { field: 'relationships' });
      if (fields.map && format !== 'csv') throw new AppError(400, 'VALIDATION_FAILED', `map: a column map is only read with format csv (this is ${format})`, { field: 'map' });
      let prepared;
      try {
        prepared = await prepareImport(format, paths, { namespace: fields.namespace, map: fields.map });
      } catch (error) {
        if (error instanceof ColumnMapError) throw new AppError(400, 'VALIDATION_FAILED', `map: ${error.message}`, { field: 'map' });
        throw new AppError(400, 'BAD_REQUEST', `routes/import: ${(error as Error).message}`);
      }
      const files = paths.map((p) => basename(p));
      // The map changes what is written, so it is part of the job's identity (as with the CLI).
      const sha256 = await inputChecksum(paths, { format, namespace: fields.namespace ?? null, map: fields.map ?? null });
      const base = {
        format,
        files,
        sha256,
        batchSize: fields.batchSize ?? IMPORT_DEFAULTS.batchSize,
        ...(prepared.fallbackClaim ? { fallbackClaim: prepared.fallbackClaim } : {}),
      };
      if (fields.dryRun) {
        const report = await runImport(prepared.reader, repo, { ...base, dryRun: true });
        res.status(200).json({ data: report });
        return;
      }
      const jobId = newJobId();
      const now = new Date().toISOString();
      await repo.createJob({
        id: jobId,
        sha256,
        format,
        files,
        batchSize: base.batchSize,
        status: 'queued',
        phase: 'scan',
        lastCommittedBatch: 0,
        totalBatches: 0,
        rowsTotal: 0,
        rowsDone: 0,
        startedAt: now,
        updatedAt: now,
      });
      handedOver = true;
      void runImport(prepared.reader, repo, { ...base, jobId })
        .then((report) => log.info({ jobId, records: report.records, failed: report.failed }, 'import done'))
        .catch((error: Error) => log.warn({ jobId, err: error }, 'import failed'))
        .finally(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));
      res.status(202).json({ data: { jobId, status: 'queued', statusUrl: `/api/import/${jobId}`, eventsUrl: `/api/import/${jobId}/events` } });
    } finally {
      if (!handedOver && dir) await rm(dir, { recursive: true, force: true });
    }
  });

  // Any instance may answer: the request is recorded on the job, and the instance running it stops at its next batch.
  router.post('/import/:jobId/cancel', requireRole('editor'), async (req, res) => {
    const { jobId } = parseParams(importJobParamsSchema, req);
    const job = await repo.requestCancel(jobId);
    if (!job) throw notFound(`import job ${jobId}`);
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new AppError(409, 'IMPORT_JOB_FINISHED', `routes/import: import job ${jobId} has already finished (${job.status})`, { status: job.status });
    }
    res.set('Cache-Control', 'no-store');
    res.status(202).json({ data: presentImportJob(job) });
  });

  router.get('/import/:jobId', async (req, res) => {
    const { jobId } = parseParams(importJobParamsSchema, req);
    const job = await repo.getJob(jobId);
    if (!job) throw notFound(`import job ${jobId}`);
    res.set('Cache-Control', 'no-store');
    res.status(200).json({ data: presentImportJob(job) });
  });

  // The actors a job created (e.g. the web UI's "Show imported actors"); open like every read.
  router.get('/import/:jobId/actors', async (req, res) => {
    const { jobId } = parseParams(importJobParamsSchema, req);
    const { limit } = parseQuery(importJobActorsQuerySchema, req);
    if (!(await repo.getJob(jobId))) throw notFound(`import job ${jobId}`);
    const { total, actors } = await repo.jobActors(jobId, limit);
    res.set('Cache-Control', 'no-store');
    res.status(200).json({ data: { jobId, total, actors: actors.map((a) => ({ ...presentActorNode(a), degree: a.degree })) } });
  });

  router.get('/import/:jobId/events', async (req, res) => {
    const { jobId } = parseParams(importJobParamsSchema, req);
    const first = await repo.getJob(jobId);
    if (!first) throw notFound(`import job ${jobId}`);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    let closed = false;
    req.on('close', () => {
      closed = true;
    });
    let last = '';
    let job = first;
    for (;;) {
      const view = presentImportJob(job);
      const text = JSON.stringify(view);
      if (text !== last) {
        last = text;
        res.write(`event: progress\ndata: ${text}\n\n`);
      }
      if (view.status === 'done' || view.status === 'failed' || view.status === 'cancelled' || closed) break;
      await new Promise((r) => setTimeout(r, eventsIntervalMs));
      const next = await repo.getJob(jobId).catch(() => null);
      if (!next) break;
      job = next;
    }
    if (!closed) {
      res.write(`event: end\ndata: ${JSON.stringify({ status: job.status })}\n\n`);
      res.end();
    }
  });
  return router;
}
