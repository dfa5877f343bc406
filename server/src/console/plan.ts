/**
 * EXPLAIN / PROFILE plans as the console returns them: a tree of
 * { operator, identifiers, arguments, rows?, dbHits?, estimatedRows?, children }, with Neo4j's
 * `@neo4j` suffix dropped from operator names, numbers as numbers, and the large text rendering of
 * the whole plan ("string-representation") left out.
 */
import type { PlanNode } from '../contracts/console.js';
import { toPlain } from '../db/plain.js';
import { operatorName, type DriverPlan } from './plan-check.js';

const OMITTED_ARGUMENTS = new Set(['string-representation']);

const num = (v: unknown): number | undefined => {
  const n = toPlain(v);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

export function presentPlan(plan: DriverPlan, profiled: boolean): PlanNode {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(plan.arguments)) {
    if (OMITTED_ARGUMENTS.has(key)) continue;
    const v = toPlain(value);
    args[key] = typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
  }
  const node: PlanNode = {
    operator: operatorName(plan.operatorType),
    identifiers: [...plan.identifiers],
    arguments: args,
    children: plan.children.map((c) => presentPlan(c, profiled)),
  };
  const estimated = num(plan.arguments.EstimatedRows);
  if (estimated !== undefined) node.estimatedRows = Math.round(estimated * 100) / 100;
  if (profiled) {
    node.rows = num(plan.rows) ?? num(plan.arguments.Rows) ?? 0;
    node.dbHits = num(plan.dbHits) ?? num(plan.arguments.DbHits) ?? 0;
  }
  return node;
}
