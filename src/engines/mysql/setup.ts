/**
 * `dbcourse db setup`: prepares a server for the course with an administrator's account
 * (used once, never stored): a dedicated user whose rights reach only dbcourse's databases.
 */
import { randomBytes } from 'node:crypto';
import { connect } from './driver.js';
import type { MysqlTarget } from './url.js';

export interface SetupResult {
  target: MysqlTarget;
  version: string;
}

export async function setupServer(admin: MysqlTarget, user: string,
  password = randomBytes(12).toString('base64url')): Promise<SetupResult> {
  if (!/^[A-Za-z0-9_]{1,32}$/.test(user)) {
    throw new Error(`user name ${user}: letters, digits and _ only`);
  }

  const session = await connect(admin);
  const { connection } = session;

  try {
    for (const host of ['localhost', '%']) {
      await connection.query(`CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?`,
        [user, host, password]);
      await connection.query(`ALTER USER ?@? IDENTIFIED BY ?`, [user, host, password]);
      // `dbcourse\_%`: every database whose name starts with dbcourse_, and nothing else.
      // Known shortcoming: this reaches the shared datasets too (checksums catch a change);
      // a separate user that builds them would let this one have only DML there.
      await connection.query(`GRANT ALL PRIVILEGES ON \`dbcourse\\_%\`.* TO ?@?`, [user, host]);
    }
  } finally {
    await connection.end();
  }

  return { target: { ...admin, user, password }, version: session.version };
}
