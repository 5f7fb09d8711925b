/** A whole lesson as terminal text: theory, definitions, interview, resources, practice. */
import type { Lesson } from '../course/course.js';
import { isSqlExercise } from '../course/kinds.js';
import type { Definition, Exercise } from '../course/format.js';
import type { ExerciseProgress } from '../progress/store.js';
import { displayWidth } from './width.js';
import { wrapText } from './wrap.js';
import { renderMarkdownSections, type RenderedSection } from './markdown.js';
import { codeSpans, type Screen } from './screen.js';
import { englishName } from './term.js';

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

/**
 * A styled line as it is when it fits; otherwise its plain text wrapped (list markers hang),
 * each line in one `paint`: the line's own mix of styles does not survive the breaks.
 */
function styledOrWrapped(styled: string, plain: string, width: number,
  paint: (text: string) => string): string {
  if (displayWidth(plain) <= width) return styled;
  return wrapText(plain, width).map((line) => paint(line)).join('\n');
}

function definition(d: Definition, screen: Screen): string {
  const { style, width } = screen;
  const bar = style.color ? style.accent('▌ ') : '| ';
  const lines = [
    ...styledOrWrapped(style.accent(d.term) + style.dim(englishName(d.en, d.term)),
      d.term + englishName(d.en, d.term), width - 2, style.accent).split('\n')
      .map((l) => bar + l),
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

/** "[ ] 2. Title (id, kind)": on one line, or wrapped under the title when it is long. */
function titleLine(mark: string, title: string, about: string, screen: Screen): string {
  const { style, width } = screen;
  const markWidth = displayWidth(mark) + 1;
  if (markWidth + displayWidth(`${title} ${about}`) <= width) {
    return `${mark} ${style.bold(title)} ${style.dim(about)}`;
  }
  return wrapText(`${title} ${about}`, width - markWidth).map((line, i) =>
    (i === 0 ? `${mark} ` : ' '.repeat(markWidth)) + style.bold(line)).join('\n');
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
      titleLine(mark, `${index + 1}. ${item.exercise.title}`,
        `(${item.exercise.id}, ${kindLabel(item.exercise)})`, screen),
      exerciseTask(item.exercise, width, '    '),
      `    Файл ответа: ${style.accent(item.path)}`,
    ].join('\n'));
  });

  // A command, then a note in dim; on a narrow screen the note goes under the command.
  const command = (label: string, text: string, note?: string) => {
    const line = `${label.padEnd(12)}${text}`;
    if (!note) return line;
    if (displayWidth(`${line}  ${note}`) <= width) return `${line}  ${style.dim(note)}`;
    return [line, ...wrapText(note, width - 12).map((l) => ' '.repeat(12) + style.dim(l))]
      .join('\n');
  };
  const short = lesson.entry.short;
  out.push([
    command('Проверить:', `dbcourse check ${short}`, '(или одно упражнение: dbcourse check ' +
      `${short} ${items[0]?.exercise.id ?? ''})`),
    command('Подсказка:', `dbcourse hint ${short} <упражнение>`),
    command('Решение:', `dbcourse solution ${short} <упражнение>`, '(после того как решили)'),
    ...(items.some((i) => isSqlExercise(i.exercise)) ? [command('Консоль:', 'dbcourse sql',
      '(любые запросы к копии базы магазина; \\d books — столбцы таблицы)')] : []),
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
  head.push(wrapText(`Урок ${entry.short}. ${meta.title}`, width).map((l) => style.accent(l))
    .join('\n'));
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
      styledOrWrapped(`• ${style.bold(r.title)} ${style.dim(`[${r.kind}, ${r.lang}]`)}`,
        `• ${r.title} [${r.kind}, ${r.lang}]`, width, style.bold),
      `  ${style.accent(r.url)}`,
      wrapped(r.note, width, '  '),
    ].join('\n')).join('\n')),
    { title: 'Практика', depth: 2, text: renderPractice(lesson, view.practice, screen) },
  ];
}

export function renderLesson(lesson: Lesson, view: LessonView, screen: Screen): string {
  return lessonSections(lesson, view, screen).map((s) => s.text).join('\n\n') + '\n';
}
