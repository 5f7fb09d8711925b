/** What to tell a learner when the MySQL server cannot be used, with the command that fixes it. */
import { UserError } from '../../cli/errors.js';
import { asMysqlError } from './driver.js';
import { formatMysqlUrl, type MysqlTarget } from './url.js';

export function unreachableMessage(error: unknown, target: MysqlTarget): Error {
  if (error instanceof UserError) return error;
  const e = asMysqlError(error);
  const url = formatMysqlUrl(target);
  const back = 'Вернуться к встроенной SQLite: dbcourse db use sqlite';

  if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || e.code === 'ETIMEDOUT' ||
    e.code === 'EHOSTUNREACH') {
    return new UserError(`Сервер MySQL по адресу ${url} не отвечает (${e.code}). Запустите его: ` +
      'docker compose up -d (файл docker-compose.yml в папке курса) или службу MySQL/MariaDB ' +
      `вашей системы, затем: dbcourse db status. ${back}`);
  }

  if (e.errno === 1045 || e.errno === 1698) {
    return new UserError(`Сервер ${url} не пускает пользователя ${target.user}: неверный ` +
      'пароль или такого пользователя нет. Создайте пользователя курса: dbcourse db setup ' +
      `--admin-url mysql://root@${target.host}:${target.port}. ${back}`);
  }

  return new UserError(`Не удалось работать с MySQL по адресу ${url}: ${e.message}. ${back}`);
}
