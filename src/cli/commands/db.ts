/** `dbcourse db status | use | setup`: which database engine checks the answers. */
import { UsageError, UserError } from '../errors.js';
import type { MysqlEngine } from '../../engines/mysql/engine.js';
import type { SetupResult } from '../../engines/mysql/setup.js';
import { DEFAULT_MYSQL_URL, openEngine } from '../../engines/open.js';
import { dataDir } from '../../util/paths.js';
import { readSettings, settingsPath, writeSettings } from '../../settings/settings.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';

const sourceText = {
  option: 'задана параметром --engine',
  environment: 'задана переменной DBCOURSE_ENGINE',
  settings: 'выбрана командой dbcourse db setup или db use',
  default: 'по умолчанию',
};

export async function status(ctx: Context): Promise<number> {
  const choice = ctx.engineChoice();
  const { style } = ctx.screen;
  ctx.print(`СУБД для проверки: ${style.bold(choice.name)} (${sourceText[choice.source]}).`);

  try {
    // The engine itself, not the context's (which wraps it): its server and datasets are asked.
    const engine = await openEngine(choice, ctx.engineOptions());
    if (engine.name === 'sqlite') {
      await engine.close();
      ctx.print('Встроенная SQLite работает, учебные базы собраны в ' +
        `${ctx.engineOptions().cacheRoot}/sqlite.\nПосмотреть данные: dbcourse sql ` +
        '(консоль на копии базы магазина).\nПроверять на MySQL: dbcourse db setup, ' +
        'затем dbcourse db use mysql.');
      return EXIT_OK;
    }

    const { formatMysqlUrl, parseMysqlUrl } = await import('../../engines/mysql/url.js');
    const target = parseMysqlUrl(choice.mysqlUrl ?? DEFAULT_MYSQL_URL);
    const mysql = engine as MysqlEngine;
    ctx.print([
      `Сервер: ${formatMysqlUrl(target)} — ${style.ok('доступен')}, ` +
        `${mysql.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${mysql.version}.`,
      `Учебные базы: ${engine.datasets.map((d) => d.name).join(', ')} ` +
        `(на сервере: ${mysql.datasets[0].database} и соседние).`,
      'Посмотреть данные: dbcourse sql (консоль на вашей копии базы) или своим клиентом:',
      `  mysql -h ${target.host} -P ${target.port} -u ${target.user} -p ` +
        `${mysql.datasets[0].database}`,
      style.dim(`Пароль пользователя курса — в ${settingsPath(dataDir(ctx.io.env))}.`),
    ].join('\n'));

    const damaged = await mysql.damagedDatasets();
    await engine.close();
    if (damaged.length > 0) {
      ctx.print(style.bad('Учебные базы изменены: ') + `${damaged.join(', ')} — их данные уже ` +
        'не те, с которыми курс их создал, и проверка может ошибаться. Пересобрать: ' +
        'dbcourse db setup');
      return EXIT_FAILED;
    }
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.print(style.bad('Недоступна: ') + error.message);
    return EXIT_FAILED;
  }
}

export async function use(ctx: Context, name: string, url: string | undefined): Promise<number> {
  const dir = dataDir(ctx.io.env);
  const settings = readSettings(dir);

  if (name === 'sqlite') {
    writeSettings(dir, { ...settings, engine: 'sqlite' });
    ctx.print('Ответы проверяются на встроенной SQLite.');
    return EXIT_OK;
  }

  if (name !== 'mysql') {
    throw new UsageError(`«${name}» — нет такой СУБД. Есть sqlite и mysql.`);
  }

  const { formatMysqlUrl, parseMysqlUrl } = await import('../../engines/mysql/url.js');
  const target = parseMysqlUrl(url ?? settings.mysqlUrl ?? DEFAULT_MYSQL_URL);
  // Tried before it is saved: a learner is never left with an engine that does not work.
  const engine = await openEngine({ name: 'mysql', source: 'option',
    mysqlUrl: formatMysqlUrl(target, true) }, ctx.engineOptions());
  await engine.close();

  writeSettings(dir, { ...settings, engine: 'mysql', mysqlUrl: formatMysqlUrl(target, true) });
  const server = (engine as MysqlEngine).flavor === 'mariadb' ? 'MariaDB' : 'MySQL';
  ctx.print(`Ответы проверяются на ${server} ${(engine as MysqlEngine).version} ` +
    `(${formatMysqlUrl(target)}). Вернуться: dbcourse db use sqlite`);
  return EXIT_OK;
}

/** Who was created, for which hosts, and what became of an account open to any host. */
function setupUserText(user: string, result: SetupResult): string {
  const hosts = result.hosts.map((h) => `'${h}'`).join(' и ');
  const lines = [`Пользователь ${user} создан для входа только с ${hosts} (с других адресов ` +
    'войти нельзя); его права — только на базы dbcourse_*.'];
  if (result.anyHost === 'dropped') {
    lines.push(`Прежняя учётная запись ${user}@'%', открытая для входа с любого адреса, ` +
      'удалена.');
  } else if (result.anyHost === 'kept') {
    lines.push(`Учётная запись ${user}@'%' (вход с любого адреса) оставлена как есть: у неё ` +
      'есть права не только на базы dbcourse_*, значит, её создал не dbcourse.');
  } else if (result.anyHost === 'unchecked') {
    lines.push(`Есть ли учётная запись ${user}@'%' (вход с любого адреса), проверить не ` +
      'удалось: администратору нельзя смотреть чужие права. Если она осталась от прежней ' +
      `версии dbcourse, удалите её: DROP USER '${user}'@'%';`);
  }
  return lines.join('\n');
}

export async function setup(ctx: Context, adminUrl: string, user: string): Promise<number> {
  const { formatMysqlUrl, parseMysqlUrl } = await import('../../engines/mysql/url.js');
  const { SetupRefused, setupServer } = await import('../../engines/mysql/setup.js');
  const { unreachableMessage } = await import('../../engines/mysql/messages.js');
  const admin = parseMysqlUrl(adminUrl);

  let result;
  try {
    result = await setupServer(admin, user);
  } catch (error) {
    if (error instanceof SetupRefused) throw new UserError(error.message);
    throw unreachableMessage(error, admin);
  }

  ctx.print(setupUserText(user, result));
  const url = formatMysqlUrl(result.target, true);
  const engine = await openEngine({ name: 'mysql', source: 'option', mysqlUrl: url },
    ctx.engineOptions());
  const stale = await (engine as MysqlEngine).dropStaleDatasets();
  const repaired = await (engine as MysqlEngine).repairDatasets();
  ctx.print(`Учебные базы готовы: ${engine.datasets.length} наборов данных` +
    (stale > 0 ? `; старых удалено: ${stale}` : '') +
    (repaired.length > 0 ? `; пересобраны (данные отличались от исходных или ещё не были ` +
      `сверены): ${repaired.join(', ')}` : '') + '.');
  await engine.close();

  const dir = dataDir(ctx.io.env);
  writeSettings(dir, { ...readSettings(dir), engine: 'mysql', mysqlUrl: url });
  ctx.print(`Теперь ответы проверяются на ${result.version}. Вернуться к SQLite: ` +
    'dbcourse db use sqlite');
  return EXIT_OK;
}
