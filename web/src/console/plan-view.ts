/**
 * The Plan tab: an EXPLAIN / PROFILE plan as a collapsible tree (nested <details>): per operator
 * its name, what it does (Neo4j's Details), identifiers, estimated rows and, when profiled, rows
 * and db hits; totals above the tree.
 */
import { h } from '../ui/dom.js';
import { CONSOLE_DEFAULTS } from './defaults.js';
import { formatEstimate, operatorDetails, operatorName, planTotals, QUERY_ARGUMENTS } from './plan.js';
import type { PlanNode } from './types.js';

const num = (n: number) => n.toLocaleString('en');

function metric(label: string, value: string, className = ''): HTMLElement {
  return h('span', { className: `plan__metric ${className}` }, h('span', { className: 'plan__metric-label' }, label), ' ', value);
}

function operator(node: PlanNode, depth: number): HTMLElement {
  const details = operatorDetails(node);
  const summary = h(
    'summary',
    {},
    h('span', { className: 'plan__op' }, operatorName(node)),
    details ? h('span', { className: 'plan__details' }, details) : null,
    h(
      'span',
      { className: 'plan__metrics' },
      metric('est. rows', formatEstimate(node.estimatedRows)),
      typeof node.rows === 'number' ? metric('rows', num(node.rows)) : null,
      typeof node.dbHits === 'number' ? metric('db hits', num(node.dbHits), node.dbHits > 0 ? 'plan__metric--hits' : '') : null,
    ),
  );
  const identifiers = node.identifiers.length > 0 ? h('p', { className: 'plan__ids' }, 'Identifiers: ', node.identifiers.join(', ')) : null;
  const children = (node.children ?? []).map((child) => operator(child, depth + 1));
  const el = h('details', { className: 'plan__node' }, summary, identifiers, children.length > 0 ? h('div', { className: 'plan__children' }, children) : null);
  el.open = depth < CONSOLE_DEFAULTS.planOpenDepth;
  return el;
}

export function renderPlan(container: HTMLElement, plan: PlanNode | undefined, mode: 'explain' | 'profile' | 'run'): void {
  if (!plan) {
    container.replaceChildren(h('p', { className: 'muted results__empty' }, 'No plan: run the query with EXPLAIN or PROFILE to see how Neo4j executes it.'));
    return;
  }
  const totals = planTotals(plan);
  const queryArgs = QUERY_ARGUMENTS.flatMap((key) => (plan.arguments?.[key] !== undefined ? [`${key} ${plan.arguments[key]}`] : []));
  const header = h(
    'p',
    { className: 'plan__totals' },
    h('strong', {}, mode === 'profile' ? 'PROFILE' : 'EXPLAIN'),
    ` · ${totals.operators} operators`,
    totals.estimatedRows !== null ? ` · ${formatEstimate(totals.estimatedRows)} rows estimated` : '',
    totals.rows !== null ? ` · ${num(totals.rows)} rows` : '',
    totals.dbHits !== null ? ` · ${num(totals.dbHits)} total db hits` : '',
    queryArgs.length > 0 ? h('span', { className: 'muted' }, ` · ${queryArgs.join(', ')}`) : null,
  );
  const actions = h(
    'p',
    { className: 'plan__actions' },
    h('button', { type: 'button', className: 'btn btn--small', onclick: () => container.querySelectorAll('details').forEach((d) => (d.open = true)) }, 'Expand all'),
    h('button', { type: 'button', className: 'btn btn--small', onclick: () => container.querySelectorAll('details').forEach((d) => (d.open = false)) }, 'Collapse all'),
  );
  container.replaceChildren(header, actions, h('div', { className: 'plan', role: 'group', 'aria-label': 'Query plan, root operator first' }, operator(plan, 0)));
}
