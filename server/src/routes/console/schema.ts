import { z } from 'zod';

/** Longest console query text, in characters. */
export const CONSOLE_QUERY_MAX_LENGTH = 20_000;
/** Largest parameters object, as JSON bytes. */
export const CONSOLE_PARAMS_MAX_BYTES = 64 * 1024;

/** Body of POST /api/console/run. */
export const consoleRunBodySchema = z.object({
  /** The Cypher text: one statement, read-only. */
  query: z
    .string()
    .max(CONSOLE_QUERY_MAX_LENGTH, `must be at most ${CONSOLE_QUERY_MAX_LENGTH} characters`)
    .refine((q) => q.trim().length > 0, 'must not be empty'),
  /** Values for $parameters (JSON; whole numbers are sent as integers). */
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .refine((p) => Buffer.byteLength(JSON.stringify(p)) <= CONSOLE_PARAMS_MAX_BYTES, `must be at most ${CONSOLE_PARAMS_MAX_BYTES / 1024} KB of JSON`),
  /** run (default), explain (the plan only) or profile (run, with rows and db hits per operator). */
  mode: z.enum(['run', 'explain', 'profile']).default('run'),
});
export type ConsoleRunBody = z.infer<typeof consoleRunBodySchema>;
