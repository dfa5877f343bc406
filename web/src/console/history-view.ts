/** The history list in the sidebar: newest first; a click puts the query back in the editor. */
import { h } from '../ui/dom.js';
import { CONSOLE_DEFAULTS } from './defaults.js';
import type { HistoryEntry } from './query-history.js';

function preview(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length > CONSOLE_DEFAULTS.historyPreviewChars ? `${oneLine.slice(0, CONSOLE_DEFAULTS.historyPreviewChars - 1)}…` : oneLine;
}

export function renderHistory(list: HTMLElement, entries: readonly HistoryEntry[], restore: (entry: HistoryEntry) => void): void {
  if (entries.length === 0) {
    list.replaceChildren(h('li', { className: 'muted small' }, 'Queries you run appear here (kept in this browser).'));
    return;
  }
  list.replaceChildren(
    ...entries.map((entry) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', className: 'history__item', title: entry.query, onclick: () => restore(entry) },
          h('code', {}, preview(entry.query)),
          h('time', { className: 'muted', datetime: entry.at }, new Date(entry.at).toLocaleString()),
        ),
      ),
    ),
  );
}
