/**
 * Loads the saved queries of cypher/queries/*.cypher once, at start: a file with a bad header
 * stops the app with a QueryFileError that names the file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { parseSavedQuery, type SavedQuery } from './header.js';

export const SAVED_QUERIES_DIR = join(REPO_ROOT, 'cypher', 'queries');

/** Every saved query of a folder, ordered by title. */
export function loadSavedQueries(dir: string = SAVED_QUERIES_DIR): SavedQuery[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return files
    .map((f) => parseSavedQuery(basename(f, '.cypher'), readFileSync(join(dir, f), 'utf8'), relative(REPO_ROOT, join(dir, f))))
    .sort((a, b) => a.title.localeCompare(b.title));
}
