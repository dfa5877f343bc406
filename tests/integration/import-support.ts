import type { Driver } from 'neo4j-driver';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { prepareImport, inputChecksum, type ImportFormat } from '../../server/src/import/formats.js';
import { runImport, type ImportRunOptions } from '../../server/src/import/pipeline.js';
import type { ImportReport } from '../../server/src/import/report.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';

/** Runs the real importer (readers, pipeline, repository) in-process against the suite's Neo4j. */
export async function importFiles(
  driver: Driver,
  database: string,
  format: ImportFormat,
  paths: string[],
  options: Partial<ImportRunOptions> & { namespace?: string } = {},
): Promise<ImportReport> {
  const { namespace, ...rest } = options;
  const prepared = await prepareImport(format, paths, { namespace });
  const sha256 = await inputChecksum(paths, { format, namespace: namespace ?? null, map: null });
  return runImport(prepared.reader, new ImportRepository(new GraphDb(driver, { database })), {
    format,
    files: paths.map((p) => p.split('/').pop() as string),
    sha256,
    ...(prepared.fallbackClaim ? { fallbackClaim: prepared.fallbackClaim } : {}),
    ...rest,
  });
}

async function scalar(driver: Driver, database: string, cypher: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const { records } = await driver.executeQuery(cypher, params, { database, routing: 'READ' });
  return records[0]?.get(0);
}

export const count = async (driver: Driver, database: string, cypher: string, params: Record<string, unknown> = {}): Promise<number> =>
  Number(await scalar(driver, database, cypher, params));

/** Source ids present now (the seed's), so cleanup removes only sources the test's imports created. */
export async function sourceIds(driver: Driver, database: string): Promise<string[]> {
  return (await scalar(driver, database, 'MATCH (s:Source) RETURN collect(s.id)')) as string[];
}

/**
 * Deletes what imports created: actors and claims stamped with an importJob (relationships go with
 * their actors), every ImportJob node, and the sources not in `keepSources`.
 */
export async function deleteImported(driver: Driver, database: string, keepSources: readonly string[]): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE (n:Actor OR n:Claim) AND n.importJob IS NOT NULL DETACH DELETE n', {}, { database });
  await driver.executeQuery('MATCH (j:ImportJob) DETACH DELETE j', {}, { database });
  await driver.executeQuery('MATCH (s:Source) WHERE NOT s.id IN $keep DETACH DELETE s', { keep: [...keepSources] }, { database });
}
