/** A whole lesson as terminal text: theory, definitions, interview, resources, practice. */
import type { Lesson } from '../course/course.js';
import { isSqlExercise } from '../course/kinds.js';
import type { Definition, Exercise } from '../course/format.js';
import type { ExerciseProgress } from '../progress/store.js';
import { wrapText } from './wrap.js';
import { renderMarkdownSections, type RenderedSection } from './markdown.js';
import { codeSpans, type Screen } from './screen.js';

export interface PracticeItem {
  exercise: Exercise;
  path: string;
  progress: ExerciseProgress;
}

function section(title: string, screen: Screen): string {
  return screen.style.heading(title.toUpperCase());
}

function wrapped(text: string, width: number, prefix = ''): string {
  return wrapText(text, width - prefix.length).map((line) => (line ? prefix + line : line))
    .join('\n');
}

function definition(d: Definition, screen: Screen): string {
  const { style, width } = screen;
  const bar = style.color ? style.accent('▌ ') : '| ';
  const lines = [
    bar + style.accent(d.term) + (d.en ? style.dim(` (${d.en})`) : ''),
    ...wrapText(`Официально: ${d.official.text}`, width - 4).map((l) => bar + l),
    ...wrapText(`Источник: ${d.official.source}`, width - 4).map((l) => bar + style.dim(l)),
    ...wrapText(`На собеседовании: ${d.interview}`, width - 4).map((l) => bar + style.italic(l)),
  ];
  return lines.join('\n');
}

/** The task, wrapped to `width` with `indent`; options hang under their letter. */
export function exerciseTask(exercise: Exercise, width: number, indent: string): string {
  const text = isSqlExercise(exercise) ? exercise.task : exercise.question;
  const lines = [wrapped(text, width, indent)];
  if (exercise.kind === 'choice' || exercise.kind === 'ordering') {
    lines.push('');
    for (const o of exercise.options) {
      lines.push(wrapText(`${o.key}) ${o.text}`, width - indent.length - 2)
        .map((line) => `${indent}  ${line}`).join('\n'));
    }
  }
  return lines.join('\n');
}

function kindLabel(exercise: Exercise): string {
  switch (exercise.kind) {
    case 'query':
      return 'запрос';
    case 'change':
      return 'изменение данных';
    case 'schema':
      return 'схема';
    case 'plan':
      return 'план запроса';
    case 'choice':
      return exercise.multiple ? 'несколько вариантов' : 'один вариант';
    case 'ordering':
      return 'порядок';
    case 'short':
      return 'короткий ответ';
  }
}

export function renderPractice(lesson: Lesson, items: PracticeItem[], screen: Screen): string {
  const { style, width } = screen;
  const done = items.filter((i) => i.progress.passed).length;
  const out = [section(`Практика: решено ${done} из ${items.length}`, screen)];

  items.forEach((item, index) => {
    const mark = item.progress.passed
      ? (style.color ? style.ok('✓') : '[x]')
      : (style.color ? style.dim('○') : '[ ]');
    out.push([
      `${mark} ${style.bold(`${index + 1}. ${item.exercise.title}`)} ` +
        style.dim(`(${item.exercise.id}, ${kindLabel(item.exercise)})`),
      exerciseTask(item.exercise, width, '    '),
      `    Файл ответа: ${style.accent(item.path)}`,
    ].join('\n'));
  });

  out.push([
    `Проверить:  dbcourse check ${lesson.entry.short}` +
      style.dim('  (или одно упражнение: dbcourse check ' +
      `${lesson.entry.short} ${items[0]?.exercise.id ?? ''})`),
    `Подсказка:  dbcourse hint ${lesson.entry.short} <упражнение>`,
    `Решение:    dbcourse solution ${lesson.entry.short} <упражнение>` +
      style.dim('  (после того как решили)'),
    ...(items.some((i) => isSqlExercise(i.exercise)) ? ['Консоль:    dbcourse sql' +
      style.dim('  (любые запросы к копии базы магазина; \\d books — столбцы таблицы)')] : []),
  ].join('\n'));

  return out.join('\n\n');
}

export interface LessonView {
  practice: PracticeItem[];
  /** "2-3 NULL и трёхзначная логика" for each prerequisite. */
  prerequisites: string[];
}

/**
 * The lesson cut into the parts a reader's table of contents lists: the heading block, the
 * theory at each heading, definitions, interview questions, resources, practice.
 */
export function lessonSections(lesson: Lesson, view: LessonView, screen: Screen):
  RenderedSection[] {
  const { style, width } = screen;
  const { entry, meta } = lesson;
  const topic = entry.topic;
  const head: string[] = [];

  head.push(style.dim(`Глава ${topic.chapter.number}. ${topic.chapter.title} › ${topic.title}`));
  head.push(style.accent(`Урок ${entry.short}. ${meta.title}`));
  head.push(wrapped(`Цель: ${meta.goal}`, width));

  if (view.prerequisites.length > 0) {
    head.push(style.dim(wrapped(`Опирается на уроки: ${view.prerequisites.join('; ')}`, width)));
  }

  const part = (title: string, body: string): RenderedSection =>
    ({ title, depth: 2, text: `${section(title, screen)}\n\n${body}` });

  return [
    { title: meta.title, depth: 1, text: codeSpans(head.join('\n\n'), style) },
    ...renderMarkdownSections(lesson.body, screen),
    part('Определения', codeSpans(meta.definitions.map((d) => definition(d, screen))
      .join('\n\n'), style)),
    part('Вопросы с собеседований', codeSpans(meta.interview.map((q, i) => [
      style.bold(wrapped(`${i + 1}. ${q.question}`, width)),
      wrapped(q.answer, width, '   '),
    ].join('\n')).join('\n\n'), style)),
    part('Что почитать', meta.resources.map((r) => [
      `• ${style.bold(r.title)} ${style.dim(`[${r.kind}, ${r.lang}]`)}`,
      `  ${style.accent(r.url)}`,
      wrapped(r.note, width, '  '),
    ].join('\n')).join('\n')),
    { title: 'Практика', depth: 2, text: renderPractice(lesson, view.practice, screen) },
  ];
}

export function renderLesson(lesson: Lesson, view: LessonView, screen: Screen): string {
  return lessonSections(lesson, view, screen).map((s) => s.text).join('\n\n') + '\n';
}
