// The JSON lines that check clients and the server exchange, cut anywhere by the socket.
import { describe, expect, it } from 'vitest';
import { lineReader } from '../../src/server/protocol.js';

describe('lineReader', () => {
  it('gives each line once, whole, however the text is cut into chunks', () => {
    const messages = [{ out: 'а\nб' }, { err: 'x'.repeat(100_000) }, { code: 1 }];
    const text = messages.map((m) => JSON.stringify(m) + '\n').join('') + '\n';
    for (const size of [1, 7, 4096, text.length]) {
      const got: unknown[] = [];
      const read = lineReader((m) => got.push(m));
      for (let i = 0; i < text.length; i += size) read(text.slice(i, i + size));
      expect(got).toEqual(messages);
    }
  });

  it('gives a line that is not JSON as undefined, and goes on', () => {
    const got: unknown[] = [];
    const read = lineReader((m) => got.push(m));
    read('not json\n{"co');
    read('de":2}\n');
    expect(got).toEqual([undefined, { code: 2 }]);
  });
});
