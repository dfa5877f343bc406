import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXTERNAL_NEO4J_HINT, Neo4jRuntimeError } from './errors.js';

const run = promisify(execFile);

/** The lowest Java feature release Neo4j 5.26 runs on. */
export const MIN_JAVA_MAJOR = 17;

/** Which java binary to use: SIGHTLINE_JAVA, else $JAVA_HOME/bin/java, else `java` on PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SIGHTLINE_JAVA) return env.SIGHTLINE_JAVA;
  if (env.JAVA_HOME) return join(env.JAVA_HOME, 'bin', 'java');
  return 'java';
}

/** Parses the feature release out of `java -version` output ("17.0.15", "1.8.0_402", "21"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Checks that Java 17+ is there; resolves to the java command and its major version. */
export async function checkJava(env: NodeJS.ProcessEnv = process.env): Promise<{ command: string; major: number }> {
  const command = javaCommand(env);
  let output: string;
  try {
    const { stdout, stderr } = await run(command, ['-version'], { timeout: 30_000 });
    output = `${stderr}${stdout}`;
  } catch (error) {
    throw new Neo4jRuntimeError(
      'JAVA_MISSING',
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the embedded Neo4j, but "${command}" could not be run. ` +
        `Install a JDK ${MIN_JAVA_MAJOR} or 21 (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17) ` +
        `or set JAVA_HOME. ${EXTERNAL_NEO4J_HINT}`,
      { cause: error },
    );
  }
  const major = parseJavaMajor(output);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new Neo4jRuntimeError(
      'JAVA_TOO_OLD',
      `Neo4j 5.26 needs Java ${MIN_JAVA_MAJOR} or 21, but "${command}" reports: ${output.split('\n')[0]?.trim()}. ` +
        `Install a JDK ${MIN_JAVA_MAJOR}+ or point JAVA_HOME at one. ${EXTERNAL_NEO4J_HINT}`,
    );
  }
  return { command, major };
}

/** Which Maven binary to use: SIGHTLINE_MVN, else `mvn` on PATH. */
export function mavenCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIGHTLINE_MVN ?? 'mvn';
}

/** Checks that Maven is there (needed once, to resolve Neo4j's jars from Maven Central). */
export async function checkMaven(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const command = mavenCommand(env);
  try {
    await run(command, ['-v'], { timeout: 60_000, env });
  } catch (error) {
    throw new Neo4jRuntimeError(
      'MAVEN_MISSING',
      `Maven 3.8+ is needed once, to download Neo4j's jars from Maven Central, but "${command}" could not be run. ` +
        `Install it (Debian/Ubuntu: apt-get install maven; macOS: brew install maven). ${EXTERNAL_NEO4J_HINT}`,
      { cause: error },
    );
  }
  return command;
}
