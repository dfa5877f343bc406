/**
 * The curation API client: writes (sent with the session cookie and its X-CSRF-Token, see
 * ../login.ts), the audit trail, and mention finding. Errors keep the API's stable code and the
 * field it names, so forms can point at the field.
 */
import type { ActorDetail, RelationshipDetail } from '../../api.js';
import { csrfHeaders } from '../login.js';

export class WriteError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new WriteError('The Sightline server is not answering.', 0, 'NETWORK', null);
  }
  const parsed = (await response.json().catch(() => null)) as { data?: T; error?: { code?: string; message?: string; field?: string } } | null;
  if (!response.ok || !parsed || parsed.data === undefined) {
    const code = parsed?.error?.code ?? 'HTTP';
    const message =
      code === 'UNAUTHENTICATED'
        ? 'Log in as an editor to change the graph.'
        : code === 'FORBIDDEN'
          ? 'Your account may read but not edit (editor role needed).'
          : code === 'CONFLICT'
            ? 'Someone changed this record since you opened it: close the form, reopen it and edit again.'
            : (parsed?.error?.message ?? `The server answered ${response.status}.`);
    throw new WriteError(message, response.status, code, parsed?.error?.field ?? null);
  }
  return parsed.data;
}

export interface ChangeEntry {
  id: string;
  at: string;
  by: string;
  action: string;
  targetKind: 'actor' | 'relationship';
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface MentionsResult {
  mentions: Array<{ start: number; end: number; text: string; actor: { id: string; name: string; kind: string }; matched: 'name' | 'alias'; term: string }>;
  actors: Array<{ id: string; name: string; kind: string; count: number }>;
}

export type SourceChoice = { id: string } | { title: string; publisher: string; url?: string; publishedAt?: string; author?: string };

export interface ClaimBody {
  quote: string;
  attributedTo: string;
  stance: string;
  note?: string;
  source: SourceChoice;
}

export interface ActorBody {
  name: string;
  kind: string;
  aliases: string[];
  description: string;
  country?: string | null;
  url?: string | null;
  wikidata?: string | null;
}

export interface RelationshipBody {
  source: string;
  target: string;
  type: string;
  status: string;
  summary: string;
  since?: string;
  until?: string;
  claims: ClaimBody[];
}

const enc = encodeURIComponent;

export const curationApi = {
  createActor: (body: ActorBody) => call<ActorDetail>('POST', '/api/actors', body),
  updateActor: (id: string, updatedAt: string | null, patch: Partial<ActorBody>) => call<ActorDetail>('PATCH', `/api/actors/${enc(id)}`, { updatedAt, ...patch }),
  deleteActor: (id: string) => call<{ id: string; relationshipsDeleted: string[] }>('DELETE', `/api/actors/${enc(id)}?confirm=${enc(id)}`),
  mergeActors: (survivorId: string, mergedId: string) =>
    call<{ survivor: ActorDetail; mergedId: string; moved: unknown[]; combined: unknown[]; dropped: string[]; claimsMoved: number }>('POST', '/api/actors/merge', { survivorId, mergedId }),
  createRelationship: (body: RelationshipBody) => call<RelationshipDetail>('POST', '/api/relationships', body),
  addEvidence: (id: string, claims: ClaimBody[]) => call<RelationshipDetail>('POST', `/api/relationships/${enc(id)}/claims`, { claims }),
  endRelationship: (id: string, until: string) => call<RelationshipDetail>('POST', `/api/relationships/${enc(id)}/end`, { until }),
  deleteRelationship: (id: string) => call<{ id: string }>('DELETE', `/api/relationships/${enc(id)}?confirm=${enc(id)}`),
  history: (kind: 'actor' | 'relationship', id: string) =>
    call<{ changes: ChangeEntry[] }>('GET', `/api/${kind === 'actor' ? 'actors' : 'relationships'}/${enc(id)}/history?limit=50`),
  mentions: (text: string) => call<MentionsResult>('POST', '/api/mentions', { text }),
};
