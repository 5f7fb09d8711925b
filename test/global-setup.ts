// Once per test run: a dataset cache for SQLite, and a MySQL/MariaDB user for the MySQL suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from '../src/engines/mysql/setup.js';
import { formatMysqlUrl, parseMysqlUrl } from '../src/engines/mysql/url.js';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'dbcourse-test-cache-'));
  process.env.DBCOURSE_TEST_CACHE = dir;

  const admin = process.env.DBCOURSE_TEST_MYSQL_ADMIN_URL;
  if (admin) {
    // A fixed password, so that test runs of several checkouts at once do not lock each
    // other out; the user's rights reach only dbcourse_* databases.
    const { target } = await setupServer(parseMysqlUrl(admin), 'dbcourse_test',
      'dbcourse-test-only');
    process.env.DBCOURSE_TEST_MYSQL_URL = formatMysqlUrl(target, true);
  } else if (process.env.CI === 'true') {
    throw new Error('CI=true but DBCOURSE_TEST_MYSQL_ADMIN_URL is not set: the MySQL suite ' +
      'must run in CI (.ci/run sets it after starting MariaDB)');
  } else {
    console.warn('\n*** MySQL suite SKIPPED: set DBCOURSE_TEST_MYSQL_ADMIN_URL=' +
      'mysql://root@127.0.0.1:3306 to run it against a local MySQL/MariaDB ***\n');
  }

  return () => rmSync(dir, { recursive: true, force: true });
}
