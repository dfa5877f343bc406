/**
 * The Table tab: one row per result row, one column per returned column, values rendered by
 * value-dom.ts, each cell with a copy button (copies values.ts `copyText`).
 */
import { h } from '../ui/dom.js';
import { CONSOLE_DEFAULTS } from './defaults.js';
import type { ConsoleResult } from './types.js';
import { renderValue } from './value-dom.js';
import { copyText } from './values.js';

async function copy(button: HTMLButtonElement, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  setTimeout(() => (button.textContent = 'Copy'), CONSOLE_DEFAULTS.copiedMs);
}

export function renderTable(container: HTMLElement, result: ConsoleResult): void {
  if (result.columns.length === 0) {
    container.replaceChildren(h('p', { className: 'muted results__empty' }, 'The query returned no columns.'));
    return;
  }
  const shown = result.rows.slice(0, CONSOLE_DEFAULTS.tableMaxRows);
  const body = shown.map((row, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', className: 'table__index' }, String(i + 1)),
      result.columns.map((column) => {
        const value = row[column] ?? null;
        const button = h('button', { type: 'button', className: 'copy-cell', 'aria-label': `Copy ${column} of row ${i + 1}` }, 'Copy');
        button.addEventListener('click', () => void copy(button, copyText(value)));
        return h('td', {}, h('div', { className: 'cell' }, renderValue(value), button));
      }),
    ),
  );
  const table = h(
    'table',
    { className: 'result-table' },
    h('caption', { className: 'sr-only' }, `Result: ${result.rows.length} rows`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'table__index' }, '#'), result.columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, body),
  );
  const note =
    result.rows.length > shown.length
      ? h('p', { className: 'muted small' }, `Showing the first ${shown.length} of ${result.rows.length} rows; the JSON tab and the CSV download hold them all.`)
      : result.rows.length === 0
        ? h('p', { className: 'muted results__empty' }, 'No rows.')
        : null;
  container.replaceChildren(table, ...(note ? [note] : []));
}
