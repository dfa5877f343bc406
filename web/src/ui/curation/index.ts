/**
 * Curation in the explorer, for editors only (reading needs no login): "New actor" and "New
 * relationship" in the header; in the details panel, Edit / Merge / Delete for an actor and Add
 * evidence / End / Delete for a relationship; and, for everyone, the history of changes.
 * Whether the buttons show is derived from GET /api/auth/me (see ../login.ts), never stored.
 */
import './curation.css';
import type { ActorDetail, RelationshipDetail } from '../../api.js';
import type { Explorer } from '../../app.js';
import { h } from '../dom.js';
import { canEdit, onAuthChange } from '../login.js';
import { actorForm, deleteForm, endForm, evidenceForm, mergeForm, relationshipForm } from './forms.js';
import { renderHistory } from './history.js';

/** A panel or toolbar button; an async form that fails to open (vocabulary unreachable) says so in the page. */
const button = (label: string, action: string, onclick: () => void | Promise<void>, extra = '') =>
  h('button', { type: 'button', className: `btn btn--small ${extra}`.trim(), 'data-curation': action, onclick: () => void Promise.resolve(onclick()).catch((e: Error) => window.sightline?.showError(`Could not open the form: ${e.message}`)) }, label);

function actorActions(explorer: Explorer, d: ActorDetail): HTMLElement {
  const a = d.actor.data;
  return h(
    'div',
    { className: 'cur-actions', role: 'group', 'aria-label': 'Edit this actor' },
    button('Edit', 'edit-actor', () => actorForm(explorer, d)),
    button('New relationship from here', 'relationship-from', () => relationshipForm(explorer, { id: a.id, name: a.name })),
    button('Merge into…', 'merge', () => mergeForm(explorer, d)),
    button('Delete…', 'delete-actor', () => deleteForm(explorer, { kind: 'actor', id: a.id, title: a.name }), 'btn--quiet'),
  );
}

function relationshipActions(explorer: Explorer, d: RelationshipDetail): HTMLElement {
  const r = d.relationship.data;
  const title = `${d.subject.data.name} ${r.label} ${d.object.data.name}`;
  return h(
    'div',
    { className: 'cur-actions', role: 'group', 'aria-label': 'Edit this relationship' },
    button('Add evidence', 'add-evidence', () => evidenceForm(explorer, d)),
    r.status === 'ended' ? null : button('End…', 'end', () => endForm(explorer, d)),
    button('Delete…', 'delete-relationship', () => deleteForm(explorer, { kind: 'relationship', id: r.id, title }), 'btn--quiet'),
  );
}

/** Wires curation into the explorer; `toolbar` is the header element that holds the "New…" buttons. */
export function attachCuration(explorer: Explorer, toolbar: HTMLElement): void {
  toolbar.replaceChildren(
    button('+ Actor', 'new-actor', () => actorForm(explorer)),
    button('+ Relationship', 'new-relationship', () => relationshipForm(explorer)),
  );
  explorer.detailsExtensions.push((sel, detail, panel) => {
    const section = panel.querySelector('.details') ?? panel;
    if (canEdit()) section.append(sel.kind === 'node' ? actorActions(explorer, detail as ActorDetail) : relationshipActions(explorer, detail as RelationshipDetail));
    section.append(renderHistory(sel.kind === 'node' ? 'actor' : 'relationship', sel.id));
  });
  let first = true;
  onAuthChange(() => {
    toolbar.hidden = !canEdit();
    // Show or hide the panel's buttons for the new role (not on the initial call: nothing is shown yet).
    if (!first && explorer.selected) explorer.renderSelection();
    first = false;
  });
}
