import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { readCypherFolder } from '../db/cypher-file.js';
import { CYPHER_DIR } from '../paths.js';

export interface MigrationOptions {
  database?: string;
  /** Folder of .cypher files; defaults to cypher/schema or cypher/seed. */
  dir?: string;
  /** Seed only: re-apply files even when their recorded content hash is unchanged. */
  force?: boolean;
}

/** Records which seed file was applied with which content: (:SeedFile {name, sha256, appliedAt}). */
const SEED_FILE_HASH = 'MATCH (f:SeedFile {name: $name}) RETURN f.sha256 AS sha256';
const RECORD_SEED_FILE = `
  MERGE (f:SeedFile {name: $name})
  SET f.appliedAt = CASE WHEN f.sha256 = $sha256 THEN f.appliedAt ELSE toString(datetime()) END
  SET f.sha256 = $sha256`;

export interface MigrationReport {
  files: number;
  statements: number;
  /** Seed files left alone because they were already applied with the same content. */
  skipped?: number;
}

/**
 * Applies cypher/schema/*.cypher: constraints and indexes, every statement idempotent
 * (IF NOT EXISTS). Schema statements each run on their own (Neo4j does not mix schema and data
 * changes in one transaction); then it waits for the indexes to come online.
 */
export async function applySchema(driver: Driver, options: MigrationOptions = {}): Promise<MigrationReport> {
  const files = await readCypherFolder(options.dir ?? join(CYPHER_DIR, 'schema'));
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  let statements = 0;
  try {
    for (const { file, statements: list } of files) {
      for (const statement of list) {
        try {
          await session.run(statement);
        } catch (error) {
          throw new MigrationError(file, statement, error);
        }
        statements += 1;
      }
    }
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: 120 });
  } finally {
    await session.close();
  }
  return { files: files.length, statements };
}

/**
 * Applies cypher/seed/*.cypher, one write transaction per file. Seed files only MERGE and set
 * properties ON CREATE, so re-running creates nothing and never overwrites later edits. A file
 * already applied with the same content (its sha256 is recorded on a :SeedFile node in the same
 * transaction) is skipped, so a warm start plans no seed statements at all.
 */
export async function applySeed(driver: Driver, options: MigrationOptions = {}): Promise<MigrationReport> {
  const files = await readCypherFolder(options.dir ?? join(CYPHER_DIR, 'seed'));
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  let statements = 0;
  let skipped = 0;
  try {
    for (const { file, statements: list } of files) {
      const name = basename(file);
      const sha256 = createHash('sha256').update(await readFile(file)).digest('hex');
      if (!options.force) {
        const recorded = await session.executeRead((tx) => tx.run(SEED_FILE_HASH, { name }));
        if (recorded.records[0]?.get('sha256') === sha256) {
          skipped += 1;
          continue;
        }
      }
      await session.executeWrite(async (tx) => {
        for (const statement of list) {
          try {
            await tx.run(statement);
          } catch (error) {
            throw new MigrationError(file, statement, error);
          }
        }
        await tx.run(RECORD_SEED_FILE, { name, sha256 });
      });
      statements += list.length;
    }
  } finally {
    await session.close();
  }
  return { files: files.length, statements, skipped };
}

export class MigrationError extends Error {
  constructor(file: string, statement: string, cause: unknown) {
    const first = statement.split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? statement;
    super(`sightline/migrations: ${file}: statement "${first.trim().slice(0, 120)}" failed: ${(cause as Error).message}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}
