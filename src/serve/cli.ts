// `parley COMMAND …`: dispatches to serve/commands/<command>.ts and maps errors to exit codes.
import { describeError, isParleyError } from '../errors.js';
import { exitCodeFor } from './exit-codes.js';
import { processIo, type CommandModule, type Io } from './io.js';

const COMMANDS = ['extract', 'ingest', 'processes', 'timeline', 'actor', 'export', 'serve'] as const;
type CommandName = (typeof COMMANDS)[number];

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

async function load(name: CommandName): Promise<CommandModule | undefined> {
  try {
    return (await import(`./commands/${name}.js`)) as CommandModule;
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(`commands/${name}.js`)) return undefined;
    throw e;
  }
}

async function help(io: Io): Promise<number> {
  const lines = ['usage: parley COMMAND [options]', '', 'commands:'];
  for (const name of COMMANDS) {
    const mod = await load(name);
    if (mod) lines.push(`  ${name.padEnd(10)} ${mod.summary}`);
  }
  lines.push('', 'Run `parley COMMAND --help` for a command\'s options.');
  io.stdout(lines.join('\n') + '\n');
  return 0;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return help(io);
  if (name === '--version') {
    io.stdout('parley 0.1.0\n');
    return 0;
  }
  const mod = isCommand(name) ? await load(name) : undefined;
  if (!mod) {
    io.stderr(`parley: unknown command "${name}" (try parley --help)\n`);
    return 64;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(mod.usage.endsWith('\n') ? mod.usage : mod.usage + '\n');
    return 0;
  }
  try {
    return await mod.run(rest, io);
  } catch (e) {
    io.stderr(`parley ${name}: ${describeError(e)}\n`);
    return isParleyError(e) ? exitCodeFor(e.code) : 70;
  }
}
