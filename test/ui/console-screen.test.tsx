// The interactive console, driven by keys through ink-testing-library; every step waits for
// the frame it expects.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openConsole, type ConsoleSession } from '../../src/engines/console.js';
import { createStyle } from '../../src/render/style.js';
import { ConsoleApp } from '../../src/ui/console/ConsoleApp.js';
import { ConsoleRunner } from '../../src/ui/console/runner.js';
import { fixturesDir } from '../../src/util/paths.js';
import { sharedCache } from '../helpers.js';

const UP = '\u001B[A';
const DOWN = '\u001B[B';
const ENTER = '\r';

let session: ConsoleSession | undefined;
let instance: ReturnType<typeof render> | undefined;

afterEach(async () => {
  instance?.unmount();
  await session?.close();
});

async function start(options: { history?: string[]; timeoutMs?: number } = {}) {
  session = await openConsole({ name: 'sqlite', source: 'option' },
    { fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
      timeoutMs: options.timeoutMs ?? 5000 });
  const style = createStyle(false);
  const runner = new ConsoleRunner(session, { screen: () => ({ width: 100, style }), keep: 200,
    stopOnError: false });
  const saved: string[] = [...(options.history ?? [])];
  const live = session;
  instance = render(<ConsoleApp runner={runner} engine="sqlite" style={style}
    welcome="Консоль SQL" history={[...saved]} remember={(entry) => {
      saved.push(entry);
      return [...saved];
    }} cancel={() => live.cancel()} />);

  const { stdin, lastFrame } = instance;
  await vi.waitFor(() => expect(lastFrame()).toContain('Консоль SQL'));
  // Keys reach the screen once Ink listens to stdin.
  await vi.waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));
  return { ...instance, saved, type: (...keys: string[]) => keys.forEach((k) => stdin.write(k)) };
}

const frame = (screen: { lastFrame: () => string | undefined }) => screen.lastFrame() ?? '';

describe('the SQL console screen', () => {
  it('runs a statement at Enter and shows its result as a table', async () => {
    const screen = await start();
    screen.type('SELECT COUNT(*) AS genre_count FROM genres;', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toMatch(/\|\s+genre_count \|/));
    expect(frame(screen)).toContain('sqlite> SELECT COUNT(*) AS genre_count FROM genres;');
    expect(frame(screen)).toContain('1 строка.');
    expect(screen.saved).toEqual(['SELECT COUNT(*) AS genre_count FROM genres;']);
  });

  it('continues a statement without ";" on the next line and runs it once finished',
    async () => {
      const screen = await start();
      screen.type('SELECT title', ENTER);
      await vi.waitFor(() => expect(frame(screen)).toMatch(/sqlite> SELECT title\n\s+\.\.\.>/));
      expect(frame(screen)).not.toContain('+---');

      screen.type('FROM books', ENTER, 'WHERE id = 1;', ENTER);
      await vi.waitFor(() => expect(frame(screen)).toContain('| title'));
      expect(frame(screen)).toContain('   ...> WHERE id = 1;');
      expect(screen.saved).toEqual(['SELECT title\nFROM books\nWHERE id = 1;']);
    });

  it('runs every statement of a paste in order', async () => {
    const screen = await start();
    screen.type("SELECT 'первый' AS a;\rSELECT 'второй' AS b;\r");
    await vi.waitFor(() => expect(frame(screen)).toContain('второй'));
    expect(frame(screen).indexOf('первый')).toBeLessThan(frame(screen).indexOf('второй'));
  });

  it('brings back earlier entries with up and down, the saved ones too', async () => {
    const screen = await start({ history: ['SELECT 1 AS saved;'] });
    screen.type('SELECT 2 AS typed;', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toContain('| typed |'));

    screen.type('SELECT 3', UP);
    await vi.waitFor(() => expect(frame(screen)).toMatch(/sqlite> SELECT 2 AS typed; *$/));
    screen.type(UP);
    await vi.waitFor(() => expect(frame(screen)).toMatch(/sqlite> SELECT 1 AS saved; *$/));
    screen.type(DOWN, DOWN);
    // Past the newest entry: what was being typed comes back.
    await vi.waitFor(() => expect(frame(screen)).toMatch(/sqlite> SELECT 3 *$/));
  });

  it('lists tables with \\d and describes one with \\d books', async () => {
    const screen = await start();
    screen.type('\\d', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toMatch(/\| order_items\s+\| таблица/));
    screen.type('\\d books', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toContain('Первичный ключ: (id)'));
    expect(frame(screen)).toMatch(/\(publisher_id\) → publishers\(id\) ON DELETE SET NULL/);
    expect(frame(screen)).toContain('idx_books_title (title)');
  });

  it('explains an error in Russian and keeps going', async () => {
    const screen = await start();
    screen.type('SELECT nope FROM books;', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toContain('Нет столбца nope'));
    screen.type('SELECT 5 AS still_here;', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toContain('| still_here |'));
  });

  it('stops a runaway statement with a message; the console and its changes go on',
    async () => {
      const screen = await start({ timeoutMs: 500 });
      screen.type('DELETE FROM reviews WHERE id > 3;', ENTER);
      await vi.waitFor(() => expect(frame(screen)).toContain('Удалено строк'));
      screen.type('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) ' +
        'SELECT COUNT(*) FROM n;', ENTER);
      await vi.waitFor(() => expect(frame(screen)).toContain('дольше 0.5 с и был остановлен'));
      screen.type('SELECT COUNT(*) AS left_over FROM reviews;', ENTER);
      await vi.waitFor(() => expect(frame(screen)).toMatch(/\|\s+3 \|/));
    });

  it('cancels the running statement with Ctrl+C', async () => {
    const screen = await start({ timeoutMs: 20_000 });
    screen.type('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) ' +
      'SELECT COUNT(*) FROM n;', ENTER);
    await vi.waitFor(() => expect(frame(screen)).toContain('Выполняется…'));
    screen.type('\u0003');
    await vi.waitFor(() => expect(frame(screen)).toContain('Запрос прерван.'));
  });
});
