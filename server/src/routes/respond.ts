import type { Response } from 'express';

export interface SendOptions {
  /** Cache-Control max-age in seconds for data that may be cached; omitted = no-cache (revalidate). */
  maxAge?: number;
  status?: number;
}

/**
 * Sends `{ "data": … }`. Express computes a weak ETag from the body and answers 304 to a matching
 * If-None-Match; Cache-Control tells clients whether to revalidate first.
 */
export function sendData(res: Response, data: unknown, options: SendOptions = {}): void {
  res.set('Cache-Control', options.maxAge ? `public, max-age=${options.maxAge}` : 'no-cache');
  res.status(options.status ?? 200).json({ data });
}
