/**
 * Reading the command line before commander does (it loads only when a command runs): which
 * words are the command and its arguments, and the --engine given, if any.
 */

/** Global options that take a value: `--engine mysql` names no command. */
const valued = new Set(['--engine', '--workspace']);

export interface Words {
  /** The command and its arguments: every word that is no option nor an option's value. */
  words: string[];
  engine?: string;
}

export function commandWords(argv: string[]): Words {
  let engine: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--engine=')) engine = arg.slice('--engine='.length);
    if (valued.has(arg)) {
      if (arg === '--engine') engine = argv[i + 1];
      i += 1;
    } else if (!arg.startsWith('-')) {
      words.push(arg);
    }
  }
  return { words, engine };
}
