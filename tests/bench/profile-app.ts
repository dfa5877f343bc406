/**
 * Where the app spends its CPU per request: serves the real app in this process under
 * `node --cpu-prof`, replays N neighbourhood requests 32 at a time against the cached bench graph,
 * and prints the hottest functions (self time; the in-process fetch client is included). A tool
 * for tuning, not a benchmark of record.
 *
 *   node --cpu-prof --cpu-prof-dir=.data/profiles --import tsx tests/bench/profile-app.ts <bench-db-folder> [requests]
 */

import type { AddressInfo } from 'node:net';

import { Session } from 'node:inspector/promises';
import { createApp } from '../../server/src/app.js';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';
import { startBenchNeo4j } from './lib/bench-neo4j.js';

const [dbDir, count = '3000'] = process.argv.slice(2);
if (!dbDir) throw new Error('usage: profile-app.ts <bench-db-folder> [requests]');
const neo = await startBenchNeo4j(dbDir);
const logger = createLogger('warn');
const driver = createDriver({ ...neo.connection, logger });
const app = createApp({ driver, database: 'neo4j', logger, neo4jMode: 'embedded' });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as AddressInfo).port;
const ids = (await driver.executeQuery('MATCH (a:Actor) RETURN a.id AS id LIMIT 1000')).records.map((r) => r.get('id') as string);
// No Accept-Encoding, as autocannon in tests/bench/api.ts (fetch would ask for gzip, and the
// profile would then be mostly zlib on both ends).
const hit = (i: number) =>
  fetch(`http://127.0.0.1:${port}/api/actors/${ids[i % ids.length]}/neighborhood?depth=1`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
for (let i = 0; i < 300; i++) await hit(i); // warm-up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const n = Number(count);
let next = 0;
await Promise.all(Array.from({ length: 32 }, async () => { while (next < n) await hit(next++); }));
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const dt = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const node = byId.get(id);
  if (!node) return;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byPackage = new Map<string, number>();
for (const [key, us] of self) {
  const pkg = /^\S+ (@?[^/:]+(?:\/[^/:]+)?)/.exec(key)?.[1] ?? key;
  const top = key.includes('server/src') ? 'server/src' : pkg.startsWith('@') ? pkg : pkg.split('/')[0] ?? pkg;
  byPackage.set(top, (byPackage.get(top) ?? 0) + us);
}
console.log(`total sampled ${(total / 1000).toFixed(0)} ms for ${n} requests = ${(total / 1000 / n).toFixed(2)} ms/request`);
console.log([...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / total * 100).toFixed(1)}%  ${k}`).join('\n'));
console.log('---');
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / total * 100).toFixed(1)}%  ${k}`).join('\n'));
server.close();
await driver.close();
await neo.stop();
