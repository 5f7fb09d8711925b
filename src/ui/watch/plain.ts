/**
 * `dbcourse watch` where there is no terminal to draw on (a pipe, a log, an editor's task
 * runner): each verdict is printed as plain lines when its file is saved, until interrupted.
 */
import { basename } from 'node:path';
import type { Context } from '../../cli/context.js';
import { wrapText } from '../../render/wrap.js';
import type { CheckEvent, WatchSession } from './session.js';
import { texts } from './texts.js';
import { exerciseLine, lessonPassedLines, summaryLine, verdictLines } from './view.js';

export async function watchPlain(ctx: Context, session: WatchSession, signal: AbortSignal):
  Promise<void> {
  const { style, width } = ctx.screen;
  const screen = { style, width };
  const { lesson, folder, engine } = session.snapshot();
  ctx.print(style.heading(`Урок ${lesson.entry.short}. ${lesson.meta.title}`) + '\n' +
    style.dim(texts.answersIn(folder, engine)));

  let announced = session.snapshot().lessonPassed;

  session.onCheck((event: CheckEvent) => {
    if (event.cause === 'start') return;
    const { view, snapshot } = event;
    const at = view.checkedAt ?? new Date();
    const lines = ['', style.dim((event.cause === 'save' ? texts.plainSaved : texts.plainManual)(
      at, basename(view.path)))];
    lines.push(...verdictLines(view, screen), summaryLine(snapshot, screen));
    if (snapshot.lessonPassed && !announced) {
      lines.push(...lessonPassedLines(snapshot, screen, false));
    }
    announced = snapshot.lessonPassed;
    ctx.print(lines.join('\n'));
  });

  const started = session.start();
  const armed = session.snapshot();
  ctx.print(texts.watching(armed.mode, armed.pollMs, armed.pollReason) + ' ' + texts.plainStart);
  // Events that stop working later switch the watcher to polling: said when it happens.
  let mode = armed.mode;
  session.subscribe(() => {
    const now = session.snapshot();
    if (now.mode === mode) return;
    mode = now.mode;
    ctx.print(style.warn(texts.watching(now.mode, now.pollMs, now.pollReason)));
  });

  await started;
  const ready = session.snapshot();
  // One engine problem fails every SQL exercise: said once, under the list.
  const problems = [...new Set(ready.exercises.flatMap((v) => v.problem ?? []))];
  ctx.print(['', ...ready.exercises.map((v) => exerciseLine(v, screen)),
    ...problems.flatMap((p) => wrapText(p, width).map((l) => style.bad(l))),
    summaryLine(ready, screen)].join('\n'));

  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  session.close();
}
