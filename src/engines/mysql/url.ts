/** mysql://user:password@host:port URLs: parsed, checked for safety, shown without password. */
import { UsageError } from '../../cli/errors.js';

export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  socketPath?: string;
}

export function parseMysqlUrl(text: string): MysqlTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`«${text}» — не адрес MySQL. Пример: mysql://dbcourse@127.0.0.1:3306`);
  }

  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new UsageError(`Адрес должен начинаться с mysql://, а не ${url.protocol}//`);
  }

  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) {
    // The learner's real shop database may live on the same server: never point at one.
    throw new UsageError(`Адрес указывает на базу «${database}». dbcourse работает только со ` +
      'своими базами (dbcourse_...) и сам их создаёт: уберите имя базы из адреса, например ' +
      `mysql://${url.username || 'dbcourse'}@${url.host}`);
  }

  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(url.searchParams.get('socket') ? { socketPath: url.searchParams.get('socket')! } : {}),
  };
}

export function formatMysqlUrl(target: MysqlTarget, withPassword = false): string {
  const password = target.password ? `:${withPassword ? encodeURIComponent(target.password)
    : '***'}` : '';
  const socket = target.socketPath ? `?socket=${encodeURIComponent(target.socketPath)}` : '';
  return `mysql://${encodeURIComponent(target.user)}${password}@${target.host}:${target.port}` +
    socket;
}
