import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { readCypherFolder } from '../db/cypher-file.js';
import { CYPHER_DIR } from '../paths.js';

export interface MigrationOptions {
  database?: string;
  /** Folder of .cypher files; defaults to cypher/schema or cypher/seed. */
  dir?: string;
}

export interface MigrationReport {
  files: number;
  statements: number;
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
 * properties ON CREATE, so re-running creates nothing and never overwrites later edits.
 */
export async function applySeed(driver: Driver, options: MigrationOptions = {}): Promise<MigrationReport> {
  const files = await readCypherFolder(options.dir ?? join(CYPHER_DIR, 'seed'));
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  let statements = 0;
  try {
    for (const { file, statements: list } of files) {
      await session.executeWrite(async (tx) => {
        for (const statement of list) {
          try {
            await tx.run(statement);
          } catch (error) {
            throw new MigrationError(file, statement, error);
          }
        }
      });
      statements += list.length;
    }
  } finally {
    await session.close();
  }
  return { files: files.length, statements };
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
