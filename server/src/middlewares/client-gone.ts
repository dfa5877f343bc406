import type { Response } from 'express';

/**
 * Why a read stopped: the client closed the connection before its answer was sent (a closed tab,
 * a newer request replacing this one). Nobody is left to answer, so the error handler drops it.
 */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the answer was sent');
    this.name = 'ClientGoneError';
  }
}

/**
 * An AbortSignal that fires (reason: a ClientGoneError) when the response closes before it was
 * sent. Read routes hand it to their repositories; GraphDb.read passes it to the driver, which then
 * closes the query's session: the connection is RESET, so Neo4j terminates the query instead of
 * running it to the end for nobody. Costs one AbortController and one listener per request; the
 * listener goes with the response ('close' is its last event, sent or not).
 */
export function clientGoneSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  return controller.signal;
}
