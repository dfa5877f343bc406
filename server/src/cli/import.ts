/**
 * `npm run import -- <file> [<file>] [options]` (or `sightline import …`): imports FollowTheMoney
 * JSON lines, CSV (actors.csv / relationships.csv, or another layout with --map), the boycott
 * companies list, or Cytoscape JSON into the graph. See README ("Importing data").
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../logger.js';
import { loadColumnMap } from '../import/csv/column-map.js';
import { IMPORT_DEFAULTS } from '../import/defaults.js';
import { detectFormat, IMPORT_FORMATS, inputChecksum, prepareImport, type ImportFormat } from '../import/formats.js';
import { runImport } from '../import/pipeline.js';
import { createProgressReporter } from '../import/progress.js';
import { formatReport, type ImportReport } from '../import/report.js';
import { ImportRepository } from '../repositories/import-repository.js';
import { withCliDb } from './auth-connection.js';

export const IMPORT_USAGE = `Usage: npm run import -- <file> [<file>] [options]

  --format <f>       ${IMPORT_FORMATS.join(' | ')} (default: guessed from the file)
  --batch-size <n>   records per write transaction (default ${IMPORT_DEFAULTS.batchSize})
  --dry-run          validate and report; write nothing
  --resume           continue the last unfinished import of the same file after its last committed batch
  --map <file.json>  CSV column mapping (see README)
  --namespace <ns>   id namespace (defaults: ftm "${IMPORT_DEFAULTS.ftmNamespace}", boycott-csv "${IMPORT_DEFAULTS.boycottNamespace}", csv and cyjs none)
  --json             print the report as JSON
  -h, --help         this text

Neo4j: NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD), else the embedded one of SIGHTLINE_DATA_DIR
(the running one when npm start is up, otherwise started for the import).`;

export async function importCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'batch-size': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        resume: { type: 'boolean', default: false },
        map: { type: 'string' },
        namespace: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    (values.help ? console.log : console.error)(IMPORT_USAGE);
    return values.help ? 0 : 2;
  }
  const files = positionals.map((p) => resolve(p));
  const batchSize = values['batch-size'] === undefined ? IMPORT_DEFAULTS.batchSize : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error(`--batch-size must be a positive integer, not "${values['batch-size']}"`);
    return 2;
  }
  let format = values.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    console.error(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    return 2;
  }
  try {
    format ??= await detectFormat(files);
  } catch (error) {
    console.error(`cannot read ${positionals[0]}: ${(error as Error).message}`);
    return 2;
  }
  if (!format) {
    console.error(`cannot tell the format of ${positionals[0]}; pass --format (${IMPORT_FORMATS.join(', ')})`);
    return 2;
  }
  if (values.map && format !== 'csv') {
    console.error(`--map is only read with format csv (this is ${format})`);
    return 2;
  }
  let map, prepared;
  try {
    map = values.map ? await loadColumnMap(resolve(values.map)) : undefined;
    prepared = await prepareImport(format, files, { namespace: values.namespace, map });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const sha256 = await inputChecksum(files, { format, namespace: values.namespace ?? null, map: map ?? null });
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const progress = createProgressReporter(process.stdout);
  // Ctrl-C asks the job to stop after the batch being written (it ends cancelled, resumable); a second one quits at once.
  const interrupt = new AbortController();
  const onInterrupt = (): void => {
    if (interrupt.signal.aborted || values['dry-run']) process.exit(130);
    interrupt.abort();
    process.stderr.write('\nstopping after the batch being written (Ctrl-C again to quit at once, the job stays resumable)\n');
  };
  process.on('SIGINT', onInterrupt);
  const resumeHint = `resume with: npm run import -- ${positionals.join(' ')} --resume --batch-size ${batchSize}`;
  let report: ImportReport;
  try {
    report = await withCliDb(logger, (db) =>
      runImport(prepared.reader, new ImportRepository(db), {
        format,
        files: files.map((f) => f.split('/').pop() as string),
        sha256,
        batchSize,
        dryRun: values['dry-run'],
        resume: values.resume,
        ...(prepared.fallbackClaim ? { fallbackClaim: prepared.fallbackClaim } : {}),
        onProgress: (p) => progress.update(p),
        signal: interrupt.signal,
      }),
    );
  } catch (error) {
    progress.stop();
    const partial = (error as { report?: ImportReport }).report;
    if (partial) console.error(values.json ? JSON.stringify(partial, null, 2) : formatReport(partial));
    console.error(`import failed: ${(error as Error).message}${partial?.jobId ? `\n${resumeHint}` : ''}`);
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  progress.stop();
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.status === 'cancelled') {
    console.error(`import cancelled after batch ${report.batches.resumedAfter + report.batches.committed}: whole batches only were written\n${resumeHint}`);
    return 130;
  }
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) process.exitCode = await importCommand(process.argv.slice(2));
