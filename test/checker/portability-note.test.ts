import { describe, expect, it } from 'vitest';
import { usesPipes, withPortabilityNote } from '../../src/checker/judge.js';
import type { ChangeExercise } from '../../src/course/format.js';
import { createStyle } from '../../src/render/style.js';
import { renderVerdict } from '../../src/render/verdict.js';

const exercise = { id: 'mask', kind: 'change', title: 't', hints: ['h'], explanation: 'e',
  task: 'portable', tables: ['customers'],
  solution: "UPDATE customers SET email = CONCAT('c', id)" } as unknown as ChangeExercise;
const passed = { exerciseId: 'mask', passed: true, feedback: { kind: 'passed' as const } };
const pipes = "-- header: a || b in a comment\nUPDATE customers SET email = 'c' || id";

describe('|| on SQLite in a portable exercise', () => {
  it('finds || in the SQL, not in strings, quoted names or comments', () => {
    expect(usesPipes(pipes)).toBe(true);
    expect(usesPipes("SELECT 'a || b', \"x||y\" FROM t -- ||\n/* || */")).toBe(false);
    expect(usesPipes("SELECT CONCAT('it''s', '||') FROM t")).toBe(false);
  });

  it('passes the answer with a word about MySQL, on SQLite only', () => {
    const noted = withPortabilityNote(passed, exercise, pipes, 'sqlite');
    expect(noted).toEqual({ ...passed, feedback: { kind: 'passed', pipesConcat: true } });
    expect(withPortabilityNote(passed, exercise, pipes, 'mysql')).toBe(passed);
    expect(withPortabilityNote(passed, exercise, exercise.solution, 'sqlite')).toBe(passed);
    const text = renderVerdict(noted, exercise, 0, { width: 100, style: createStyle(false) });
    expect(text).toContain('верно');
    expect(text).toContain('в MySQL || — логическое ИЛИ');
  });

  it('says nothing where the exercise has its own SQLite reference', () => {
    const dialects = { ...exercise, engineSolutions: { sqlite: "SELECT 'a' || 'b'" } };
    expect(withPortabilityNote(passed, dialects, pipes, 'sqlite')).toBe(passed);
  });
});
