// `db setup`: the course user may log in only from where dbcourse connects, never from any
// host ('%'); running it again changes nothing else (the server part skipped without one).
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/engines/mysql/driver.js';
import { foreignGrants } from '../../src/engines/mysql/safety.js';
import { SetupRefused, setupServer, userHosts } from '../../src/engines/mysql/setup.js';
import { parseMysqlUrl } from '../../src/engines/mysql/url.js';
import { learnerEnv, runCli } from '../helpers.js';

const adminUrl = process.env.DBCOURSE_TEST_MYSQL_ADMIN_URL;
const local = parseMysqlUrl('mysql://root@127.0.0.1:3306');

describe('the hosts the course user is created for', () => {
  it('are the host the server sees, and localhost when the server is on this machine', () => {
    expect(userHosts('127.0.0.1', local)).toEqual(['127.0.0.1', 'localhost']);
    expect(userHosts('localhost', parseMysqlUrl('mysql://root@localhost'))).toEqual(['localhost']);
    expect(userHosts('localhost', { ...local, socketPath: '/run/mysqld/mysqld.sock' }))
      .toEqual(['localhost']);
    // MySQL in Docker sees the bridge's gateway, not the loopback address.
    expect(userHosts('172.18.0.1', local)).toEqual(['172.18.0.1', 'localhost']);
    expect(userHosts('laptop.lan', parseMysqlUrl('mysql://root@db.example'))).toEqual(
      ['laptop.lan']);
  });
});

describe.runIf(adminUrl)('db setup on a real server', () => {
  const admin = parseMysqlUrl(adminUrl ?? 'mysql://root@127.0.0.1');
  const user = `dbcourse_hosts_${process.pid}`;
  const other = `dbcourse_wide_${process.pid}`;
  const narrow = `dbcourse_narrow_${process.pid}`;
  const helper = `dbcourse_adm_${process.pid}`;
  const taken = `shop_app_${process.pid}`;

  async function asAdmin<T>(work: (query: (sql: string, values?: unknown[]) =>
    Promise<unknown[][]>) => Promise<T>): Promise<T> {
    const session = await connect(admin);
    try {
      return await work(async (sql, values) =>
        (await session.connection.query(sql, values))[0] as unknown[][]);
    } finally {
      await session.connection.end();
    }
  }

  const hostsOf = (name: string) => asAdmin(async (query) =>
    (await query('SELECT Host FROM mysql.user WHERE User = ? ORDER BY Host', [name]))
      .map(([host]) => String(host)));

  afterAll(() => asAdmin(async (query) => {
    for (const name of [user, other, narrow, helper, taken]) {
      for (const host of await hostsOf(name)) await query('DROP USER ?@?', [name, host]);
    }
  }));

  it('creates the user for the connecting host only, and drops the older any-host account',
    async () => {
      // What an older dbcourse made: the same rights, for any host.
      await asAdmin(async (query) => {
        await query("CREATE USER ?@'%' IDENTIFIED BY 'old'", [user]);
        await query("GRANT ALL PRIVILEGES ON `dbcourse\\_%`.* TO ?@'%'", [user]);
      });
      const seen = await asAdmin(async (query) => {
        const [[who]] = await query('SELECT USER()');
        return String(who).slice(String(who).lastIndexOf('@') + 1);
      });

      const result = await setupServer(admin, user);
      expect(result.hosts).toEqual(userHosts(seen, admin));
      expect(result.hosts).toContain(seen);
      expect(result.anyHost).toBe('dropped');
      expect(await hostsOf(user)).toEqual([...result.hosts].sort());

      const learner = await connect(result.target);
      try {
        expect(await foreignGrants(learner.connection)).toEqual([]);
      } finally {
        await learner.connection.end();
      }

      // Again: the same accounts, a new password that works, nothing to drop.
      const again = await setupServer(admin, user);
      expect(again).toMatchObject({ hosts: result.hosts, anyHost: 'none' });
      expect(await hostsOf(user)).toEqual([...result.hosts].sort());
      const relogin = await connect(again.target);
      await relogin.connection.end();
      await expect(connect(result.target)).rejects.toMatchObject({ errno: 1045 });
    });

  it('says which hosts the user may log in from', async () => {
    const run = await runCli(['db', 'setup', '--admin-url', adminUrl!, '--user', user],
      learnerEnv());
    expect(run.code).toBe(0);
    const hosts = (await hostsOf(user)).map((h) => `'${h}'`);
    expect(hosts).not.toContain("'%'");
    expect(run.stdout).toContain(`Пользователь ${user} создан для входа только с `);
    for (const host of hosts) expect(run.stdout.split('\n')[0]).toContain(host);
  });

  it('leaves an any-host account with rights beyond dbcourse\'s: dbcourse did not make it',
    async () => {
      await asAdmin(async (query) => {
        await query("CREATE USER ?@'%' IDENTIFIED BY 'theirs'", [other]);
        await query("GRANT SELECT ON mysql.* TO ?@'%'", [other]);
      });
      const result = await setupServer(admin, other);
      expect(result.anyHost).toBe('kept');
      expect(await hostsOf(other)).toContain('%');
    });

  it('refuses an existing account with rights beyond dbcourse\'s (root, the shop\'s user), ' +
    'leaving its password as it was', async () => {
    const seen = await asAdmin(async (query) => {
      const [[who]] = await query('SELECT USER()');
      const host = String(who).slice(String(who).lastIndexOf('@') + 1);
      await query("CREATE USER ?@? IDENTIFIED BY 'theirs'", [taken, host]);
      await query('GRANT SELECT ON mysql.* TO ?@?', [taken, host]);
      return host;
    });
    await expect(setupServer(admin, taken)).rejects.toBeInstanceOf(SetupRefused);
    // Still theirs: the same password logs in, and no account was added for another host.
    const theirs = await connect({ ...admin, user: taken, password: 'theirs' });
    await theirs.connection.end();
    expect(await hostsOf(taken)).toEqual([seen]);

    const run = await runCli(['db', 'setup', '--admin-url', adminUrl!, '--user', taken],
      learnerEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('не будет менять ему пароль');
    expect(run.stderr).not.toContain('Внутренняя ошибка');
  });

  it('says so when the administrator may not read other accounts\' grants', async () => {
    const seen = await asAdmin(async (query) => {
      const [[who]] = await query('SELECT USER()');
      const host = String(who).slice(String(who).lastIndexOf('@') + 1);
      // Enough to create the course user, not to look into the mysql schema.
      await query("CREATE USER ?@? IDENTIFIED BY 'pw'", [helper, host]);
      await query('GRANT CREATE USER ON *.* TO ?@?', [helper, host]);
      await query('GRANT ALL ON `dbcourse\\_%`.* TO ?@? WITH GRANT OPTION', [helper, host]);
      return host;
    });
    const result = await setupServer({ ...admin, user: helper, password: 'pw' }, narrow);
    expect(result).toMatchObject({ hosts: userHosts(seen, admin), anyHost: 'unchecked' });
  });
});
