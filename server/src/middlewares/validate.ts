import type { Request } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Parses part of a request with its zod schema. A failure is a 400 VALIDATION_FAILED whose message
 * names the field, with `field` and every `issues` entry in the body.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'params' | 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || where,
    message: issue.message,
  }));
  const first = issues[0] ?? { field: where, message: 'invalid' };
  throw new AppError(400, 'VALIDATION_FAILED', `${first.field}: ${first.message}`, { field: first.field, issues });
}

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => parse(schema, req.query, 'query');
export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => parse(schema, req.params, 'params');
export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => parse(schema, req.body, 'body');
