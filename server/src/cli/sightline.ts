/**
 * The `sightline` command (package.json "bin"): `sightline import <file> [options]`.
 * Other commands have their own npm scripts (tokens, users).
 */
import { IMPORT_USAGE, importCommand } from './import.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  import: importCommand,
};

const [command, ...rest] = process.argv.slice(2);
const run = command ? COMMANDS[command] : undefined;
if (!run) {
  console.error(`Usage: sightline <command> [options]\n\nCommands: ${Object.keys(COMMANDS).join(', ')}\n\n${IMPORT_USAGE.replace('npm run import --', 'sightline import')}`);
  process.exitCode = command === undefined || command === '--help' || command === '-h' ? 0 : 2;
} else {
  process.exitCode = await run(rest);
}
