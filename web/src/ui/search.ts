/**
 * Search box with as-you-type suggestions: an ARIA 1.2 combobox (input + listbox), debounced,
 * keyboard navigable (↑/↓ move, Enter chooses, Escape closes then clears). Each suggestion shows
 * the actor's name, its kind and, when the match came through an alias, that alias.
 */
import type { ActorHit } from '../../../server/src/contracts/search.js';
import { api } from '../api.js';
import { DEFAULTS } from '../graph/defaults.js';
import { kindStyle } from '../graph/stylesheet.js';
import { clear, h } from './dom.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  listbox: HTMLElement;
  kindLabel: (kind: string) => string;
  onChoose: (hit: ActorHit) => void;
  onError?: (message: string) => void;
}

let counter = 0;

export function attachSearchBox(o: SearchBoxOptions): { close(): void } {
  const prefix = `sl-opt-${++counter}`;
  let hits: ActorHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let lastQuery = '';

  o.input.setAttribute('role', 'combobox');
  o.input.setAttribute('aria-autocomplete', 'list');
  o.input.setAttribute('aria-expanded', 'false');
  o.input.setAttribute('aria-controls', o.listbox.id);
  o.input.setAttribute('autocomplete', 'off');
  o.input.setAttribute('spellcheck', 'false');
  o.listbox.setAttribute('role', 'listbox');

  const close = () => {
    o.listbox.hidden = true;
    o.input.setAttribute('aria-expanded', 'false');
    o.input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (i: number) => {
    active = i;
    [...o.listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      o.input.setAttribute('aria-activedescendant', `${prefix}-${i}`);
      o.listbox.children[i]?.scrollIntoView({ block: 'nearest' });
    } else {
      o.input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    o.input.value = '';
    lastQuery = '';
    o.onChoose(hit);
  };

  const render = (query: string, message?: string) => {
    clear(o.listbox);
    if (message) {
      o.listbox.append(h('li', { className: 'search__empty', role: 'presentation' }, message));
    }
    hits.forEach((hit, i) => {
      const matched =
        hit.matchedOn === 'alias' && hit.matchedAlias
          ? h('span', { className: 'search__match' }, `also known as “${hit.matchedAlias}”`)
          : hit.matchedOn === 'description'
            ? h('span', { className: 'search__match' }, 'matched in description')
            : null;
      o.listbox.append(
        h(
          'li',
          {
            id: `${prefix}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            className: 'search__option',
            'data-id': hit.id,
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => choose(i),
          },
          h('span', { className: 'kind-dot', style: `background-color:${kindStyle(hit.kind).color}`, 'aria-hidden': 'true' }),
          h('span', { className: 'search__name' }, hit.name),
          h('span', { className: 'search__kind' }, o.kindLabel(hit.kind)),
          matched,
        ),
      );
    });
    o.listbox.hidden = false;
    o.input.setAttribute('aria-expanded', 'true');
    setActive(hits.length > 0 ? 0 : -1);
    o.input.setAttribute('aria-busy', 'false');
    void query;
  };

  const run = async (query: string) => {
    controller?.abort();
    controller = new AbortController();
    o.input.setAttribute('aria-busy', 'true');
    try {
      const result = await api.search(query, DEFAULTS.searchLimit, controller.signal);
      if (o.input.value.trim() !== query) return;
      hits = result.actors;
      render(query, hits.length === 0 ? `No actor matches “${query}”.` : undefined);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      hits = [];
      render(query, 'Search failed: ' + (error as Error).message);
      o.onError?.((error as Error).message);
    }
  };

  o.input.addEventListener('input', () => {
    const query = o.input.value.trim();
    if (timer) clearTimeout(timer);
    if (query.length < DEFAULTS.searchMinChars) {
      controller?.abort();
      hits = [];
      close();
      lastQuery = query;
      return;
    }
    if (query === lastQuery && !o.listbox.hidden) return;
    lastQuery = query;
    timer = setTimeout(() => void run(query), DEFAULTS.searchDebounceMs);
  });

  o.input.addEventListener('keydown', (event) => {
    const open = !o.listbox.hidden && hits.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && hits.length > 0) render(lastQuery);
        else if (open) setActive((active + 1) % hits.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((active - 1 + hits.length) % hits.length);
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (!o.listbox.hidden) {
          event.preventDefault();
          close();
        } else if (o.input.value) {
          o.input.value = '';
          lastQuery = '';
        }
        break;
      default:
    }
  });
  o.input.addEventListener('blur', () => setTimeout(close, 120));
  close();
  return { close };
}
