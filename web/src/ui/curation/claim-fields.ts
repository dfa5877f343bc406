/**
 * The fields of one claim (quote, who asserts it, stance, note, source), with assisted extraction:
 * the source's text can be pasted in, the known actors it mentions (POST /api/mentions) are
 * highlighted in it and offered as links, and a selection of the text becomes the quote.
 * The curator decides: nothing is filled in without a click.
 */
import type { GraphSchema } from '../../api.js';
import { h } from '../dom.js';
import { curationApi, type ClaimBody, type MentionsResult } from './client.js';
import { field, input, select, textarea, valueOf } from './dialog.js';
import { sourcePicker } from './pickers.js';

/** Longest quote the API accepts (QUOTE_MAX_LENGTH in server/src/contracts/vocabulary.ts). */
const QUOTE_MAX = 300;

export interface ClaimFields {
  element: HTMLElement;
  /** The claim, or a message saying what is missing. */
  value(): ClaimBody | string;
}

export interface MentionActions {
  /** Offered for each actor found in the pasted text, e.g. "use as subject". */
  label: string;
  run: (actor: { id: string; name: string }) => void;
}

/** Splits `text` into plain runs and highlighted mentions (as DOM, text only). */
export function highlightMentions(text: string, result: MentionsResult, onActor: (actor: { id: string; name: string }) => void): HTMLElement {
  const out = h('div', { className: 'cur-mentions__text' });
  let at = 0;
  for (const m of result.mentions) {
    if (m.start < at) continue;
    if (m.start > at) out.append(text.slice(at, m.start));
    out.append(h('mark', { className: 'cur-mention', title: `${m.actor.name} (${m.matched})`, 'data-actor': m.actor.id }, h('button', { type: 'button', className: 'linklike', onclick: () => onActor(m.actor) }, m.text)));
    at = m.end;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}

export function claimFields(schema: GraphSchema | null, actions: MentionActions[] = []): ClaimFields {
  const quote = textarea('quote', { maxlength: QUOTE_MAX, rows: 3, placeholder: 'A short verbatim excerpt of the source (≤ 300 characters)' });
  const attributedTo = input('attributedTo', { maxlength: 200, placeholder: 'Who asserts it (may differ from the publisher)' });
  const stances = (schema?.stances ?? []).map((s) => ({ value: s.stance, label: s.label }));
  const stance = select('stance', stances.length ? stances : [{ value: 'reported', label: 'reported' }], 'reported');
  const note = textarea('note', { maxlength: 1000, rows: 2, placeholder: 'Context: what the quote does not say, why a date is unknown…' });
  const source = sourcePicker();

  // Assisted extraction.
  const pasted = textarea('sourceText', { rows: 5, placeholder: 'Optional: paste the source’s text to find the actors it mentions and pick the quote from it.' });
  const find = h('button', { type: 'button', className: 'btn btn--small', 'data-action': 'find-mentions' }, 'Find mentioned actors');
  const useSelection = h('button', { type: 'button', className: 'btn btn--small', 'data-action': 'quote-selection' }, 'Quote the selected text');
  const found = h('div', { className: 'cur-mentions', 'aria-live': 'polite' });
  find.addEventListener('click', () => {
    const text = pasted.value;
    if (!text.trim()) return;
    find.disabled = true;
    curationApi
      .mentions(text)
      .then((result) => {
        const chips = result.actors.map((a) =>
          h(
            'li',
            { className: 'cur-mention-actor', 'data-actor': a.id },
            h('strong', {}, a.name),
            h('span', { className: 'muted' }, ` ×${a.count} `),
            ...actions.map((act) => h('button', { type: 'button', className: 'btn btn--small', onclick: () => act.run(a) }, act.label)),
          ),
        );
        found.replaceChildren(
          h('p', { className: 'muted' }, result.actors.length === 0 ? 'No known actor is named in this text.' : `${result.actors.length} known actor${result.actors.length === 1 ? '' : 's'} named in it:`),
          h('ul', { className: 'cur-mention-actors' }, chips),
          highlightMentions(text, result, (a) => actions[0]?.run(a)),
        );
      })
      .catch((e: Error) => found.replaceChildren(h('p', { className: 'cur-error' }, `Could not look for mentions: ${e.message}`)))
      .finally(() => {
        find.disabled = false;
      });
  });
  useSelection.addEventListener('click', () => {
    const selected = pasted.value.slice(pasted.selectionStart, pasted.selectionEnd).trim();
    if (selected) quote.value = selected.slice(0, QUOTE_MAX);
  });

  const element = h(
    'fieldset',
    { className: 'cur-claim' },
    h('legend', {}, 'Evidence: who claims it, in their words, where'),
    h('details', { className: 'cur-extract' }, h('summary', {}, 'Paste the source’s text (find mentions, pick the quote)'), field('Source text', pasted), h('div', { className: 'field--row' }, find, useSelection), found),
    field('Quote (verbatim)', quote),
    field('Attributed to', attributedTo),
    field('Stance', stance, 'How that party asserts it. An accusation is “alleged”, never a fact.'),
    field('Note', note),
    source.element,
  );
  return {
    element,
    value() {
      const q = quote.value;
      const who = valueOf(attributedTo);
      if (!q.trim()) return 'The quote is required: a short verbatim excerpt of the source.';
      if (!who) return 'Say who asserts the claim (Attributed to).';
      const s = source.value();
      if (typeof s === 'string') return s;
      const claim: ClaimBody = { quote: q, attributedTo: who, stance: stance.value, source: s };
      const n = valueOf(note);
      if (n) claim.note = n;
      return claim;
    },
  };
}
