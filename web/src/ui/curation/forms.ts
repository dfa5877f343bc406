/**
 * The curation dialogs: create / edit an actor, create a relationship with its first claim, add
 * evidence, end a relationship, merge two actors, delete with confirmation. Each calls the API
 * and then tells the explorer what changed (see ./refresh.ts).
 */
import { api, type ActorDetail, type GraphSchema, type RelationshipDetail } from '../../api.js';
import type { Explorer } from '../../app.js';
import { h } from '../dom.js';
import { curationApi, type ActorBody } from './client.js';
import { claimFields } from './claim-fields.js';
import { field, input, listOf, openForm, select, textarea, valueOf } from './dialog.js';
import { actorPicker } from './pickers.js';
import { afterActorChange, afterActorGone, afterRelationshipChange, afterRelationshipGone } from './refresh.js';

/** The vocabulary for the selects: the explorer's copy, or fetched when it has not arrived yet. */
const vocabulary = async (explorer: Explorer): Promise<GraphSchema> => explorer.schema ?? (await api.schema());

const kindOptions = (schema: GraphSchema | null) => (schema?.actorKinds ?? []).map((k) => ({ value: k.kind, label: k.label }));
const typeOptions = (schema: GraphSchema | null) => (schema?.relationshipTypes ?? []).map((t) => ({ value: t.type, label: `${t.label} (${t.type})` }));
const statusOptions = (schema: GraphSchema | null) => (schema?.statuses ?? []).map((s) => ({ value: s.status, label: s.label }));

/** Create (no `detail`) or edit an actor. Editing sends the `updatedAt` read with the details (409 if stale). */
export async function actorForm(explorer: Explorer, detail?: ActorDetail): Promise<void> {
  const schema = await vocabulary(explorer);
  const a = detail?.actor.data;
  const name = input('name', { maxlength: 200, required: true, value: a?.name ?? '' });
  const kind = select('kind', kindOptions(schema), a?.kind ?? 'Organization');
  const aliases = input('aliases', { value: a?.aliases.join(', ') ?? '', placeholder: 'Other names, comma-separated' });
  const description = textarea('description', { maxlength: 500, rows: 2 });
  description.value = a?.description ?? '';
  const country = input('country', { maxlength: 2, placeholder: 'US', value: a?.country ?? '' });
  const url = input('url', { type: 'url', placeholder: 'https://…', value: a?.url ?? '' });
  const wikidata = input('wikidata', { placeholder: 'Q2283', value: a?.wikidata ?? '' });
  openForm(
    a ? `Edit ${a.name}` : 'New actor',
    [
      field('Name', name),
      field('Kind', kind),
      field('Aliases', aliases),
      field('Description', description, 'One neutral line.'),
      h('div', { className: 'cur-row' }, field('Country (ISO code)', country), field('Wikidata', wikidata)),
      field('Website', url),
    ],
    a ? 'Save changes' : 'Create actor',
    async () => {
      const body: ActorBody = { name: name.value.trim(), kind: kind.value, aliases: listOf(aliases), description: description.value.trim() };
      if (!a) {
        for (const [key, control] of [['country', country], ['url', url], ['wikidata', wikidata]] as const) {
          const v = valueOf(control);
          if (v) body[key] = v;
        }
        const created = await curationApi.createActor(body);
        await explorer.addActor(created.actor.data.id);
        explorer.announce(`${created.actor.data.name} created.`);
        return;
      }
      const patch: Partial<ActorBody> = { ...body, country: valueOf(country) ?? null, url: valueOf(url) ?? null, wikidata: valueOf(wikidata) ?? null };
      const updatedAt = typeof detail?.properties.updatedAt === 'string' ? detail.properties.updatedAt : null;
      const saved = await curationApi.updateActor(a.id, updatedAt, patch);
      afterActorChange(explorer, saved);
    },
    { id: 'cur-actor-dialog' },
  );
}

