// The check client against a server that ends mid-answer: the learner is told, in lines that
// fit the terminal, and the check fails.
import { chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runOnServer } from '../../src/server/client.js';
import { tempDir } from '../helpers.js';

describe('runOnServer', () => {
  it('says that the check was cut off, wrapped to a narrow terminal, and fails', async () => {
    const dir = tempDir('dbcourse-client-');
    chmodSync(dir, 0o700);
    const address = join(dir, 'test.sock');
    const server = createServer((socket) => {
      socket.setEncoding('utf8');
      socket.once('data', () => {
        socket.write('{"accepted":true}\n');
        socket.once('data', (go: string) => {
          expect(go).toBe('{"go":true}\n');
          socket.end('{"out":"Урок 1-1\\n"}\n');
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(address, resolve));
    let out = '';
    let err = '';
    const io: Io = {
      stdout: { write: (text: string) => { out += text; }, isTTY: true, columns: 40 },
      stderr: { write: (text: string) => { err += text; }, isTTY: true, columns: 40 },
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      env: {},
    };
    try {
      const result = await runOnServer(['check', '1-1'], io, address);
      expect(result).toEqual({ code: 1, hardExit: false });
      expect(out).toBe('Урок 1-1\n');
      expect(err).toContain('Проверка прервалась');
      for (const line of err.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    } finally {
      server.close();
    }
  });
});
