import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createApiToken, tokenNameSchema } from '../auth/accounts.js';
import { type Role, roleSchema } from '../auth/roles.js';
import type { AuthRepository } from '../repositories/auth-repository.js';
import { CliError, type CliIo, processIo, table } from './auth-io.js';
import { runAuthCli } from './auth-run.js';

export const TOKENS_USAGE = `Usage:
  sightline tokens create --name <name> [--role reader|editor|admin] [--json]
      Creates an API token (default role: editor) and prints it ONCE; only its HMAC is stored
      (keyed with SIGHTLINE_AUTH_SECRET, else SIGHTLINE_DATA_DIR/auth-secret: use the app's).
  sightline tokens list [--json]
  sightline tokens revoke <id>
      Revokes a token for good (it stays listed, as revoked).
Send a token as "Authorization: Bearer <token>".
Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, else the embedded one of SIGHTLINE_DATA_DIR.`;

export type TokensPlan =
  | { command: 'create'; name: string; role: Role; json: boolean }
  | { command: 'list'; json: boolean }
  | { command: 'revoke'; id: string };

/** Checks the arguments of `tokens …`; undefined after printing the usage. Throws CliError. */
export function planTokens(args: string[], io: CliIo): TokensPlan | undefined {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.err(TOKENS_USAGE);
    return undefined;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', default: 'editor' }, json: { type: 'boolean', default: false } },
  });
  switch (command) {
    case 'create': {
      const name = tokenNameSchema.safeParse(values.name);
      if (!name.success) throw new CliError(`--name: ${name.error.issues[0]?.message ?? 'invalid'} (what the token is for, e.g. --name ci)`);
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new CliError('--role: one of reader, editor, admin');
      return { command, name: name.data, role: role.data, json: values.json };
    }
    case 'list':
      return { command, json: values.json };
    case 'revoke': {
      const id = positionals[0];
      if (!id || positionals.length > 1) throw new CliError('give one token id: sightline tokens revoke <id> (see tokens list)');
      return { command, id };
    }
    default:
      throw new CliError(`unknown command "tokens ${command}"\n${TOKENS_USAGE}`);
  }
}

/** Runs a checked `tokens …` command; returns the exit code. */
export async function executeTokens(plan: TokensPlan, repository: AuthRepository, io: CliIo): Promise<number> {
  switch (plan.command) {
    case 'create': {
      const { token, record } = await createApiToken(repository, plan.name, plan.role);
      if (plan.json) {
        io.out(JSON.stringify({ id: record.id, name: record.name, role: record.role, createdAt: record.createdAt, token }));
      } else {
        io.err(`Created API token ${record.id} "${record.name}" (${record.role}). Copy it now: it is not shown again.`);
        io.out(token);
      }
      return 0;
    }
    case 'list': {
      const shown = (await repository.listTokens()).map(({ hash: _hidden, ...token }) => token);
      if (plan.json) {
        io.out(JSON.stringify(shown));
      } else if (shown.length === 0) {
        io.err('No API tokens yet: sightline tokens create --name <name> --role editor');
      } else {
        const rows = shown.map((t) => [t.id, t.name, t.role, t.revokedAt ? 'revoked' : 'active', t.createdAt, t.lastUsedAt ?? 'never']);
        for (const line of table([['ID', 'NAME', 'ROLE', 'STATUS', 'CREATED', 'LAST USED'], ...rows])) io.out(line);
      }
      return 0;
    }
    case 'revoke': {
      const revoked = await repository.revokeToken(plan.id, new Date().toISOString());
      if (!revoked) throw new CliError(`no API token has the id ${JSON.stringify(plan.id)} (see tokens list)`);
      io.err(`Revoked API token ${revoked.id} "${revoked.name}" (at ${revoked.revokedAt}).`);
      return 0;
    }
  }
}

/** `sightline tokens …` (or `npm run tokens -- …`). */
export function tokensMain(args: string[], io: CliIo = processIo): Promise<number> {
  return runAuthCli(() => planTokens(args, io), (plan, repository) => executeTokens(plan, repository, io), io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void tokensMain(process.argv.slice(2)).then((code) => process.exit(code));
}
