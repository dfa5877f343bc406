/**
 * The audit trail in the details panel: every change to the actor or relationship shown, newest
 * first: when, who, what, and which fields changed from what to what. Loaded when opened.
 */
import { h } from '../dom.js';
import { curationApi, type ChangeEntry } from './client.js';

const ACTION_LABELS: Record<string, string> = {
  create: 'created',
  update: 'edited',
  'add-evidence': 'evidence added',
  end: 'ended',
  delete: 'deleted',
  merge: 'merged another actor into it',
  'merged-into': 'merged into another actor',
  'merge-move': 'moved by a merge',
};

const IGNORED = new Set(['updatedAt', 'claims']);
const show = (v: unknown): string => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** "name: Old → New" for every field that differs (claims counted, not listed). */
export function changedFields(c: ChangeEntry): string[] {
  const before = c.before ?? {};
  const after = c.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !IGNORED.has(k));
  const lines = keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
  const claimsBefore = Array.isArray(before.claims) ? before.claims.length : null;
  const claimsAfter = Array.isArray(after.claims) ? after.claims.length : null;
  if (claimsAfter !== null && claimsBefore !== claimsAfter) lines.push(`claims: ${claimsBefore ?? 0} → ${claimsAfter}`);
  return c.before === null ? [] : lines;
}

export function renderHistory(kind: 'actor' | 'relationship', id: string): HTMLElement {
  const body = h('div', { className: 'cur-history__body' }, h('p', { className: 'muted' }, 'Loading…'));
  const box = h('details', { className: 'cur-history', id: 'cur-history' }, h('summary', {}, 'History of changes'), body);
  let loaded = false;
  box.addEventListener('toggle', () => {
    if (!(box as HTMLDetailsElement).open || loaded) return;
    loaded = true;
    curationApi
      .history(kind, id)
      .then(({ changes }) => {
        body.replaceChildren(
          changes.length === 0
            ? h('p', { className: 'muted' }, 'No change since it was loaded from the founding report or an import.')
            : h(
                'ol',
                { className: 'cur-history__list' },
                changes.map((c) =>
                  h(
                    'li',
                    { className: `cur-change cur-change--${c.action}`, 'data-action': c.action },
                    h('p', {}, h('strong', {}, ACTION_LABELS[c.action] ?? c.action), ' by ', h('span', { className: 'cur-change__by' }, c.by), ' ', h('time', { dateTime: c.at, className: 'muted' }, new Date(c.at).toLocaleString())),
                    ...changedFields(c).map((line) => h('p', { className: 'cur-change__field' }, line)),
                  ),
                ),
              ),
        );
      })
      .catch((e: Error) => body.replaceChildren(h('p', { className: 'cur-error' }, `Could not load the history: ${e.message}`)));
  });
  return box;
}
