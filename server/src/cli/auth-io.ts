/** Terminal input and output of the auth CLIs (tokens, users). */
export interface CliIo {
  /** Results (tokens, tables): stdout. */
  out(line: string): void;
  /** Messages and errors: stderr. */
  err(line: string): void;
  /** The whole of stdin (for --password-stdin). */
  readStdin(): Promise<string>;
  /** Asks for a secret without echoing it; undefined when there is no terminal to ask on. */
  promptSecret(question: string): Promise<string | undefined>;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  promptSecret: (question) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) return Promise.resolve(undefined);
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    return new Promise((resolve, reject) => {
      let value = '';
      const finish = (error?: Error): void => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: string): void => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
          if (ch === '\u0003') return finish(new Error('cancelled'));
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  },
};

/** Raised for a usage error or a refused request; the CLI prints the message and exits 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Fixed-width table of rows (first row: the header). */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
