import { createHash, createHmac, randomBytes, scryptSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateApiToken, parseApiToken } from '../../server/src/auth/api-tokens.js';
import { csrfTokenFor, safeEqual } from '../../server/src/auth/csrf.js';
import { hashPassword, UnpepperedPasswordHashError, verifyPassword } from '../../server/src/auth/passwords.js';
import { parseAuthSecret } from '../../server/src/auth/secret-format.js';
import { loadAuthSecret, loadOrCreateSecretFile } from '../../server/src/auth/secret.js';
import { loadConfig } from '../../server/src/config/env.js';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PEPPER = randomBytes(32);
const OTHER_PEPPER = randomBytes(32);
import { ROLES, roleSatisfies } from '../../server/src/auth/roles.js';

describe('API tokens', () => {
  it('are slt_<16 hex id>_<256-bit base64url secret>, unique, and stored as their HMAC keyed with the pepper', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const { id, token, hash } = generateApiToken(PEPPER);
      expect(token).toMatch(/^slt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(21), 'base64url')).toHaveLength(32);
      expect(parseApiToken(token)).toEqual({ id });
      expect(hash).toBe(createHmac('sha256', PEPPER).update(token).digest('hex'));
      expect(hash).not.toBe(createHash('sha256').update(token).digest('hex'));
      expect(hash).not.toContain(token.slice(21));
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });

  it('parse nothing but well-formed tokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const parsed = parseApiToken(text);
        if (parsed) expect(text).toMatch(/^slt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      }),
    );
    const { token } = generateApiToken(PEPPER);
    for (const bad of [`${token}x`, token.slice(0, -1), token.toUpperCase(), ` ${token}`, token.replace('slt_', 'sl_'), '']) {
      expect(parseApiToken(bad), bad).toBeUndefined();
    }
  });
});

describe('passwords', () => {
  it('hash with scrypt, a per-hash salt and the pepper, and verify only the right password with the same pepper', async () => {
    const a = await hashPassword('correct horse battery staple', PEPPER);
    const b = await hashPassword('correct horse battery staple', PEPPER);
    expect(a).toMatch(/^scrypt-hmac\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', a, PEPPER)).toBe(true);
    expect(await verifyPassword('correct horse battery staple', b, PEPPER)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a, PEPPER)).toBe(false);
    expect(await verifyPassword('', a, PEPPER)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', a, OTHER_PEPPER)).toBe(false);
  });

  it('store nothing that scrypt of the password with the stored salt reproduces (no offline check without the pepper)', async () => {
    const stored = await hashPassword('correct horse battery staple', PEPPER);
    const [, N, r, p, salt, mac] = stored.split('$');
    const bare = scryptSync('correct horse battery staple', Buffer.from(salt as string, 'base64'), 32, { N: Number(N), r: Number(r), p: Number(p), maxmem: 256 * Number(N) * Number(r) });
    expect(bare.toString('base64')).not.toBe(mac);
    expect(createHmac('sha256', PEPPER).update(bare).digest('base64')).toBe(mac);
  });

  it('refuse an old unpeppered scrypt$ hash with a clear error (fail closed)', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old-password-1', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await expect(verifyPassword('old-password-1', old, PEPPER)).rejects.toThrow(UnpepperedPasswordHashError);
    await expect(verifyPassword('old-password-1', old, PEPPER)).rejects.toThrow(/users -- passwd/);
  });

  it('treat a malformed stored hash as a mismatch, not an error', async () => {
    for (const stored of ['', 'plain', 'scrypt-hmac$x$8$1$AA==$AA==', 'bcrypt$1$2$3$4$5', 'scrypt-hmac$16384$8$1$AA==$', 'scrypt-hmac$1073741824$8$1$AA==$' + 'A'.repeat(43) + '=']) {
      expect(await verifyPassword('anything', stored, PEPPER), stored).toBe(false);
    }
  });

  it('treat a composed and a decomposed accent as the same password (NFC)', async () => {
    const stored = await hashPassword('Zoë-password-1', PEPPER);
    expect(await verifyPassword('Zoe\u0308-password-1', stored, PEPPER)).toBe(true);
  });
});

describe('roles', () => {
  it('order admin ⊇ editor ⊇ reader', () => {
    expect(ROLES).toEqual(['reader', 'editor', 'admin']);
    expect(roleSatisfies('admin', 'editor')).toBe(true);
    expect(roleSatisfies('editor', 'editor')).toBe(true);
    expect(roleSatisfies('editor', 'admin')).toBe(false);
    expect(roleSatisfies('reader', 'editor')).toBe(false);
    expect(roleSatisfies('reader', 'reader')).toBe(true);
  });
});

describe('safeEqual', () => {
  it('compares strings of any length without throwing', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
        expect(safeEqual(a, a)).toBe(true);
      }),
    );
  });
});

describe('CSRF tokens', () => {
  it('are base64url(HMAC-SHA256(session id, "sightline-csrf-v1")): per session, and not computable from the stored SHA-256', () => {
    const sessionId = randomBytes(32).toString('base64url');
    const token = csrfTokenFor(sessionId);
    expect(token).toBe(createHmac('sha256', sessionId).update('sightline-csrf-v1').digest('base64url'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenFor(sessionId)).toBe(token);
    expect(csrfTokenFor(randomBytes(32).toString('base64url'))).not.toBe(token);
    const idHash = createHash('sha256').update(sessionId).digest('hex');
    expect(csrfTokenFor(idHash)).not.toBe(token);
  });
});

describe('the server-side secret', () => {
  it('reads hex and base64 of at least 32 bytes, and refuses anything shorter or malformed', () => {
    const bytes = randomBytes(32);
    expect(parseAuthSecret(bytes.toString('hex'))).toEqual(bytes);
    expect(parseAuthSecret(bytes.toString('base64'))).toEqual(bytes);
    expect(parseAuthSecret(`${bytes.toString('base64url')}\n`)).toEqual(bytes);
    expect(() => parseAuthSecret(randomBytes(16).toString('hex'))).toThrow(/at least 32 bytes/);
    expect(() => parseAuthSecret('not a secret!')).toThrow(/hex or base64/);
  });

  it('is generated once into the data folder with mode 0600, the same for concurrent first uses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sightline-secret-'));
    try {
      const file = join(dir, 'nested', 'auth-secret');
      const all = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecretFile(file)));
      for (const secret of all) expect(secret).toEqual(all[0]);
      expect(all[0]).toHaveLength(32);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await loadAuthSecret({ value: undefined, file })).toEqual(all[0]);
      const explicit = randomBytes(32);
      expect(await loadAuthSecret({ value: explicit.toString('hex'), file })).toEqual(explicit);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a short SIGHTLINE_AUTH_SECRET at start-up', () => {
    expect(() => loadConfig({ SIGHTLINE_AUTH_SECRET: 'short' })).toThrow(/SIGHTLINE_AUTH_SECRET must hold at least 32 bytes/);
  });
});
