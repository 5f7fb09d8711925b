/**
 * Parses one lesson file: YAML front matter validated by zod, Markdown body. Loaded only when
 * the lesson cache misses, because yaml and zod cost more start-up time than the rest.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { LessonFormatError } from './errors.js';
import {
  FORMAT_VERSION,
  chapterMeta,
  lessonFrontMatter,
  type LessonFrontMatter,
} from './format.js';

z.config(z.locales.ru());

export interface ParsedLesson {
  meta: LessonFrontMatter;
  body: string;
}

function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(корень)';
}

function describe(file: string, error: z.ZodError): LessonFormatError {
  const lines = error.issues.slice(0, 5).map((i) => `  поле ${fieldPath(i.path)}: ${i.message}`);
  if (error.issues.length > 5) lines.push(`  ...и ещё ${error.issues.length - 5}`);
  return new LessonFormatError(file, lines.join('\n'));
}

function yamlOf(file: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? `, строка ${error.linePos[0].line}` : '';
      throw new LessonFormatError(file, `  ошибка YAML${where}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

export function splitFrontMatter(file: string, source: string): { yaml: string; body: string } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    throw new LessonFormatError(file, '  нет заголовка YAML между строками «---» в начале файла');
  }
  return { yaml: match[1], body: text.slice(match[0].length) };
}

export function parseLesson(file: string, source: string): ParsedLesson {
  const { yaml, body } = splitFrontMatter(file, source);
  const data = yamlOf(file, yaml);
  const format = (data as { format?: unknown } | null)?.format;

  if (typeof format === 'number' && format > FORMAT_VERSION) {
    throw new LessonFormatError(file,
      `  формат урока ${format} новее, чем знает эта версия dbcourse (${FORMAT_VERSION}): ` +
      'обновите dbcourse');
  }

  const result = lessonFrontMatter.safeParse(data);
  if (!result.success) throw describe(file, result.error);

  const ids = new Set<string>();
  for (const [i, exercise] of result.data.exercises.entries()) {
    if (ids.has(exercise.id)) {
      throw new LessonFormatError(file, `  поле exercises[${i}].id: «${exercise.id}» повторяется`);
    }
    ids.add(exercise.id);
  }

  return { meta: result.data, body };
}

export function parseMeta(file: string, source: string): { key: string; title: string } {
  const result = chapterMeta.safeParse(yamlOf(file, source));
  if (!result.success) throw describe(file, result.error);
  return result.data;
}
