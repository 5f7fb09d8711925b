/**
 * The interactive console: what ran stays above (Ink's Static), the statement being typed is
 * below with a prompt per line. Entries run one at a time in the order they were finished, so
 * a paste of several statements runs them all; typing goes on while one runs.
 */
import { Box, Static, Text, useApp, useInput, type Key } from 'ink';
import { useCallback, useRef, useState } from 'react';
import type { Style } from '../../render/style.js';
import {
  emptyEditor, insertText, isEditorEmpty, pressKey, type EditKey, type EditorState, type EditResult,
} from './editor.js';
import type { ConsoleRunner } from './runner.js';

export interface ConsoleAppProps {
  runner: ConsoleRunner;
  /** sqlite or mysql, shown in the prompt. */
  engine: string;
  style: Style;
  /** What is printed first: where the console runs and how to get help. */
  welcome: string;
  /** The saved history, oldest first. */
  history: string[];
  /** Saves an entry; returns the history with it. */
  remember: (entry: string) => string[];
  /** Stops the statement that is running. */
  cancel: () => void;
}

interface Item {
  id: number;
  text: string;
}

function keyOf(input: string, key: Key): EditKey | undefined {
  if (key.return) return 'enter';
  if (key.backspace || key.delete) return 'backspace';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.home || (key.ctrl && input === 'a')) return 'home';
  if (key.end || (key.ctrl && input === 'e')) return 'end';
  if (key.ctrl && input === 'u') return 'kill-line';
  if (key.ctrl && input === 'w') return 'kill-word';
  return undefined;
}

export function ConsoleApp(props: ConsoleAppProps) {
  const { runner, style } = props;
  const ctrlC = useRef(false);
  const { exit } = useApp();
  const [items, setItems] = useState<Item[]>([{ id: 0, text: props.welcome }]);
  const [editor, setEditor] = useState<EditorState>(emptyEditor);
  const [busy, setBusy] = useState(false);
  // The handlers below may run several times before React renders (a paste): refs hold the
  // current values, state only triggers the render.
  const editorRef = useRef<EditorState>(emptyEditor);
  const history = useRef(props.history);
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);

  const prompt = (line: number) => (line === 0 ? `${props.engine}> `
    : `${' '.repeat(props.engine.length - 3)}...> `);

  const print = useCallback((texts: string[]) => {
    setItems((previous) => [...previous, ...texts.map((text) => ({ id: nextId.current++,
      text }))]);
  }, []);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);

    while (queue.current.length > 0) {
      const entry = queue.current.shift()!;
      const result = await runner.entry(entry).catch((error: Error) => ({
        printed: [{ text: style.bad(`Ошибка консоли: ${error.message}`), error: true }],
        failed: true, quit: false }));
      print(result.printed.map((p) => p.text));
      if (result.quit) {
        queue.current = [];
        exit();
      }
    }

    running.current = false;
    setBusy(false);
  }, [runner, print, exit, style]);

  const apply = (results: EditResult[]) => {
    for (const { state, submitted } of results) {
      if (submitted !== undefined) {
        const echo = submitted.split('\n').map((line, i) => style.dim(prompt(i)) + line);
        print([echo.join('\n')]);
        if (!/^(\\q|\\quit|exit|quit)\b/i.test(submitted)) {
          history.current = props.remember(submitted);
        }
        queue.current.push(submitted);
        void pump();
      }
      editorRef.current = state;
    }
    setEditor(editorRef.current);
  };

  useInput((input, key) => {
    const current = editorRef.current;

    if (key.ctrl && input === 'c') {
      const again = ctrlC.current;
      ctrlC.current = false;
      if (running.current) props.cancel();
      else if (!isEditorEmpty(current)) apply([{ state: emptyEditor }]);
      else if (again) exit();
      else {
        // One Ctrl+C too many after a query must not end the session and lose its work.
        ctrlC.current = true;
        print([style.dim('Выйти: \\q, Ctrl+D или ещё раз Ctrl+C.')]);
      }
      return;
    }
    ctrlC.current = false;
    if (key.ctrl && input === 'd') {
      if (isEditorEmpty(current) && !running.current) exit();
      else apply([pressKey(current, 'delete', history.current)]);
      return;
    }

    const edit = keyOf(input, key);
    if (edit) apply([pressKey(current, edit, history.current)]);
    else if (input && !key.ctrl && !key.meta) apply(insertText(current, input));
  });

  const before = editor.line.slice(0, editor.cursor);
  const at = [...editor.line.slice(editor.cursor)][0] ?? '';
  const after = editor.line.slice(editor.cursor + at.length);

  return (
    <>
      <Static items={items}>
        {(item) => <Text key={item.id}>{item.text}</Text>}
      </Static>
      <Box flexDirection="column">
        {busy && <Text dimColor>Выполняется… Ctrl+C — прервать</Text>}
        {editor.lines.map((line, i) => (
          <Text key={i}>{style.dim(prompt(i))}{line}</Text>
        ))}
        <Text>
          {prompt(editor.lines.length)}{before}<Text inverse>{at || ' '}</Text>{after}
        </Text>
      </Box>
    </>
  );
}
