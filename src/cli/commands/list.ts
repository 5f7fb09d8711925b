import { bar, stateMark } from '../../render/screen.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';

export async function list(ctx: Context): Promise<number> {
  const course = await ctx.course();
  const readable = new Map((await ctx.readableLessons()).map((l) => [l.entry.file, l]));
  const { style } = ctx.screen;
  const lines: string[] = [];
  let passedTotal = 0;
  let nextShort: string | undefined;

  for (const chapter of course.chapters) {
    const chapterLines: string[] = [];
    let chapterPassed = 0;
    let chapterTotal = 0;

    for (const topic of chapter.topics) {
      chapterLines.push(`  ${style.bold(topic.title)}`);

      for (const entry of topic.lessons) {
        const lesson = readable.get(entry.file);
        chapterTotal += 1;

        if (!lesson) {
          chapterLines.push(`    ${style.bad('!')}   ${entry.short.padEnd(5)} ` +
            style.dim('урок не читается (подробности выше)'));
          continue;
        }

        const state = ctx.lessonState(lesson);
        const progress = ctx.progress().lesson(lesson.meta.key);
        const solved = lesson.meta.exercises.filter((e) => progress.exercises[e.id]?.passed);
        if (state === 'passed') chapterPassed += 1;
        const isNext = state !== 'passed' && nextShort === undefined;
        if (isNext) nextShort = entry.short;

        const count = state === 'started'
          ? style.dim(`  ${solved.length}/${lesson.meta.exercises.length}`) : '';
        chapterLines.push(`    ${stateMark(state, ctx.screen)} ${entry.short.padEnd(5)} ` +
          `${lesson.meta.title}${count}${isNext ? style.accent('  ← дальше') : ''}`);
      }
    }

    passedTotal += chapterPassed;
    lines.push(style.heading(`Глава ${chapter.number}. ${chapter.title}`) +
      style.dim(`  ${chapterPassed}/${chapterTotal}`), ...chapterLines, '');
  }

  const total = course.lessons.length;
  ctx.print([
    `Пройдено уроков: ${passedTotal} из ${total}  ${bar(passedTotal, total, 20, ctx.screen)}`,
    '',
    ...lines,
    style.dim(nextShort
      ? `Продолжить: dbcourse next (урок ${nextShort}); любой урок: dbcourse show <урок>`
      : 'Все уроки пройдены.'),
  ].join('\n'));
  return EXIT_OK;
}
