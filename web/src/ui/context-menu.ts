/**
 * The canvas's context menu (right-click or long-press on an actor): expand, pin/unpin, path from
 * or to here, remove. A plain list of buttons (role="menu"); Escape or a click elsewhere closes it.
 */
import type { EventObject } from 'cytoscape';
import type { Explorer } from '../app.js';
import { h } from './dom.js';

export function attachContextMenu(explorer: Explorer, stage: HTMLElement): void {
  let menu: HTMLElement | null = null;
  const close = () => {
    menu?.remove();
    menu = null;
  };
  explorer.cy.on('cxttap', 'node', (event: EventObject) => {
    close();
    const id = event.target.id() as string;
    const name = String(event.target.data('name') ?? id);
    const item = (label: string, action: string, run: () => void) =>
      h('li', { role: 'none' }, h('button', { type: 'button', role: 'menuitem', className: 'menu__item', 'data-action': action, onclick: () => { close(); run(); } }, label));
    const p = event.renderedPosition ?? { x: 0, y: 0 };
    menu = h(
      'ul',
      { className: 'context-menu', role: 'menu', 'aria-label': `Actions for ${name}`, style: `left:${Math.round(p.x)}px;top:${Math.round(p.y)}px` },
      item('Expand', 'expand', () => void explorer.expand(id)),
      item(explorer.pinned.has(id) ? 'Unpin' : 'Pin in place', 'pin', () => explorer.togglePin(id)),
      item('Path from here', 'path-from', () => explorer.setPathEnd('from', id, name)),
      item('Path to here', 'path-to', () => explorer.setPathEnd('to', id, name)),
      item('Remove from view', 'remove', () => explorer.remove(id)),
    );
    stage.append(menu);
    menu.querySelector('button')?.focus();
  });
  explorer.cy.on('tap pan zoom', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu) {
      close();
      explorer.cy.container()?.focus();
    }
  });
}
