import pino, { type Logger } from 'pino';

/**
 * Structured logs (pino). JSON lines when piped, so a log shipper can read them; pretty and
 * readable when a person watches a terminal.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  const pretty = process.stdout.isTTY && process.env.SIGHTLINE_LOG_FORMAT !== 'json';
  return pino({
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'connection.password'], censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  });
}
