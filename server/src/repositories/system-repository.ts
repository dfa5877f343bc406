import type { Driver } from 'neo4j-driver';

export interface Neo4jServerInfo {
  version: string;
  edition: string;
}

/** Questions about the Neo4j server itself (not the graph). */
export class SystemRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /**
   * Version and edition from dbms.components(). An auto-commit query, so the driver does not
   * retry: when Neo4j is unreachable this rejects at once (or after timeoutMs), which is what a
   * health check wants.
   */
  async serverInfo(timeoutMs: number): Promise<Neo4jServerInfo> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    try {
      const query = session.run(
        'CALL dbms.components() YIELD name, versions, edition WHERE name = $name RETURN versions[0] AS version, edition',
        { name: 'Neo4j Kernel' },
        { timeout: timeoutMs },
      );
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Neo4j within ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([query, timeout]);
      const record = result.records[0];
      if (!record) throw new Error('sightline/system-repository: dbms.components() returned no Neo4j Kernel row');
      return { version: String(record.get('version')), edition: String(record.get('edition')) };
    } finally {
      clearTimeout(timer);
      await session.close().catch(() => undefined);
    }
  }
}
