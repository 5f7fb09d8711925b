/**
 * `dbcourse sql -e "..."` and SQL piped on stdin: statements run as soon as their `;` arrives,
 * results are printed as plain tables, and the first statement that fails stops the script
 * (exit code 1), as the mysql client does.
 */
import type { ConsoleRunner, Printed } from './runner.js';
import { isBlank, isComplete, isMetaCommand } from './split.js';

export interface PlainOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Runs lines of SQL and console commands; returns the exit code. */
export async function runPlain(runner: ConsoleRunner, lines: AsyncIterable<string> |
  Iterable<string>, output: PlainOutput, options: { typed?: boolean } = {}): Promise<number> {
  let pending: string[] = [];
  let first = true;

  const print = (printed: Printed[]) => {
    for (const item of printed) {
      // A blank line between results, none before the first.
      const text = (first ? '' : '\n') + item.text;
      first = false;
      if (item.error) output.err(text.replace(/^\n/, ''));
      else output.out(text);
    }
  };

  const run = async (entry: string): Promise<'go' | 'stop' | 'quit'> => {
    const result = await runner.entry(entry);
    print(result.printed);
    if (result.failed) return 'stop';
    return result.quit ? 'quit' : 'go';
  };

  let stopped = false;
  for await (const line of lines) {
    // After a failure the rest is read only to say whether something was left unrun.
    if (stopped) {
      if (!isBlank(line)) {
        output.err('Следующие операторы не выполнены.');
        return 1;
      }
      continue;
    }

    let step: 'go' | 'stop' | 'quit' = 'go';
    if (pending.length === 0 && isMetaCommand(line)) {
      step = await run(line);
    } else {
      pending.push(line);
      const text = pending.join('\n');
      if (isComplete(text)) {
        pending = [];
        step = await run(text);
      }
    }
    stopped = step === 'stop';
    // Someone typing at a terminal is not kept waiting for input that will never run.
    if (stopped && options.typed) return 1;
    if (step === 'quit') return 0;
  }

  if (stopped) return 1;
  const rest = pending.join('\n');
  if (!isBlank(rest) && await run(rest) === 'stop') return 1;
  return 0;
}
