// What a command may touch of the outside world, so tests can run commands in-process.

export interface Io {
  readonly stdout: (chunk: string) => void;
  readonly stderr: (chunk: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves once written output has drained, so a long batch does not pile up in memory. */
  readonly drain?: () => Promise<void>;
}

// A reader that stops early (`parley export | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

export const processIo: Io = {
  stdout: (chunk) => { process.stdout.write(chunk); },
  stderr: (chunk) => { process.stderr.write(chunk); },
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  drain: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', () => resolve())) : Promise.resolve()),
};

/** A command: parses its own argv, returns the exit code, never throws for expected failures. */
export type Command = (argv: readonly string[], io: Io) => Promise<number>;

export interface CommandModule {
  readonly run: Command;
  /** One line for `parley --help`. */
  readonly summary: string;
  /** Full usage for `parley COMMAND --help`. */
  readonly usage: string;
}
