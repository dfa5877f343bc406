/**
 * Reading an EXPLAIN / PROFILE plan (pure): totals over the tree and the few arguments worth a
 * line of their own. The plan view (plan-view.ts) draws the tree.
 */
import type { PlanNode } from './types.js';

export interface PlanTotals {
  /** Operators in the tree. */
  operators: number;
  /** Sum of db hits over every operator (PROFILE only; null for EXPLAIN). */
  dbHits: number | null;
  /** Rows the root operator produced (PROFILE only). */
  rows: number | null;
  /** The root's estimate of its rows. */
  estimatedRows: number | null;
}

function walk(node: PlanNode, visit: (n: PlanNode, depth: number) => void, depth = 0): void {
  visit(node, depth);
  for (const child of node.children ?? []) walk(child, visit, depth + 1);
}

export function planTotals(root: PlanNode): PlanTotals {
  let operators = 0;
  let dbHits: number | null = null;
  walk(root, (n) => {
    operators += 1;
    if (typeof n.dbHits === 'number') dbHits = (dbHits ?? 0) + n.dbHits;
  });
  return {
    operators,
    dbHits,
    rows: typeof root.rows === 'number' ? root.rows : null,
    estimatedRows: typeof root.estimatedRows === 'number' ? root.estimatedRows : null,
  };
}

/** Arguments describing the whole query (shown once, above the tree), when the root has them. */
export const QUERY_ARGUMENTS = ['planner', 'runtime', 'runtime-version'] as const;

/** What an operator does, in Neo4j's words (its `Details` argument), if given. */
export function operatorDetails(node: PlanNode): string | null {
  const details = node.arguments?.Details ?? node.arguments?.details;
  return details === undefined || details === '' ? null : String(details);
}

/** Estimated rows rounded for reading (Neo4j's estimates are floats). */
export function formatEstimate(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value >= 10 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 10) / 10);
}

/** The operator name without Neo4j's `@neo4j` style suffix (e.g. "ProduceResults@neo4j"). */
export function operatorName(node: PlanNode): string {
  return node.operator.replace(/@.*$/, '');
}
