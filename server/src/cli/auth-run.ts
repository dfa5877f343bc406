import { createLogger } from '../logger.js';
import { AuthRepository } from '../repositories/auth-repository.js';
import { withCliDb } from './auth-connection.js';
import { type CliIo, processIo } from './auth-io.js';

/**
 * Runs an auth CLI (tokens, users): arguments are checked first (`plan` throws a CliError, so a
 * typo needs no database), then the planned step runs against the configured Neo4j. Any failure is
 * one line on stderr and exit code 1, never a stack trace.
 */
export async function runAuthCli<P>(
  plan: () => P | undefined | Promise<P | undefined>,
  execute: (plan: P, repository: AuthRepository, io: CliIo) => Promise<number>,
  io: CliIo = processIo,
): Promise<number> {
  try {
    const planned = await plan();
    if (planned === undefined) return 0;
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
    return await withCliDb(logger, (db) => execute(planned, new AuthRepository(db), io));
  } catch (error) {
    io.err(`sightline: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
