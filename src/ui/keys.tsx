/**
 * One key listener for the whole app, handing each key to the screen on display. A screen
 * takes over the keys while its frame is committed (a layout effect), so a key pressed right
 * after a screen appears is never lost, as it can be with each screen's own useInput.
 */
import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';

export type KeyHandler = (input: string, key: Key) => void;

const Current = createContext<{ current?: KeyHandler }>({});

export function KeyRouter({ children }: { children: ReactNode }) {
  const current = useRef<KeyHandler | undefined>(undefined);
  useInput((input, key) => current.current?.(input, key));
  return <Current.Provider value={current}>{children}</Current.Provider>;
}

/** Makes `handler` receive the keys while the calling screen is shown. */
export function useKeys(handler: KeyHandler): void {
  const current = useContext(Current);
  useLayoutEffect(() => {
    current.current = handler;
    return () => {
      if (current.current === handler) current.current = undefined;
    };
  });
}
