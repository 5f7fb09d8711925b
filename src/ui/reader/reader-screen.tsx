/**
 * The lesson reader: the lesson page by page, its table of contents, the practice with each
 * exercise's state, and hint, check and solution without leaving the screen.
 */
import type { Key } from 'ink';
import { useMemo, useState } from 'react';
import type { LessonEntry } from '../../course/course.js';
import type { Screen } from '../../render/screen.js';
import { wrapText } from '../../render/wrap.js';
import { bodyHeight, Frame } from '../frame.js';
import { useKeys } from '../keys.js';
import { repeated, scrollKey } from '../scroll.js';
import { problemText, type OpenLesson, type Session } from '../session.js';
import { fit } from '../text.js';
import { fitLines } from './fit-lines.js';
import { layoutPage, sectionAt } from './page.js';
import { tocLines } from './panels.js';
import { practicePanel, taskScrolls } from './practice.js';

type Mode = 'page' | 'toc' | 'practice' | 'output' | 'confirm';

interface Output {
  title: string;
  lines: string[];
  top: number;
  /** Where Esc returns to. */
  back: Mode;
}

export interface ReaderProps {
  session: Session;
  open: OpenLesson;
  screen: Screen;
  height: number;
  onBack: () => void;
  onOpen: (entry: LessonEntry) => void;
}

const keys: Record<Mode | 'practiceTask', string[]> = {
  page: ['↑↓ пробел b листать', '[ ] раздел', 't оглавление', 'p практика', 'c проверить',
    'n следующий урок', 'q Esc карта'],
  toc: ['↑↓ выбрать', 'Enter перейти', 'Esc к тексту'],
  practice: ['↑↓ выбрать', 'c проверить', 'a проверить все', 'h подсказка', 's решение',
    'Esc к тексту'],
  // The practice when the chosen task is longer than its window.
  practiceTask: ['↑↓ выбрать', 'пробел b листать условие', 'c проверить', 'a проверить все',
    'h подсказка', 's решение', 'Esc к тексту'],
  output: ['↑↓ пробел листать', 'h подсказка', 'c проверить снова', 'Esc закрыть'],
  confirm: ['д или y — показать решение', 'любая другая клавиша — отмена'],
};

const CONFIRM = 'Упражнение ещё не решено. Показать решение? Это отметится в прогрессе ' +
  '(как dbcourse solution --give-up). Попробуйте сначала подсказку: h.';

