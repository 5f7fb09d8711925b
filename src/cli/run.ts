/**
 * Runs one dbcourse command: parses arguments, runs the command, turns every expected problem
 * into a Russian message and an exit code. Returns instead of exiting: bin/dbcourse exits.
 */
import { rememberHelp } from './help-cache.js';
import { CommanderError } from 'commander';
import { stuckThreads } from '../util/stuck-threads.js';
import type { Context, GlobalOptions } from './context.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UserError } from './errors.js';
import type { Io } from './io.js';
import { canRunScreens } from './screens-available.js';
import { textWidth } from './terminal.js';
import { wrapText } from '../render/wrap.js';
import { buildProgram, type Action } from './program.js';
import { commandWords } from './argv.js';

declare const __DBCOURSE_VERSION__: string | undefined;
const version = typeof __DBCOURSE_VERSION__ === 'string' ? __DBCOURSE_VERSION__ : 'dev';

export interface RunResult {
  code: number;
  /** A query thread is stuck in native code: only a hard kill ends the process. */
  hardExit: boolean;
}

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

/** Commander's errors, said in Russian with what to do. */
function usageMessage(error: CommanderError, command: string | undefined): string {
  const name = quoted(error.message);
  const help = command ? `dbcourse help ${command}` : 'dbcourse --help';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `Нет команды «${name}». Список команд: dbcourse --help`;
    case 'commander.unknownOption':
      return `Нет параметра «${name}». Параметры команды: dbcourse <команда> --help`;
    case 'commander.missingArgument':
      return `Не хватает аргумента «${name}». Как писать эту команду: ${help}`;
    case 'commander.optionMissingArgument':
      return `Параметру ${name.split(/[ ,]/)[0]} нужно значение. Справка: ${help}`;
    case 'commander.excessArguments':
      return `Лишние аргументы. Как писать эту команду: ${help}`;
    default:
      return `Команда записана неверно (${error.message}). Справка: ${help}`;
  }
}

function hasCommand(argv: string[]): boolean {
  return commandWords(argv).words.length > 0;
}

/**
 * No command at all means the course map in a terminal and "next" anywhere else (a pipe, a
 * script, an editor's task runner); global options alone do not count as a command.
 */
function withDefaultCommand(argv: string[], io: Io): string[] {
  if (hasCommand(argv) || argv.some((a) => ['-h', '--help', '-V', '--version'].includes(a))) {
    return argv;
  }
  return canRunScreens(io) ? [...argv, 'list', '--interactive'] : [...argv, 'next'];
}

export async function run(argv: string[], io: Io): Promise<RunResult> {
  let pending: { action: Action; options: GlobalOptions } | undefined;
  let printed = '';
  const program = buildProgram(version, (text) => {
    printed += text;
    io.stdout.write(text);
  }, textWidth(io), (action, options) => { pending = { action, options }; });

  const debug = argv.includes('--debug');
  let ctx: Context | undefined;
  let code = EXIT_OK;

  try {
    await program.parseAsync(withDefaultCommand(argv, io), { from: 'user' });

    if (pending) {
      const env = pending.options.color === false ? { ...io.env, NO_COLOR: '1' } : io.env;
      // Loaded here, not at the top: `dbcourse --help` needs none of it.
      const { Context } = await import('./context.js');
      ctx = new Context({ ...io, env }, pending.options);
      code = await pending.action(ctx);
    }
  } catch (error) {
    code = report(error, io, debug, argv);
  } finally {
    try {
      await ctx?.close();
    } catch (error) {
      if (debug) io.stderr.write(`${String(error)}\n`);
    }
  }

  if (code === EXIT_OK && !pending) rememberHelp(argv, io, printed);
  return { code, hardExit: stuckThreads() > 0 };
}

/** On a terminal, each line of a message wrapped at words, not cut in the middle of one. */
function terminalLines(message: string, out: Io['stderr']): string {
  if (!out.isTTY || !out.columns) return message;
  const width = out.columns;
  return message.split('\n').flatMap((line) => wrapText(line, width)).join('\n');
}

function report(error: unknown, io: Io, debug: boolean, argv: string[]): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ||
      error.code === 'commander.help') return EXIT_OK;
    io.stderr.write(usageMessage(error, argv.find((a) => !a.startsWith('-'))) + '\n');
    return EXIT_USAGE;
  }

  if (error instanceof UserError) {
    io.stderr.write(terminalLines(error.message, io.stderr) + '\n');
    if (debug && error.stack) io.stderr.write(error.stack + '\n');
    return error.exitCode;
  }

  const fileProblem = fileSystemMessage(error);
  if (fileProblem) {
    io.stderr.write(fileProblem + '\n');
    if (debug && (error as Error).stack) io.stderr.write((error as Error).stack + '\n');
    return EXIT_FAILED;
  }

  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`Внутренняя ошибка dbcourse: ${message}\n` + (debug
    ? `${(error as Error)?.stack ?? ''}\n`
    : 'Ваши ответы и прогресс не затронуты. Подробности: повторите команду с --debug.\n'));
  return EXIT_FAILED;
}

/**
 * A file or folder dbcourse needs that the system refuses (a data folder that is a file, no
 * rights, a full disk): said in Russian with the path, and what to do.
 */
function fileSystemMessage(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  const reasons: Record<string, string> = {
    ENOTDIR: 'часть этого пути — файл, а не папка',
    EISDIR: 'на месте файла — папка',
    EEXIST: 'на этом месте уже есть что-то другое',
    EACCES: 'нет прав на запись или чтение',
    EPERM: 'нет прав на запись или чтение',
    EROFS: 'файловая система только для чтения',
    ENOSPC: 'на диске нет места',
  };
  const reason = reasons[code];
  if (!reason) return undefined;
  return `dbcourse не может работать с ${path}: ${reason}. Исправьте путь или права; папки ` +
    'dbcourse можно перенести переменными DBCOURSE_DATA_DIR, DBCOURSE_CACHE_DIR и ' +
    'DBCOURSE_WORKSPACE (или XDG_DATA_HOME, XDG_CACHE_HOME). Ваши ответы и прогресс не ' +
    'затронуты.';
}
