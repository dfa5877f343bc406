/**
 * The layout picker in the toolbar: one option per layout (those too slow for the canvas's size
 * disabled, with the reason in their title), a change re-lays out the canvas; "Re-layout" runs
 * the chosen layout again. Pinned actors stay where they are either way.
 */
import type { Explorer } from '../app.js';
import { LAYOUT_NAMES, LAYOUTS, layoutAvailable, type LayoutName } from '../graph/layouts.js';
import { h } from './dom.js';

export function attachLayoutPicker(explorer: Explorer, select: HTMLSelectElement, relayout: HTMLButtonElement): void {
  for (const name of LAYOUT_NAMES) select.append(h('option', { value: name }, LAYOUTS[name].label));
  const refresh = () => {
    const count = explorer.cy.nodes().length;
    for (const option of Array.from(select.options)) {
      const name = option.value as LayoutName;
      const ok = layoutAvailable(name, count);
      option.disabled = !ok;
      option.title = ok ? '' : `Only for canvases of up to ${LAYOUTS[name].maxNodes} actors (this one has ${count}).`;
    }
    select.value = explorer.layout;
    relayout.disabled = count === 0;
  };
  explorer.onViewChange.push(refresh);
  refresh();
  select.addEventListener('change', () => void explorer.relayout(select.value as LayoutName));
  relayout.addEventListener('click', () => void explorer.relayout());
}
