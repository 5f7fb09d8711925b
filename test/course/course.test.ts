import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Course } from '../../src/course/course.js';
import { LessonFormatError } from '../../src/course/errors.js';
import { parseLessonId } from '../../src/course/lesson-id.js';
import { fixtureCourse, root } from '../helpers.js';

describe('lesson ids', () => {
  it('accepts the forms learners type', () => {
    for (const input of ['lesson-2-4', '2-4', '2.4', 'урок-2-4', ' 2-4 ']) {
      expect(parseLessonId(input)).toEqual({ chapter: 2, lesson: 4 });
    }
    expect(parseLessonId('2')).toBeUndefined();
    expect(parseLessonId('two-four')).toBeUndefined();
  });
});

describe('course loading', () => {
  it('numbers lessons by position and keeps the stable key from the file', async () => {
    const course = await Course.load(fixtureCourse);
    const entry = course.find('1-1');
    expect(entry.id).toBe('lesson-1-1');
    const lesson = await course.lesson(entry);
    expect(lesson.meta.key).toBe('two-queries');
    expect(lesson.meta.exercises.map((e) => e.id)).toEqual(['cheap-books',
      'books-per-language', 'what-is-null', 'mysql-only']);
  });

  it('says which lessons exist when asked for one that does not', async () => {
    const course = await Course.load(fixtureCourse);
    expect(() => course.find('1-9')).toThrow(/Урока 1-9 нет. В главе 1 уроки с 1-1 по 1-1/);
    expect(() => course.find('abc')).toThrow(/не номер урока/);
  });

  it('names the file and the fields of an invalid lesson', async () => {
    const course = await Course.load(join(root, 'test', 'fixture-course-broken'));
    const error = await course.lesson(course.find('1-1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonFormatError);
    const message = (error as Error).message;
    expect(message).toContain('01-basics/01-first/01-names-file-and-field.md');
    expect(message).toContain('поле exercises[0].solution');
    expect(message).toContain('поле definitions');
  });

  it('loads every lesson of the real course', async () => {
    const course = await Course.load(join(root, 'lessons'));
    expect(course.lessons.length).toBeGreaterThanOrEqual(8);
    for (const entry of course.lessons) await course.lesson(entry);
  });
});