/** A new relationship between two actors with its first claim (more can be added later). */
export async function relationshipForm(explorer: Explorer, from?: { id: string; name: string }): Promise<void> {
  const schema = await vocabulary(explorer);
  const subject = actorPicker(explorer, 'source', 'Subject (from)', from);
  const object = actorPicker(explorer, 'target', 'Object (to)');
  const type = select('type', typeOptions(schema), 'PROVIDES_SERVICES_TO');
  const status = select('status', statusOptions(schema), 'alleged');
  const summary = textarea('summary', { maxlength: 500, rows: 2, placeholder: 'One neutral line saying who asserts what.' });
  const since = input('since', { placeholder: 'YYYY[-MM[-DD]]' });
  const until = input('until', { placeholder: 'YYYY[-MM[-DD]]' });
  const claim = claimFields(schema, [
    { label: 'Subject', run: (a) => subject.set(a.id, a.name) },
    { label: 'Object', run: (a) => object.set(a.id, a.name) },
  ]);
  openForm(
    'New relationship',
    [
      subject.element,
      field('Relationship', type),
      object.element,
      field('Status', status, 'Only an interested party’s accusation or unnamed sources: “alleged”.'),
      field('Summary', summary),
      h('div', { className: 'cur-row' }, field('Since', since), field('Until', until)),
      claim.element,
    ],
    'Create relationship',
    async () => {
      const source = subject.value();
      const target = object.value();
      if (!source || !target) throw new Error('Choose both actors from the suggestions.');
      const c = claim.value();
      if (typeof c === 'string') throw new Error(c);
      const created = await curationApi.createRelationship({
        source,
        target,
        type: type.value,
        status: status.value,
        summary: summary.value.trim(),
        ...(valueOf(since) ? { since: valueOf(since) } : {}),
        ...(valueOf(until) ? { until: valueOf(until) } : {}),
        claims: [c],
      });
      await afterRelationshipChange(explorer, created);
    },
    { id: 'cur-relationship-dialog' },
  );
}

export async function evidenceForm(explorer: Explorer, detail: RelationshipDetail): Promise<void> {
  const schema = await vocabulary(explorer);
  const r = detail.relationship.data;
  const claim = claimFields(schema, [{ label: 'Show on canvas', run: (a) => void explorer.addActor(a.id) }]);
  openForm(
    `Add evidence: ${detail.subject.data.name} ${r.label} ${detail.object.data.name}`,
    [claim.element],
    'Add evidence',
    async () => {
      const c = claim.value();
      if (typeof c === 'string') throw new Error(c);
      await afterRelationshipChange(explorer, await curationApi.addEvidence(r.id, [c]));
    },
    { id: 'cur-evidence-dialog' },
  );
}

export function endForm(explorer: Explorer, detail: RelationshipDetail): void {
  const r = detail.relationship.data;
  const until = input('until', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', required: true });
  openForm(
    `End: ${detail.subject.data.name} ${r.label} ${detail.object.data.name}`,
    [field('Ended on', until, r.since ? `Not before its start (${r.since}). The status becomes “ended”.` : 'The status becomes “ended”.')],
    'End relationship',
    async () => {
      await afterRelationshipChange(explorer, await curationApi.endRelationship(r.id, until.value.trim()));
    },
    { id: 'cur-end-dialog' },
  );
}

/** Merges the shown actor into another one (the survivor keeps its id; this id then resolves to it). */
export function mergeForm(explorer: Explorer, detail: ActorDetail): void {
  const a = detail.actor.data;
  const survivor = actorPicker(explorer, 'survivorId', 'Merge into (the actor that stays)');
  openForm(
    `Merge ${a.name} into another actor`,
    [
      h('p', {}, `Use when ${a.name} and another actor are the same entity. Its relationships and all their evidence move to the actor that stays; duplicates are combined, keeping every claim; its name becomes an alias there; its id keeps resolving.`),
      survivor.element,
    ],
    'Merge',
    async () => {
      const into = survivor.value();
      if (!into) throw new Error('Choose the actor that stays from the suggestions.');
      const result = await curationApi.mergeActors(into, a.id);
      await afterActorGone(explorer, a.id, result.survivor.actor.data.id);
      explorer.announce(`${a.name} merged into ${result.survivor.actor.data.name}: ${result.claimsMoved} claims moved.`);
    },
    { danger: true, id: 'cur-merge-dialog' },
  );
}

/** Deletion with confirmation: the id must be typed again; it is a retraction kept in the history. */
export function deleteForm(explorer: Explorer, target: { kind: 'actor' | 'relationship'; id: string; title: string }): void {
  const confirm = input('confirm', { autocomplete: 'off', placeholder: target.id });
  openForm(
    `Delete ${target.kind === 'actor' ? 'actor' : 'relationship'}: ${target.title}`,
    [
      h('p', {}, target.kind === 'actor' ? 'The actor and all its relationships are hidden from every view. Nothing is erased: the history keeps what it was, who deleted it and when.' : 'The relationship and its evidence are hidden from every view. Nothing is erased: the history keeps what it was, who deleted it and when.'),
      field(`Type “${target.id}” to confirm`, confirm),
    ],
    'Delete',
    async () => {
      if (confirm.value.trim() !== target.id) throw new Error(`Type ${target.id} exactly to confirm.`);
      if (target.kind === 'actor') {
        await curationApi.deleteActor(target.id);
        await afterActorGone(explorer, target.id, null);
      } else {
        await curationApi.deleteRelationship(target.id);
        await afterRelationshipGone(explorer, target.id);
      }
    },
    { danger: true, id: 'cur-delete-dialog' },
  );
}
