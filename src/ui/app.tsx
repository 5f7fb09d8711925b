/**
 * The interactive course: the welcome for a new learner, the course map and the lesson
 * reader, switching between them. Data comes from the Session; the screens only draw it.
 */
import { Text, useApp } from 'ink';
import { useEffect, useState } from 'react';
import type { CourseOverview } from '../cli/overview.js';
import type { LessonEntry } from '../course/course.js';
import { bodyHeight, Frame, QUIT_NOTE } from './frame.js';
import { KeyRouter, useKeys } from './keys.js';
import { initialMapState, MapScreen, type MapState } from './map/map-screen.js';
import { ReaderScreen } from './reader/reader-screen.js';
import { scrollKey } from './scroll.js';
import { problemText, type OpenLesson, type Session } from './session.js';
import { useTerminalSize, type Size } from './use-terminal-size.js';

export type Start = { screen: 'map' } | { screen: 'reader'; lesson: LessonEntry };

type Route = { screen: 'welcome' } | Start;

export interface AppProps {
  session: Session;
  start: Start;
  /** A fixed size instead of the terminal's (tests). */
  size?: Partial<Size>;
}

/** Lesson text is kept readable on wide terminals, as in the plain commands. */
const MAX_TEXT_WIDTH = 100;

const welcomeKeys = ['↑↓ пробел листать', 'Enter начать первый урок', 'm карта курса',
  'q выход'];

function Welcome({ text, height, width, session, onStart, onMap, onQuit }: {
  text: string; height: number; width: number; session: Session;
  onStart: () => void; onMap: () => void; onQuit: () => void;
}) {
  const [top, setTop] = useState(0);
  const [note, setNote] = useState<string>();
  const lines = text.split('\n');
  const view = bodyHeight(height, welcomeKeys, width);

  useKeys((input, key) => {
    setNote(undefined);
    const scrolled = scrollKey(input, key, top, view, lines.length);
    if (scrolled !== undefined) setTop(scrolled);
    else if (key.return) onStart();
    else if (input === 'm') onMap();
    // The welcome is the top level: Esc has nothing to close, only q leaves.
    else if (key.escape) setNote(QUIT_NOTE);
    else if (input === 'q') onQuit();
  });

  const { style } = session.ctx.screen;
  return (
    <Frame header={style.accent('dbcourse')} body={lines.slice(top, top + view)}
      status={note} keys={welcomeKeys} height={height} width={width} style={style} />
  );
}

export function App(props: AppProps) {
  return (
    <KeyRouter>
      <Screens {...props} />
    </KeyRouter>
  );
}

function Screens({ session, start, size }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize(size);
  const [route, setRoute] = useState<Route>(
    session.firstVisit && start.screen === 'map' ? { screen: 'welcome' } : start);
  const [overview, setOverview] = useState<CourseOverview>();
  const [opened, setOpened] = useState<OpenLesson>();
  const [mapState, setMapState] = useState<MapState>(initialMapState);
  const [message, setMessage] = useState<string>();

  // One line less than the terminal: a full-height frame makes Ink clear the screen each time.
  const height = Math.max(8, terminal.rows - 1);
  const width = Math.max(20, terminal.columns - 1);
  const textWidth = Math.min(width, MAX_TEXT_WIDTH);

  useEffect(() => {
    let live = true;
    if (route.screen !== 'reader') {
      session.overview().then((o) => live && setOverview(o),
        (error: unknown) => live && setMessage(problemText(error)));
      return () => {
        live = false;
      };
    }

    setMapState((s) => ({ ...s, selected: route.lesson.id }));
    session.open(route.lesson).then((o) => live && setOpened(o), (error: unknown) => {
      if (!live) return;
      setMessage(problemText(error));
      setRoute({ screen: 'map' });
    });
    return () => {
      live = false;
    };
  }, [route, session]);

  const openLesson = (lesson: LessonEntry) => {
    setMessage(undefined);
    setRoute({ screen: 'reader', lesson });
  };

  if (route.screen === 'welcome') {
    const first = async () => {
      const next = overview?.next?.entry ?? (await session.ctx.course()).lessons[0];
      if (next) openLesson(next);
    };
    return (
      <Welcome text={session.welcome(textWidth)} height={height} width={width}
        session={session} onStart={() => void first()}
        onMap={() => setRoute({ screen: 'map' })} onQuit={exit} />
    );
  }

  if (route.screen === 'reader') {
    // Until the lesson asked for is open, no other lesson's page may show (or take keys).
    if (opened?.lesson.entry.id !== route.lesson.id) {
      return <Text>Открываю урок {route.lesson.short}…</Text>;
    }
    return (
      <ReaderScreen key={route.lesson.id} session={session} open={opened}
        screen={session.screen(textWidth)} height={height}
        onBack={() => setRoute({ screen: 'map' })} onOpen={(lesson) => {
          // The map shows the lesson the learner went on to, whatever search was typed.
          setMapState((s) => ({ ...s, filter: 'all', query: '', searching: false }));
          openLesson(lesson);
        }} />
    );
  }

  if (!overview) return <Text>{message ?? 'Загружаю курс…'}</Text>;
  return (
    <MapScreen overview={overview} screen={session.screen(width)} height={height}
      state={mapState} onState={(s) => {
        setMessage(undefined);
        setMapState(s);
      }} onOpen={openLesson} onQuit={exit} onMessage={setMessage} message={message} />
  );
}
