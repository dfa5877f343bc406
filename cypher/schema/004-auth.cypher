// Sightline schema, part 4: write access (server/src/auth, server/src/repositories/auth-repository.ts).
// API tokens, users and login sessions live in Neo4j so every app instance sees the same ones
// (the app stays stateless). None of these nodes is connected to the graph of actors.

// (:ApiToken {id, name, role, hash, createdAt, lastUsedAt?, revokedAt?}): `id` is the public
// lookup part of `slt_<id>_<secret>`; `hash` is the HMAC-SHA256 of the whole token keyed with the
// server-side secret, which is not in Neo4j (server/src/auth/secret.ts); never the token.
CREATE CONSTRAINT api_token_id_unique IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;

// (:User {id, username, role, passwordHash, createdAt}): passwordHash is scrypt with a per-user salt,
// HMAC'd with the server-side secret (a leaked row cannot be cracked without it).
CREATE CONSTRAINT user_id_unique IF NOT EXISTS
FOR (u:User) REQUIRE u.id IS UNIQUE;

CREATE CONSTRAINT user_username_unique IF NOT EXISTS
FOR (u:User) REQUIRE u.username IS UNIQUE;

// (:Session {idHash, userId, createdAt, expiresAt}): idHash is the SHA-256 of the cookie's session
// id (a stolen database dump holds no usable session); the CSRF token is derived from the session
// id, never stored.
CREATE CONSTRAINT session_id_hash_unique IF NOT EXISTS
FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
