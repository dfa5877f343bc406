import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_NEO4J_DEFAULTS } from '../../server/src/neo4j/defaults.js';
import { checkJava, checkMaven, parseJavaMajor } from '../../server/src/neo4j/toolchain.js';
import { NEO4J_POM } from '../../server/src/paths.js';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
  ])('%s -> %i', (text, major) => {
    expect(parseJavaMajor(text)).toBe(major);
  });

  it('returns undefined for text that is not a java version', () => {
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});

describe('toolchain checks', () => {
  it('finds the Java 17+ on this machine', async () => {
    const java = await checkJava();
    expect(java.major).toBeGreaterThanOrEqual(17);
  });

  it('says what to install, and that NEO4J_URI is an alternative, when Java is missing', async () => {
    const error = await checkJava({ ...process.env, SIGHTLINE_JAVA: '/nonexistent/bin/java' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'JAVA_MISSING' });
    expect((error as Error).message).toMatch(/Java 17\+/);
    expect((error as Error).message).toMatch(/apt-get install openjdk-17/);
    expect((error as Error).message).toMatch(/NEO4J_URI/);
  });

  it('says what to install when Maven is missing', async () => {
    const error = await checkMaven({ ...process.env, SIGHTLINE_MVN: '/nonexistent/bin/mvn' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MAVEN_MISSING' });
    expect((error as Error).message).toMatch(/apt-get install maven/);
    expect((error as Error).message).toMatch(/NEO4J_URI/);
  });
});

describe('pinned versions', () => {
  it('the pom and the runtime defaults pin the same Neo4j and APOC versions', () => {
    const pom = readFileSync(NEO4J_POM, 'utf8');
    expect(pom).toContain(`<neo4j.version>${EMBEDDED_NEO4J_DEFAULTS.neo4jVersion}</neo4j.version>`);
    expect(pom).toContain(`<apoc.version>${EMBEDDED_NEO4J_DEFAULTS.apocVersion}</apoc.version>`);
    expect(EMBEDDED_NEO4J_DEFAULTS.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(join(NEO4J_POM)).toMatch(/server\/neo4j\/pom\.xml$/);
  });
});

describe('generatePassword', () => {
  it('never starts with "-" (neo4j-admin would take it for an option) and is long and unique', async () => {
    const { generatePassword } = await import('../../server/src/neo4j/password.js');
    const passwords = Array.from({ length: 2000 }, generatePassword);
    expect(passwords.every((p) => /^[A-Za-z0-9]/.test(p) && p.length >= 32)).toBe(true);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
