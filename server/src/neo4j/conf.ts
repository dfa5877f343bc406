/** Settings of one embedded Neo4j instance, rendered into its neo4j.conf. */
export interface Neo4jConfSettings {
  homeDir: string;
  dataDir: string;
  logsDir: string;
  runDir: string;
  pluginsDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  transactionTimeout: string;
}

/**
 * neo4j.conf for the embedded server: Bolt on loopback only, HTTP(S) off, auth on, explicit
 * memory, APOC allowed, no usage reports, and no 500 MB transaction-log preallocation.
 */
export function renderNeo4jConf(s: Neo4jConfSettings): string {
  const lines: Array<[string, string]> = [
    ['server.default_listen_address', '127.0.0.1'],
    ['server.default_advertised_address', '127.0.0.1'],
    ['server.bolt.enabled', 'true'],
    ['server.bolt.listen_address', `127.0.0.1:${s.boltPort}`],
    ['server.bolt.advertised_address', `127.0.0.1:${s.boltPort}`],
    ['server.http.enabled', 'false'],
    ['server.https.enabled', 'false'],
    ['dbms.security.auth_enabled', 'true'],
    ['server.memory.heap.initial_size', s.heap],
    ['server.memory.heap.max_size', s.heap],
    ['server.memory.pagecache.size', s.pageCache],
    ['dbms.usage_report.enabled', 'false'],
    ['dbms.security.procedures.unrestricted', 'apoc.*'],
    ['server.directories.data', s.dataDir],
    ['server.directories.logs', s.logsDir],
    ['server.directories.run', s.runDir],
    ['server.directories.plugins', s.pluginsDir],
    ['db.tx_log.preallocate', 'false'],
    ['db.transaction.timeout', s.transactionTimeout],
  ];
  return [
    '# Written by Sightline at every start of the embedded Neo4j: edits here are overwritten.',
    '# Configure it through the SIGHTLINE_NEO4J_* environment variables instead (see README.md).',
    ...lines.map(([key, value]) => `${key}=${value}`),
    '',
  ].join('\n');
}

/** JVM flags the official neo4j scripts add, plus the heap. */
export function jvmArgs(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
  ];
}
