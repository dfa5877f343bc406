import { randomUUID } from 'node:crypto';

/** What a change did. */
export const CHANGE_ACTIONS = [
  'create',
  'update',
  'add-evidence',
  'end',
  'delete',
  /** On the survivor of a merge. */
  'merge',
  /** On the actor merged away (its id then resolves to the survivor). */
  'merged-into',
  /** On a relationship of the merged actor: moved to (or combined into) one of the survivor's, or retracted as a meaningless self-loop. */
  'merge-move',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export type ChangeTargetKind = 'actor' | 'relationship';

/** One entry of the audit trail, as written: `before` / `after` are snapshots (null: did not exist / no longer visible). */
export interface ChangeInput {
  action: ChangeAction;
  targetKind: ChangeTargetKind;
  targetId: string;
  /** Who: the principal of the request (API token name or username). */
  by: string;
  before: unknown;
  after: unknown;
}

/** The properties of a (:Change) node: snapshots are stored as JSON text (Neo4j stores no maps). */
export interface ChangeProperties {
  id: string;
  at: string;
  by: string;
  action: ChangeAction;
  targetKind: ChangeTargetKind;
  targetId: string;
  before: string | null;
  after: string | null;
}

export function changeProperties(change: ChangeInput, at: string): ChangeProperties {
  return {
    id: `change-${randomUUID()}`,
    at,
    by: change.by,
    action: change.action,
    targetKind: change.targetKind,
    targetId: change.targetId,
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
  };
}
