/**
 * `dbcourse drill`: spaced-repetition review of the definitions and interview questions of
 * the lessons studied so far. On a terminal, the drill screen (Ink, loaded only here); in a
 * pipe, what is due and how to drill; `--list` and `--json` print the session's cards.
 */
import { cardsOf, isStudied } from '../../drill/cards.js';
import { DEFAULT_NEW_PER_DAY, plan } from '../../drill/session.js';
import { DrillStore } from '../../drill/store.js';
import { drillJson, renderDrillList, renderDrillSummary, type DrillView }
  from '../../render/drill.js';
import { dataDir } from '../../util/paths.js';
import type { Context } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { canRunScreens } from '../screens-available.js';

export interface DrillOptions {
  list?: boolean;
  json?: boolean;
  /** New cards allowed today, as typed. */
  new?: string;
}

const MAX_NEW_PER_DAY = 500;

function newLimit(input: string | undefined): number {
  if (input === undefined) return DEFAULT_NEW_PER_DAY;
  if (!/^\d+$/.test(input.trim()) || Number(input) > MAX_NEW_PER_DAY) {
    throw new UsageError(`--new ${input}: нужно целое число от 0 до ${MAX_NEW_PER_DAY} — ` +
      `сколько новых карточек можно начать сегодня (по умолчанию ${DEFAULT_NEW_PER_DAY}).`);
  }
  return Number(input);
}

export async function drill(ctx: Context, options: DrillOptions): Promise<number> {
  const newPerDay = newLimit(options.new);
  const now = new Date();
  const progress = ctx.progress();
  const studied = (await ctx.readableLessons())
    .filter((lesson) => isStudied(progress.lesson(lesson.meta.key)));
  const cards = cardsOf(studied);
  const store = DrillStore.open(dataDir(ctx.io.env), (message) => ctx.warn(message), now);
  const records = store.records();
  const view: DrillView = { cards, records, plan: plan(cards, records, now, newPerDay),
    newPerDay, now };

  if (options.json) {
    ctx.print(JSON.stringify(drillJson(view), null, 2));
    return EXIT_OK;
  }
  if (options.list) {
    ctx.print(renderDrillList(view, ctx.screen));
    return EXIT_OK;
  }

  const { due, fresh, soon } = view.plan;
  if (!canRunScreens(ctx.io) || due.length + fresh.length + soon.length === 0) {
    ctx.print(renderDrillSummary(view, ctx.screen));
    return EXIT_OK;
  }

  const { withKeysHeld } = await import('../open-screens.js');
  return withKeysHeld(ctx.io, async () => {
    const { runDrillScreen } = await import('../../ui/drill/run.js');
    return runDrillScreen({ cards, store, newPerDay,
      stdout: ctx.io.stdout as NodeJS.WriteStream, stdin: ctx.io.stdin as NodeJS.ReadStream });
  });
}
