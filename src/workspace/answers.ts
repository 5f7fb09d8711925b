/**
 * The learner's answer files: <workspace>/<lesson key>/<exercise id>.sql (or .txt for
 * questions). Created with the task as a comment; never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonEntry } from '../course/course.js';
import type { Exercise } from '../course/format.js';
import { answerHeader } from './header.js';

export interface AnswerFile {
  exercise: Exercise;
  path: string;
  /** True when this call created the file. */
  created: boolean;
}

export function answerPath(workspace: string, lessonKey: string, exercise: Exercise): string {
  const extension = exercise.kind === 'query' ? 'sql' : 'txt';
  return join(workspace, lessonKey, `${exercise.id}.${extension}`);
}

export function ensureAnswerFiles(workspace: string, entry: LessonEntry, lessonKey: string,
  exercises: Exercise[]): AnswerFile[] {
  mkdirSync(join(workspace, lessonKey), { recursive: true });

  return exercises.map((exercise, index) => {
    const path = answerPath(workspace, lessonKey, exercise);
    if (existsSync(path)) return { exercise, path, created: false };

    try {
      // 'wx' fails if the file appeared meanwhile: the learner's text always wins.
      writeFileSync(path, answerHeader(entry, exercise, index), { flag: 'wx' });
      return { exercise, path, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        return { exercise, path, created: false };
      }
      throw error;
    }
  });
}

export function readAnswer(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
