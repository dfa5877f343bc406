import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config/env.js';

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j under .data/neo4j with laptop-sized memory', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.neo4j.mode).toBe('embedded');
    if (config.neo4j.mode !== 'embedded') return;
    expect(config.neo4j.homeDir).toMatch(/\.data\/neo4j$/);
    expect(config.neo4j.heap).toBe('512m');
    expect(config.neo4j.pageCache).toBe('256m');
    expect(config.seed).toBe(true);
  });

  it('connects to an external Neo4j, starting nothing, when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_USER: 'analyst',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abcd1234.databases.neo4j.io',
      user: 'analyst',
      password: 'secret',
      database: 'graph',
    });
  });

  it('honours SIGHTLINE_DATA_DIR and the memory settings', () => {
    const config = loadConfig({ SIGHTLINE_DATA_DIR: '/var/lib/sightline', SIGHTLINE_NEO4J_HEAP: '1g', SIGHTLINE_NEO4J_PAGECACHE: '128m' });
    expect(config.neo4j).toMatchObject({ homeDir: '/var/lib/sightline/neo4j', heap: '1g', pageCache: '128m' });
  });

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI/],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, /NEO4J_PASSWORD/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ SIGHTLINE_NEO4J_HEAP: 'lots' }, /SIGHTLINE_NEO4J_HEAP/],
  ])('rejects %o with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
