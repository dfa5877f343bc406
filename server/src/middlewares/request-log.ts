import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One log line per request (pino-http), at `info`, except the health checks load balancers send.
 *
 * pino-http builds two child loggers per request (one binding the serialised request) before it
 * knows whether anything will be written. When the logger is above `info` (LOG_LEVEL=warn or
 * error) none of its success lines would be written, so it is not mounted at all and a request
 * costs no logging work; failures are still logged, by the error handler (with their stack).
 * Measured: ~0.075 ms of CPU per request, about a fifth of Express's own cost for a 5 KB JSON
 * answer (see the measurements section of the README).
 */
export function requestLog(logger: Logger): RequestHandler | undefined {
  if (!logger.isLevelEnabled('info')) return undefined;
  return pinoHttp({
    logger: logger.child({ module: 'http' }),
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
}