export function ReaderScreen({ session, open, screen, height, onBack, onOpen }: ReaderProps) {
  const { lesson } = open;
  const { style, width } = screen;
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>('page');
  const [scrolledTo, setTop] = useState(0);
  const [tocCursor, setTocCursor] = useState(0);
  const [exercise, choose] = useState(0);
  const [taskTop, setTaskTop] = useState(0);
  const [output, setOutput] = useState<Output>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<string>();

  const page = useMemo(() => layoutPage(session.sections(open, width), width),
    [session, open, width, version]);
  const practice = useMemo(() => session.practice(lesson), [session, lesson, version]);
  const confirmText = wrapText(CONFIRM, width).map((line) => style.warn(line));
  const panelAt = (rows: number) => practicePanel(practice, exercise, screen,
    mode === 'confirm' ? rows - confirmText.length - 1 : rows, session.ctx.workspace, taskTop);
  // The practice's key help grows by the task's paging keys when the task needs them.
  const paging = mode === 'practice' &&
    taskScrolls(panelAt(bodyHeight(height, keys.practice, width)));
  const modeKeys = paging ? keys.practiceTask : keys[mode];
  const viewHeight = bodyHeight(height, modeKeys, width);
  const panel = panelAt(viewHeight);
  const lastTop = Math.max(0, page.lines.length - viewHeight);
  // A wider terminal makes the page shorter: the place stays within it.
  const top = Math.min(scrolledTo, lastTop);
  const current = sectionAt(page, top);

  const show = (title: string, text: string, back: Mode) => {
    setOutput({ title, lines: fitLines(text.split('\n'), width), top: 0, back });
    setMode('output');
  };

  const check = (index: number | undefined, back: Mode) => {
    const what = index === undefined ? `урок ${lesson.entry.short}`
      : `упражнение ${index + 1}`;
    setBusy(`Проверяю ${what}…`);
    session.check(lesson, index, width).then(
      (report) => show(`Проверка: ${what}`, report.text, back),
      (error: unknown) => show('Проверка не удалась', problemText(error), back),
    ).finally(() => {
      setBusy(undefined);
      setVersion((v) => v + 1);
    });
  };

  /** Runs a step that records progress; a failure (a read-only disk) is shown, not thrown. */
  const attempt = (title: string, back: Mode, step: () => string | undefined) => {
    try {
      const text = step();
      if (text !== undefined) show(title, text, back);
    } catch (error) {
      show(title, problemText(error), back);
    }
    setVersion((v) => v + 1);
  };

  const hint = (back: Mode) =>
    attempt('Подсказки', back, () => session.hint(lesson, exercise, width));

  const solution = (giveUp: boolean) => attempt('Решение', 'practice', () => {
    const reply = session.solution(lesson, exercise, giveUp, width);
    if (!reply.locked) return reply.text;
    setMode('confirm');
    return undefined;
  });

  const next = () => {
    session.following(lesson.entry).then((entry) => {
      if (entry) onOpen(entry);
      else setStatus('Это последний урок курса.');
    }, (error: unknown) => setStatus(problemText(error)));
  };

  const onPage = (input: string, key: Key) => {
    const scrolled = scrollKey(input, key, top, viewHeight, page.lines.length);
    if (scrolled !== undefined) return setTop(scrolled);
    if (input === ']') return setTop(Math.min(page.toc[current + 1]?.line ?? top, lastTop));
    if (input === '[') {
      const back = top > page.toc[current].line ? current : current - 1;
      return setTop(page.toc[Math.max(0, back)].line);
    }
    if (input === 't') {
      setTocCursor(current);
      return setMode('toc');
    }
    if (input === 'p') {
      // `dbcourse watch` in another window may have solved something since: read it again.
      setVersion((v) => v + 1);
      return setMode('practice');
    }
    if (input === 'h' || input === 's') {
      setStatus('Выберите упражнение: h — подсказка, s — решение.');
      return setMode('practice');
    }
    if (input === 'c') return check(undefined, 'page');
    if (input === 'n') return next();
    if (input === 'q' || key.escape || key.leftArrow) return onBack();
    return undefined;
  };

  const onToc = (typed: string, key: Key) => {
    const { input, count } = repeated(typed);
    if (key.upArrow || input === 'k') return setTocCursor(Math.max(0, tocCursor - count));
    if (key.downArrow || input === 'j') {
      return setTocCursor(Math.min(page.toc.length - 1, tocCursor + count));
    }
    if (key.home || input === 'g') return setTocCursor(0);
    if (key.end || input === 'G') return setTocCursor(page.toc.length - 1);
    if (key.return || key.rightArrow) {
      setTop(Math.min(page.toc[tocCursor].line, lastTop));
      return setMode('page');
    }
    if (key.escape || input === 't' || input === 'q') return setMode('page');
    return undefined;
  };

  const select = (index: number) => {
    choose(index);
    setTaskTop(0);
  };

  const onPractice = (typed: string, key: Key) => {
    const { input, count } = repeated(typed);
    if (key.upArrow || input === 'k') return select(Math.max(0, exercise - count));
    if (key.downArrow || input === 'j') {
      return select(Math.min(practice.length - 1, exercise + count));
    }
    // ↑↓ choose the exercise here: the task pages with Space and b (PgDn, PgUp).
    if (key.pageDown || key.pageUp || input === ' ' || input === 'b') {
      const scrolled = scrollKey(typed, key, panel.taskTop, panel.taskShown, panel.taskLength);
      return scrolled === undefined ? undefined : setTaskTop(scrolled);
    }
    if (input === 'c' || key.return) return check(exercise, 'practice');
    if (input === 'a') return check(undefined, 'practice');
    if (input === 'h') return hint('practice');
    if (input === 's') return solution(false);
    if (input === 'n') return next();
    if (key.escape || input === 'p' || input === 'q') return setMode('page');
    return undefined;
  };

  const onOutput = (input: string, key: Key) => {
    if (!output) return setMode('page');
    const scrolled = scrollKey(input, key, output.top, viewHeight, output.lines.length);
    if (scrolled !== undefined) return setOutput({ ...output, top: scrolled });
    if (input === 'h') return hint(output.back);
    if (input === 'c') return check(output.back === 'page' ? undefined : exercise, output.back);
    if (key.escape || key.return || input === 'q') return setMode(output.back);
    return undefined;
  };

  const onConfirm = (input: string) => {
    if (/^[дДyY]$/.test(input)) return solution(true);
    setStatus('Решение не показано. Подсказка — h.');
    return setMode('practice');
  };

  useKeys((input, key) => {
    if (busy) return;
    setStatus(undefined);
    const handlers = { page: onPage, toc: onToc, practice: onPractice, output: onOutput,
      confirm: onConfirm };
    handlers[mode](input, key);
  });

  const where: Record<Mode, string> = {
    page: current > 0 ? page.toc[current].title : '',
    toc: 'Оглавление',
    practice: 'Практика',
    output: output?.title ?? '',
    confirm: 'Практика',
  };
  const percent = lastTop === 0 ? 100 : Math.round((top / lastTop) * 100);
  const place = mode === 'page' ? `  ${percent}%` : '';
  const title = `Урок ${lesson.entry.short}. ${lesson.meta.title}` +
    (where[mode] ? ` › ${where[mode]}` : '');
  const header = style.accent(fit(title, width - place.length - 1)) + place;

  let body: string[];
  switch (mode) {
    case 'toc':
      body = tocLines(page.toc, tocCursor, current, screen, viewHeight);
      break;
    case 'practice':
      body = panel.lines;
      break;
    case 'output':
      body = output ? output.lines.slice(output.top, output.top + viewHeight) : [];
      break;
    case 'confirm':
      body = [...confirmText, '', ...panel.lines];
      break;
    default:
      body = page.lines.slice(top, top + viewHeight);
  }

  return (
    <Frame header={header} body={body} status={busy ?? status} keys={modeKeys}
      height={height} width={width} style={style} />
  );
}
