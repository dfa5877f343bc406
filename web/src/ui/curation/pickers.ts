/**
 * Pickers used by the curation forms: an actor picker (the explorer's search box) and a source
 * picker (an existing source found by GET /api/search, which also matches source titles and
 * publishers, or a new source described by URL, title, publisher and date).
 */
import type { Explorer } from '../../app.js';
import { api } from '../../api.js';
import { h } from '../dom.js';
import type { SourceChoice } from './client.js';
import { field, input, uid, valueOf } from './dialog.js';

export interface ActorPicker {
  element: HTMLElement;
  /** The chosen actor's id, or null. */
  value(): string | null;
  set(id: string, name: string): void;
}

export function actorPicker(explorer: Explorer, name: string, label: string, initial?: { id: string; name: string }): ActorPicker {
  let chosen: { id: string; name: string } | null = initial ?? null;
  const box = input(name, { placeholder: 'Search an actor…', autocomplete: 'off' });
  const list = h('ul', { id: uid(`${name}-list`), className: 'search__list', 'aria-label': 'Suggestions', hidden: true });
  const picked = h('p', { className: 'cur-picked muted', 'aria-live': 'polite' });
  const show = () => {
    picked.textContent = chosen ? `Chosen: ${chosen.name} (${chosen.id})` : 'None chosen yet.';
  };
  const set = (id: string, actorName: string) => {
    chosen = { id, name: actorName };
    box.value = actorName;
    show();
  };
  explorer.attachSearch(box, list, (hit) => set(hit.id, hit.name));
  box.addEventListener('input', () => {
    if (chosen && box.value !== chosen.name) {
      chosen = null;
      show();
    }
  });
  if (initial) box.value = initial.name;
  show();
  const element = field(label, box);
  element.classList.add('search', 'search--small');
  element.append(list, picked);
  return { element, value: () => chosen?.id ?? null, set };
}

export interface SourcePicker {
  element: HTMLElement;
  /** The chosen source, or a message saying what is missing. */
  value(): SourceChoice | string;
}

/** Existing source (searched) or a new one; the new one is the default when nothing is picked. */
export function sourcePicker(): SourcePicker {
  let existing: { id: string; title: string } | null = null;
  const query = input('sourceSearch', { placeholder: 'Search sources by title or publisher…', autocomplete: 'off' });
  const results = h('ul', { className: 'cur-source-results' });
  const chosen = h('p', { className: 'cur-picked muted' }, 'No existing source chosen: describe a new one below.');
  const url = input('url', { type: 'url', placeholder: 'https://…' });
  const title = input('title', { maxlength: 300 });
  const publisher = input('publisher', { maxlength: 200 });
  const publishedAt = input('publishedAt', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' });
  const author = input('author', { maxlength: 200 });
  const fresh = h(
    'fieldset',
    { className: 'cur-newsource' },
    h('legend', {}, 'New source'),
    field('URL', url, 'A source already stored with this URL is reused.'),
    field('Title', title),
    field('Publisher', publisher),
    field('Published', publishedAt),
    field('Author', author),
  );
  const clear = h('button', { type: 'button', className: 'btn btn--small', hidden: true }, 'Use a new source instead');
  const setExisting = (s: { id: string; title: string; publisher: string | null } | null) => {
    existing = s;
    chosen.textContent = s ? `Existing source: ${s.title}${s.publisher ? ` — ${s.publisher}` : ''}` : 'No existing source chosen: describe a new one below.';
    fresh.hidden = s !== null;
    clear.hidden = s === null;
    results.replaceChildren();
  };
  clear.addEventListener('click', () => setExisting(null));
  let timer: ReturnType<typeof setTimeout> | undefined;
  query.addEventListener('input', () => {
    clearTimeout(timer);
    const q = query.value.trim();
    if (q.length < 2) return results.replaceChildren();
    timer = setTimeout(() => {
      api
        .search(q, 8)
        .then((r) => {
          results.replaceChildren(
            ...(r.sources.length === 0
              ? [h('li', { className: 'muted' }, 'No stored source matches.')]
              : r.sources.map((s) =>
                  h('li', {}, h('button', { type: 'button', className: 'linklike', 'data-source': s.id, onclick: () => setExisting(s) }, s.title), s.publisher ? h('span', { className: 'muted' }, ` — ${s.publisher}`) : null),
                )),
          );
        })
        .catch(() => results.replaceChildren(h('li', { className: 'muted' }, 'Search failed.')));
    }, 200);
  });
  const element = h('fieldset', { className: 'cur-source' }, h('legend', {}, 'Source'), field('Find a stored source', query), results, chosen, clear, fresh);
  return {
    element,
    value() {
      if (existing) return { id: existing.id };
      const t = valueOf(title);
      const p = valueOf(publisher);
      if (!t || !p) return 'Choose a stored source, or give the new source at least a title and a publisher.';
      const s: SourceChoice = { title: t, publisher: p };
      const u = valueOf(url);
      const d = valueOf(publishedAt);
      const a = valueOf(author);
      if (u) s.url = u;
      if (d) s.publishedAt = d;
      if (a) s.author = a;
      return s;
    },
  };
}
