/**
 * Keys typed ahead, cut apart. A terminal hands over what was typed while the program was
 * busy in one read ("jj\r"), and Ink passes such a read on as one input string with no key
 * flags; a line typed before the terminal was in raw mode ends in "\n", not "\r".
 */
import type { Key } from 'ink';

export interface Pressed {
  input: string;
  key: Key;
  /** Ctrl+C inside typed-ahead text: leave, as Ctrl+C alone does. */
  interrupt?: boolean;
}

/** The key with every flag off: plain text. */
function plain(key: Key): Key {
  return Object.fromEntries(Object.entries(key)
    .map(([name, value]) => [name, typeof value === 'boolean' ? false : value])) as Key;
}

const controls: Record<string, Partial<Key> | 'interrupt'> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\b': { backspace: true },
  '\u007f': { delete: true },
  '\u0003': 'interrupt',
};

/**
 * One Ink input event as the keys it holds. A run of one letter stays whole ("jjj" is one
 * key pressed three times) unless `eachLetter`; different letters are keys of their own
 * ("/null" opens the search and then types into it); each control character is a key of
 * its own; a lone "\n" is Enter.
 */
export function splitKeys(input: string, key: Key, options: { eachLetter?: boolean } = {}):
  Pressed[] {
  const special = Object.entries(key).some(([, value]) => value === true);
  const letters = [...input];
  const cut = options.eachLetter ? letters.length > 1
    : /[\u0000-\u001f\u007f]/.test(input) || letters.some((c) => c !== letters[0]);
  if (special || !cut) return [{ input, key }];

  const keys: Pressed[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ input: text, key: plain(key) });
    text = '';
  };

  for (const char of input) {
    const control = controls[char];
    if (control === undefined && !/[\u0000-\u001f\u007f]/.test(char)) {
      if (text && !text.startsWith(char)) flush();
      text += char;
      // Screens without text input take every letter as a key of its own.
      if (options.eachLetter) flush();
      continue;
    }
    flush();
    if (control === 'interrupt') keys.push({ input: 'c', key: { ...plain(key), ctrl: true },
      interrupt: true });
    else if (control) keys.push({ input: '', key: { ...plain(key), ...control } });
  }
  flush();
  return keys;
}
