/**
 * `npm run bench [-- <name> [options]]`: runs the benchmarks (all, or the one named). Each writes
 * tests/bench/results/<name>.json and <name>.md; README shows the tables.
 */
import { runStartupBench } from './startup.js';

const benches: Record<string, (args: string[]) => Promise<void>> = {
  startup: runStartupBench,
  api: (args) => import('./api.js').then((m) => m.runApiBench(args)),
  import: (args) => import('./import.js').then((m) => m.runImportBench(args)),
  explorer: (args) => import('./explorer.js').then((m) => m.runExplorerBench(args)),
  console: (args) => import('./console.js').then((m) => m.runConsoleBench(args)),
  embed: (args) => import('./embed.js').then((m) => m.runEmbedBench(args)),
  schema: (args) => import('./schema.js').then((m) => m.runSchemaBench(args)),
};

const [name, ...args] = process.argv.slice(2);
const selected = name && !name.startsWith('--') ? [name] : Object.keys(benches);
for (const key of selected) {
  const bench = benches[key];
  if (!bench) {
    console.error(`unknown benchmark "${key}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`== ${key}`);
  await bench(name && !name.startsWith('--') ? args : process.argv.slice(2));
}
