import type { GraphDb } from '../db/graph-db.js';
import type { Role } from '../auth/roles.js';

/** An API token as stored: never the token itself, only its keyed `hash` (auth/api-tokens.ts). */
export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  hash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

/** A live session with the user it belongs to. */
export interface SessionRow {
  idHash: string;
  createdAt: string;
  expiresAt: string;
  user: { id: string; username: string; role: Role };
}

const TOKEN_FIELDS = 't {.id, .name, .role, .hash, .createdAt, .lastUsedAt, .revokedAt} AS token';

const CREATE_TOKEN = `
CREATE (t:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt})
RETURN ${TOKEN_FIELDS}`;
const FIND_TOKEN = `MATCH (t:ApiToken {id: $id}) RETURN ${TOKEN_FIELDS}`;
const LIST_TOKENS = `MATCH (t:ApiToken) WITH t ORDER BY t.createdAt, t.id RETURN ${TOKEN_FIELDS}`;
const REVOKE_TOKEN = `
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $now)
RETURN ${TOKEN_FIELDS}`;
/** Records use, at most once per throttle window (the WHERE re-checks, so racing instances write once). */
const TOUCH_TOKEN = `
MATCH (t:ApiToken {id: $id})
WHERE t.lastUsedAt IS NULL OR t.lastUsedAt < $staleBefore
SET t.lastUsedAt = $now`;

const USER_FIELDS = 'u {.id, .username, .role, .passwordHash, .createdAt} AS user';
const CREATE_USER = `
CREATE (u:User {id: $id, username: $username, role: $role, passwordHash: $passwordHash, createdAt: $createdAt})
RETURN ${USER_FIELDS}`;
const FIND_USER = `MATCH (u:User {username: $username}) RETURN ${USER_FIELDS}`;
const LIST_USERS = `MATCH (u:User) WITH u ORDER BY u.username RETURN ${USER_FIELDS}`;
const SET_USER_ROLE = `MATCH (u:User {username: $username}) SET u.role = $role RETURN ${USER_FIELDS}`;
const SET_USER_PASSWORD = `
MATCH (u:User {username: $username}) SET u.passwordHash = $passwordHash
WITH u OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE s
RETURN count(*) AS n`;
const DELETE_USER = `
MATCH (u:User {username: $username})
OPTIONAL MATCH (s:Session {userId: u.id})
DETACH DELETE s
WITH DISTINCT u DETACH DELETE u
RETURN count(*) AS deleted`;

const CREATE_SESSION = `
CREATE (s:Session {idHash: $idHash, userId: $userId, createdAt: $createdAt, expiresAt: $expiresAt})`;
/** A live session and its user; the role is read from the user, so a role change applies at once. */
const FIND_SESSION = `
MATCH (s:Session {idHash: $idHash}) WHERE s.expiresAt > $now
MATCH (u:User {id: s.userId})
RETURN s {.idHash, .createdAt, .expiresAt, user: u {.id, .username, .role}} AS session`;
const DELETE_SESSION = `MATCH (s:Session {idHash: $idHash}) DELETE s RETURN count(*) AS deleted`;
const DELETE_EXPIRED_SESSIONS = `MATCH (s:Session) WHERE s.expiresAt <= $now DELETE s RETURN count(*) AS deleted`;

/**
 * API tokens, users and login sessions in Neo4j (:ApiToken, :User, :Session — see
 * cypher/schema/004-auth.cypher). Times are ISO-8601 UTC strings from Date#toISOString, so they
 * compare correctly as strings. Nothing secret is stored in a usable form: API tokens as an HMAC
 * and passwords as a scrypt HMAC, both keyed with the server-side secret that is not in Neo4j
 * (auth/secret.ts); session ids as SHA-256; CSRF tokens not at all (derived from the session id).
 */
export class AuthRepository {
  constructor(private readonly db: GraphDb) {}

  async createToken(token: Omit<ApiTokenRow, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRow> {
    const [row] = await this.db.write(CREATE_TOKEN, token);
    return row?.token as ApiTokenRow;
  }

  async findToken(id: string): Promise<ApiTokenRow | undefined> {
    const [row] = await this.db.read(FIND_TOKEN, { id });
    return row?.token as ApiTokenRow | undefined;
  }

  async listTokens(): Promise<ApiTokenRow[]> {
    return (await this.db.read(LIST_TOKENS)).map((row) => row.token as ApiTokenRow);
  }

  /** Marks a token revoked (kept for the record); undefined when no token has that id. */
  async revokeToken(id: string, now: string): Promise<ApiTokenRow | undefined> {
    const [row] = await this.db.write(REVOKE_TOKEN, { id, now });
    return row?.token as ApiTokenRow | undefined;
  }

  async touchToken(id: string, now: string, staleBefore: string): Promise<void> {
    await this.db.write(TOUCH_TOKEN, { id, now, staleBefore });
  }

  async createUser(user: UserRow): Promise<UserRow> {
    const [row] = await this.db.write(CREATE_USER, { ...user });
    return row?.user as UserRow;
  }

  async findUser(username: string): Promise<UserRow | undefined> {
    const [row] = await this.db.read(FIND_USER, { username });
    return row?.user as UserRow | undefined;
  }

  async listUsers(): Promise<UserRow[]> {
    return (await this.db.read(LIST_USERS)).map((row) => row.user as UserRow);
  }

  async setUserRole(username: string, role: Role): Promise<UserRow | undefined> {
    const [row] = await this.db.write(SET_USER_ROLE, { username, role });
    return row?.user as UserRow | undefined;
  }

  /** Replaces a password and ends every session of that user. */
  async setUserPassword(username: string, passwordHash: string): Promise<boolean> {
    const found = await this.findUser(username);
    if (!found) return false;
    await this.db.write(SET_USER_PASSWORD, { username, passwordHash });
    return true;
  }

  /** Deletes a user and its sessions; false when there was no such user. */
  async deleteUser(username: string): Promise<boolean> {
    const [row] = await this.db.write(DELETE_USER, { username });
    return Number(row?.deleted ?? 0) > 0;
  }

  async createSession(session: { idHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.write(CREATE_SESSION, session);
  }

  async findSession(idHash: string, now: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.read(FIND_SESSION, { idHash, now });
    return row?.session as SessionRow | undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.write(DELETE_SESSION, { idHash });
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const [row] = await this.db.write(DELETE_EXPIRED_SESSIONS, { now });
    return Number(row?.deleted ?? 0);
  }
}
