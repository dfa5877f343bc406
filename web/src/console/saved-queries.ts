/**
 * The saved queries sidebar (GET /api/queries): a list; choosing one loads it (GET
 * /api/queries/:id), puts its Cypher in the editor and opens a form for its declared parameters
 * (typed inputs with their defaults) whose Run posts to /api/queries/:id/run.
 */
import { h } from '../ui/dom.js';
import { consoleApi } from './api.js';
import { defaultText, inputSpec, readParams } from './param-form.js';
import type { SavedQuery, SavedQueryParameter, SavedQuerySummary } from './types.js';

export interface SavedQueryHandlers {
  /** A query was opened: show its Cypher. */
  opened(query: SavedQuery): void;
  /** Its form was submitted with these parameters. */
  run(query: SavedQuery, params: Record<string, unknown>): void;
  error(error: unknown): void;
}

function field(query: SavedQuery, param: SavedQueryParameter): HTMLElement {
  const spec = inputSpec(param.type);
  const id = `sq-${query.id}-${param.name}`;
  const text = defaultText(param);
  const input = h('input', { id, name: param.name, type: spec.type, step: spec.step, 'data-type': param.type });
  if (spec.type === 'checkbox') input.checked = text === 'true';
  else input.value = text;
  const label = h('label', { for: id }, h('code', {}, `$${param.name}`), ' ', h('span', { className: 'muted' }, param.type));
  const hint = [param.description, spec.hint].filter(Boolean).join(' — ');
  return h('div', { className: spec.type === 'checkbox' ? 'field field--check' : 'field' }, label, input, hint ? h('span', { className: 'field__hint' }, hint) : null);
}

function form(query: SavedQuery, handlers: SavedQueryHandlers): HTMLFormElement {
  const message = h('p', { className: 'error-inline small', role: 'alert' });
  const el = h(
    'form',
    { className: 'saved__form', 'aria-label': `Parameters of ${query.title}` },
    query.parameters.map((p) => field(query, p)),
    message,
    h('button', { type: 'submit', className: 'btn btn--primary' }, 'Run saved query'),
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    const texts = new Map<string, string>();
    for (const p of query.parameters) {
      const input = el.elements.namedItem(p.name) as HTMLInputElement | null;
      if (input) texts.set(p.name, input.type === 'checkbox' ? String(input.checked) : input.value);
    }
    const read = readParams(query.parameters, texts);
    if ('error' in read) {
      message.textContent = read.error;
      return;
    }
    message.textContent = '';
    handlers.run(query, read.params);
  });
  return el;
}

export async function loadSavedQueries(list: HTMLElement, handlers: SavedQueryHandlers): Promise<void> {
  let items: SavedQuerySummary[];
  try {
    items = await consoleApi.queries();
  } catch (error) {
    list.replaceChildren(h('li', { className: 'error-inline small' }, `Saved queries could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (items.length === 0) {
    list.replaceChildren(h('li', { className: 'muted small' }, 'No saved queries on this server.'));
    return;
  }
  const open = async (item: SavedQuerySummary, li: HTMLElement, button: HTMLButtonElement) => {
    for (const other of list.querySelectorAll('.saved__panel')) other.remove();
    for (const b of list.querySelectorAll('.saved__item')) b.setAttribute('aria-expanded', 'false');
    try {
      const query = await consoleApi.query(item.id);
      button.setAttribute('aria-expanded', 'true');
      const panel = h('div', { className: 'saved__panel', id: `sq-panel-${item.id}` }, h('p', { className: 'saved__desc' }, query.description), form(query, handlers));
      li.append(panel);
      handlers.opened(query);
      panel.querySelector<HTMLInputElement>('input')?.focus();
    } catch (error) {
      handlers.error(error);
    }
  };
  list.replaceChildren(
    ...items.map((item) => {
      const button = h(
        'button',
        { type: 'button', className: 'saved__item', 'aria-expanded': 'false', 'aria-controls': `sq-panel-${item.id}`, 'data-id': item.id, title: item.description },
        item.title,
      );
      const li = h('li', {}, button);
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-expanded') === 'true') {
          li.querySelector('.saved__panel')?.remove();
          button.setAttribute('aria-expanded', 'false');
        } else void open(item, li, button);
      });
      return li;
    }),
  );
}
