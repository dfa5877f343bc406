/** The JSON tab: the rows exactly as the API returned them, indented. */
import { h } from '../ui/dom.js';
import type { ConsoleResult } from './types.js';

export function renderJson(container: HTMLElement, result: ConsoleResult): void {
  container.replaceChildren(h('pre', { className: 'result-json', tabindex: 0, 'aria-label': 'Result rows as JSON' }, JSON.stringify(result.rows, null, 2)));
}
