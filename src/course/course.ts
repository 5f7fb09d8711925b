/**
 * The course tree read from lessons/: chapters, topics and lessons in folder order. Listing the
 * tree reads only directories; lesson files are parsed when a command needs their content.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError, UserError } from '../cli/errors.js';
import { cachedParse } from './cache.js';
import { LessonFormatError } from './errors.js';
import type { LessonFrontMatter } from './format.js';
import { formatLessonId, parseLessonId, shortLessonId, type LessonPosition } from './lesson-id.js';

export interface ChapterNode {
  number: number;
  key: string;
  title: string;
  topics: TopicNode[];
}

export interface TopicNode {
  key: string;
  title: string;
  chapter: ChapterNode;
  lessons: LessonEntry[];
}

export interface LessonEntry {
  /** lesson-2-4 */
  id: string;
  /** 2-4 */
  short: string;
  position: LessonPosition;
  file: string;
  /** Relative to the lessons folder, for messages. */
  relativeFile: string;
  topic: TopicNode;
}

export interface Lesson {
  entry: LessonEntry;
  meta: LessonFrontMatter;
  body: string;
}

const numbered = /^(\d+)-/;

function pluralChapters(n: number): string {
  if (n % 10 === 1 && n % 100 !== 11) return 'глава';
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 'главы';
  return 'глав';
}

function numberedEntries(dir: string, wantDirectories: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => (wantDirectories ? d.isDirectory() : d.isFile() && d.name.endsWith('.md')))
    .map((d) => d.name)
    .filter((name) => numbered.test(name))
    .sort((a, b) => Number(numbered.exec(a)![1]) - Number(numbered.exec(b)![1]) ||
      a.localeCompare(b));
}

export class Course {
  readonly lessons: LessonEntry[] = [];
  private readonly parsed = new Map<string, Lesson>();

  private constructor(
    readonly root: string,
    readonly chapters: ChapterNode[],
    private readonly cacheRoot: string | undefined,
  ) {
    for (const chapter of chapters) {
      for (const topic of chapter.topics) this.lessons.push(...topic.lessons);
    }
  }

  static async load(root: string, cacheRoot?: string): Promise<Course> {
    if (!existsSync(root)) {
      throw new UserError(`Папка с уроками не найдена: ${root}. ` +
        'Переустановите dbcourse или проверьте переменную DBCOURSE_LESSONS_DIR.');
    }

    const chapters: ChapterNode[] = [];

    for (const chapterDir of numberedEntries(root, true)) {
      const chapterPath = join(root, chapterDir);
      const meta = await readMeta(join(chapterPath, 'chapter.yaml'), cacheRoot);
      // Numbered by its folder (02-...), so a chapter still being written shifts nothing.
      const number = Number(numbered.exec(chapterDir)![1]);
      const chapter: ChapterNode = { number, ...meta, topics: [] };
      let lessonNumber = 0;

      for (const topicDir of numberedEntries(chapterPath, true)) {
        const topicPath = join(chapterPath, topicDir);
        const topicMeta = await readMeta(join(topicPath, 'topic.yaml'), cacheRoot);
        const topic: TopicNode = { ...topicMeta, chapter, lessons: [] };

        for (const file of numberedEntries(topicPath, false)) {
          lessonNumber += 1;
          const position = { chapter: chapter.number, lesson: lessonNumber };
          const path = join(topicPath, file);
          topic.lessons.push({
            id: formatLessonId(position),
            short: shortLessonId(position),
            position,
            file: path,
            relativeFile: relative(root, path),
            topic,
          });
        }

        // A topic or chapter with no lessons yet is work in progress: not shown.
        if (topic.lessons.length > 0) chapter.topics.push(topic);
      }

      if (chapter.topics.length > 0) chapters.push(chapter);
    }

    return new Course(root, chapters, cacheRoot);
  }

  /** Finds a lesson by what the learner typed, or says what exists. */
  find(input: string): LessonEntry {
    const position = parseLessonId(input);
    if (!position) {
      throw new UsageError(`«${input}» — не номер урока. Пишите так: 2-4, 2.4 или lesson-2-4. ` +
        'Все уроки: dbcourse list');
    }

    const entry = this.lessons.find((l) =>
      l.position.chapter === position.chapter && l.position.lesson === position.lesson);
    if (entry) return entry;

    const chapter = this.chapters.find((c) => c.number === position.chapter);
    const hint = chapter
      ? `В главе ${chapter.number} уроки с ${chapter.number}-1 по ` +
        `${chapter.number}-${chapter.topics.reduce((n, t) => n + t.lessons.length, 0)}.`
      : chaptersToCome(this.chapters.map((c) => c.number)).includes(position.chapter)
        ? `Глава ${position.chapter} ещё готовится; сейчас в курсе главы ` +
          `${this.chapters.map((c) => c.number).join(', ')}.`
        : `В курсе ${this.chapters.length} ${pluralChapters(this.chapters.length)}: ` +
          `${this.chapters.map((c) => c.number).join(', ')}.`;
    throw new UsageError(`Урока ${shortLessonId(position)} нет. ${hint} Все уроки: dbcourse list`);
  }

  async lesson(entry: LessonEntry): Promise<Lesson> {
    const known = this.parsed.get(entry.file);
    if (known) return known;

    const { meta, body } = await cachedParse(this.cacheRoot, entry.file, async (source) => {
      const { parseLesson } = await import('./parse.js');
      return parseLesson(entry.relativeFile, source);
    });
    const lesson = { entry, meta, body };
    this.parsed.set(entry.file, lesson);
    return lesson;
  }

  /** The lesson, or the reason it cannot be read: one broken file must not hide the rest. */
  async tryLesson(entry: LessonEntry): Promise<Lesson | LessonFormatError> {
    try {
      return await this.lesson(entry);
    } catch (error) {
      if (error instanceof LessonFormatError) return error;
      throw error;
    }
  }
}

async function readMeta(file: string, cacheRoot: string | undefined) {
  if (!existsSync(file)) {
    throw new UserError(`Нет файла ${file}: у каждой главы и темы есть key и title.`);
  }
  return cachedParse(cacheRoot, file, async (source) => {
    const { parseMeta } = await import('./parse.js');
    return parseMeta(file, source);
  });
}

/** Chapter numbers missing between 1 and the last chapter there is: chapters still to come. */
export function chaptersToCome(numbers: number[]): number[] {
  const present = new Set(numbers);
  const last = Math.max(0, ...numbers);
  return Array.from({ length: last }, (_, i) => i + 1).filter((n) => !present.has(n));
}
