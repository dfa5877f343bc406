import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createUser, newPasswordSchema, publicUser } from '../auth/accounts.js';
import { hashPassword } from '../auth/passwords.js';
import { authSecret } from '../auth/secret.js';
import { type Role, roleSchema } from '../auth/roles.js';
import type { AuthRepository } from '../repositories/auth-repository.js';
import { usernameSchema } from '../routes/auth/schema.js';
import { CliError, type CliIo, processIo, table } from './auth-io.js';
import { runAuthCli } from './auth-run.js';

export const USERS_USAGE = `Usage:
  sightline users create --username <name> [--role reader|editor|admin] [--password-stdin]
      Creates a web UI login (default role: editor). The password (10+ characters) is asked for
      on the terminal, or read from stdin with --password-stdin; it is stored as a scrypt hash
      keyed with the server-side secret (SIGHTLINE_AUTH_SECRET, else SIGHTLINE_DATA_DIR/auth-secret).
  sightline users list [--json]
  sightline users set-role --username <name> --role reader|editor|admin
  sightline users passwd --username <name> [--password-stdin]    (ends the user's sessions)
  sightline users delete --username <name>                       (ends the user's sessions)
Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, else the embedded one of SIGHTLINE_DATA_DIR.`;

export type UsersPlan =
  | { command: 'create'; username: string; role: Role; password: string }
  | { command: 'list'; json: boolean }
  | { command: 'set-role'; username: string; role: Role }
  | { command: 'passwd'; username: string; password: string }
  | { command: 'delete'; username: string };

function usernameOf(value: string | undefined): string {
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`--username: ${value === undefined ? 'required' : (parsed.error.issues[0]?.message ?? 'invalid')}`);
  return parsed.data;
}

function roleOf(value: string | undefined): Role {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new CliError('--role: one of reader, editor, admin');
  return parsed.data;
}

/** The new password: from stdin (one trailing newline dropped) or asked twice on the terminal. */
async function passwordOf(fromStdin: boolean, io: CliIo): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
  } else {
    const first = await io.promptSecret('Password: ');
    if (first === undefined) throw new CliError('no terminal to ask for the password on: pipe it in with --password-stdin');
    const again = await io.promptSecret('Password (again): ');
    if (first !== again) throw new CliError('the two passwords differ');
    password = first;
  }
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) throw new CliError('the password must have 10 to 1024 characters');
  return parsed.data;
}

/** Checks the arguments of `users …` (and reads the password); undefined after printing the usage. */
export async function planUsers(args: string[], io: CliIo): Promise<UsersPlan | undefined> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.err(USERS_USAGE);
    return undefined;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  switch (command) {
    case 'create': {
      const username = usernameOf(values.username);
      const role = roleOf(values.role ?? 'editor');
      return { command, username, role, password: await passwordOf(values['password-stdin'], io) };
    }
    case 'list':
      return { command, json: values.json };
    case 'set-role':
      return { command, username: usernameOf(values.username), role: roleOf(values.role) };
    case 'passwd': {
      const username = usernameOf(values.username);
      return { command, username, password: await passwordOf(values['password-stdin'], io) };
    }
    case 'delete':
      return { command, username: usernameOf(values.username) };
    default:
      throw new CliError(`unknown command "users ${command}"\n${USERS_USAGE}`);
  }
}

const noSuchUser = (username: string): CliError => new CliError(`no user is named ${JSON.stringify(username)} (see users list)`);

/** Runs a checked `users …` command; returns the exit code. */
export async function executeUsers(plan: UsersPlan, repository: AuthRepository, io: CliIo): Promise<number> {
  switch (plan.command) {
    case 'create': {
      const user = await createUser(repository, plan.username, plan.role, plan.password).catch((error: unknown) => {
        throw error instanceof Error && error.name === 'UserExistsError' ? new CliError(error.message) : error;
      });
      io.err(`Created user ${user.username} (${user.role}); log in from the explorer's header.`);
      return 0;
    }
    case 'list': {
      const users = (await repository.listUsers()).map(publicUser);
      if (plan.json) io.out(JSON.stringify(users));
      else if (users.length === 0) io.err('No users yet: sightline users create --username <name> --role editor');
      else for (const line of table([['USERNAME', 'ROLE', 'CREATED'], ...users.map((u) => [u.username, u.role, u.createdAt])])) io.out(line);
      return 0;
    }
    case 'set-role': {
      const user = await repository.setUserRole(plan.username, plan.role);
      if (!user) throw noSuchUser(plan.username);
      io.err(`${user.username} is now ${user.role}.`);
      return 0;
    }
    case 'passwd': {
      if (!(await repository.setUserPassword(plan.username, await hashPassword(plan.password, await authSecret())))) throw noSuchUser(plan.username);
      io.err(`Changed the password of ${plan.username}; their sessions have ended.`);
      return 0;
    }
    case 'delete': {
      if (!(await repository.deleteUser(plan.username))) throw noSuchUser(plan.username);
      io.err(`Deleted user ${plan.username} and their sessions.`);
      return 0;
    }
  }
}

/** `sightline users …` (or `npm run users -- …`). */
export function usersMain(args: string[], io: CliIo = processIo): Promise<number> {
  return runAuthCli(() => planUsers(args, io), (plan, repository) => executeUsers(plan, repository, io), io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void usersMain(process.argv.slice(2)).then((code) => process.exit(code));
}
