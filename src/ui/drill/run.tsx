/** Opens the drill screen on the learner's terminal and waits until the session ends. */
import { render } from 'ink';
import type { DrillCard } from '../../drill/cards.js';
import { DrillSession } from '../../drill/session.js';
import type { DrillStore } from '../../drill/store.js';
import { DrillScreen, type DrillResult } from './DrillScreen.js';

export interface DrillRun {
  cards: readonly DrillCard[];
  store: DrillStore;
  newPerDay: number;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

/** Returns the exit code: 0, or 1 when a grade could not be saved. */
export async function runDrillScreen(run: DrillRun): Promise<number> {
  const session = new DrillSession({ cards: run.cards, records: run.store.records(),
    save: (id, record) => run.store.record(id, record), now: new Date(),
    newPerDay: run.newPerDay });
  const app = render(<DrillScreen session={session} />, {
    stdout: run.stdout,
    stdin: run.stdin,
    // Ctrl+C ends the session like q, with its summary; grades are saved as they are given.
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const result = (await app.waitUntilExit()) as DrillResult | undefined;
  return result?.code ?? 0;
}
