import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Never logged: passwords, and credentials in HTTP requests and responses (pino-http logs headers):
 * API tokens (Authorization), session cookies (Cookie, Set-Cookie) and CSRF tokens.
 */
export const LOG_REDACT_PATHS = [
  'password',
  '*.password',
  'connection.password',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * Structured logs (pino). JSON lines when piped, so a log shipper can read them; pretty and
 * readable when a person watches a terminal.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const pretty = !destination && process.stdout.isTTY && process.env.SIGHTLINE_LOG_FORMAT !== 'json';
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
