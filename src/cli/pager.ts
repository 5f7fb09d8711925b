/**
 * Long text on a terminal goes through a pager (less), as git does; short text, pipes,
 * --no-pager and a dumb terminal (unless a pager is named) print directly. Quitting the
 * pager early is not an error.
 */
import { spawn } from 'node:child_process';
import type { Context } from './context.js';

export async function page(ctx: Context, text: string): Promise<void> {
  const { stdout, env } = ctx.io;
  const rows = stdout.rows ?? 24;
  const fits = text.split('\n').length < rows - 1;

  // A dumb terminal gets no pager unless one is named: less would only warn about it.
  const dumb = env.TERM === 'dumb' && env.DBCOURSE_PAGER === undefined && env.PAGER === undefined;
  if (!stdout.isTTY || ctx.options.pager === false || fits || env.DBCOURSE_PAGER === '' ||
    dumb) {
    ctx.print(text);
    return;
  }

  const command = env.DBCOURSE_PAGER ?? env.PAGER ?? 'less';
  const [program, ...args] = command.split(/\s+/);

  const shown = await new Promise<boolean>((resolve) => {
    const child = spawn(program, args, {
      stdio: ['pipe', 'inherit', 'inherit'],
      // -R keeps colours, -F quits if one screen, -X leaves the text on screen after quit.
      env: { ...process.env, LESS: env.LESS ?? 'FRX', LESSCHARSET: env.LESSCHARSET ?? 'utf-8' },
    });
    child.on('error', () => resolve(false));
    child.on('close', () => resolve(true));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });

  if (!shown) ctx.print(text);
}
