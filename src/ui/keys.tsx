/**
 * One key listener for the whole app, handing each key to the screen on display. A screen
 * takes over the keys while its frame is committed (a layout effect), so a key pressed right
 * after a screen appears is never lost, as it can be with each screen's own useInput.
 *
 * Keys that come while no screen takes them (the course still loading, a lesson opening)
 * wait in a queue and go to the next screen, one per turn of the event loop, so that each
 * one meets the screen as the key before left it. Keys typed ahead arrive from the terminal
 * in one piece ("jj\r"): the piece is cut into keys first.
 */
import { useApp, useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { splitKeys, type Pressed } from './typeahead.js';

export type KeyHandler = (input: string, key: Key) => void;

interface Router {
  current?: KeyHandler;
  /** Hands the waiting keys to the screen that has just taken over. */
  resume(): void;
}

const Current = createContext<Router>({ resume: () => undefined });

export function KeyRouter({ children }: { children: ReactNode }) {
  const { exit } = useApp();
  const router = useRef<Router | undefined>(undefined);
  const waiting = useRef<Pressed[]>([]);
  const turn = useRef<NodeJS.Immediate | undefined>(undefined);

  const deliver = (pressed: Pressed) => {
    if (pressed.interrupt) exit();
    else router.current?.current?.(pressed.input, pressed.key);
  };

  // React renders what a key changed in a task of its own, queued behind the key's: the next
  // key waits a turn more, and meets the screen's new handler.
  const settle = () => {
    turn.current = setImmediate(() => {
      turn.current = undefined;
      schedule();
    });
  };

  const schedule = () => {
    if (turn.current || waiting.current.length === 0 || !router.current?.current) return;
    turn.current = setImmediate(() => {
      if (!router.current?.current) {
        turn.current = undefined;
        return;
      }
      const next = waiting.current.shift();
      if (next) deliver(next);
      settle();
    });
  };

  router.current ??= { resume: schedule };

  useLayoutEffect(() => () => {
    if (turn.current) clearImmediate(turn.current);
  }, []);

  useInput((input, key) => {
    const keys = splitKeys(input, key);
    // Straight to the screen only when nothing is waiting or on its way before this key.
    // Keys that Ink cut from one read ("\u001b[B\u001b[B") come in the same turn: the ones
    // after the first wait for the screen to take in the first.
    if (keys.length === 1 && waiting.current.length === 0 && !turn.current &&
      router.current?.current) {
      deliver(keys[0]);
      return settle();
    }
    waiting.current.push(...keys);
    return schedule();
  });

  return <Current.Provider value={router.current}>{children}</Current.Provider>;
}

/** Makes `handler` receive the keys while the calling screen is shown. */
export function useKeys(handler: KeyHandler): void {
  const router = useContext(Current);
  useLayoutEffect(() => {
    router.current = handler;
    router.resume();
    return () => {
      if (router.current === handler) router.current = undefined;
    };
  });
}
