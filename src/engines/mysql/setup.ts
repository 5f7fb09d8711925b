/**
 * `dbcourse db setup`: prepares a server for the course with an administrator's account
 * (used once, never stored): a dedicated user whose rights reach only dbcourse's databases,
 * and who can log in only from where dbcourse connects, not from any host.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mysql2/promise';
import { asMysqlError, connect } from './driver.js';
import { grantsBeyondCourse } from './safety.js';
import type { MysqlTarget } from './url.js';

export interface SetupResult {
  target: MysqlTarget;
  version: string;
  /** The hosts the course user was created for, as the server names them. */
  hosts: string[];
  /**
   * The user's account for any host ('%'): dropped when it had only dbcourse's rights (an
   * older `db setup` made it), kept when it has others (then dbcourse did not make it);
   * unchecked when the administrator may not read other accounts' grants.
   */
  anyHost: 'none' | 'dropped' | 'kept' | 'unchecked';
}

/** Reached on this machine: over a socket or a loopback address. */
function isLocal(target: MysqlTarget): boolean {
  return Boolean(target.socketPath) || target.host === 'localhost' ||
    /^127\./.test(target.host) || target.host === '::1' || target.host === '[::1]';
}

/**
 * Where the server sees this connection come from: the host part of USER() (an address, or
 * a name when the server resolves names), which the course user's connections share, since
 * they go from this machine to the same address.
 */
async function clientHost(connection: Connection): Promise<string> {
  const [rows] = await connection.query('SELECT USER()') as unknown as [string[][]];
  const user = String(rows[0][0]);
  return user.slice(user.lastIndexOf('@') + 1);
}

/** The hosts to create the user for: the one the server sees, and localhost for a local one. */
export function userHosts(seen: string, admin: MysqlTarget): string[] {
  const hosts = seen && seen !== '%' ? [seen] : [];
  if (isLocal(admin) || hosts.length === 0) hosts.push('localhost');
  return [...new Set(hosts)];
}

/** No such account (1141); no right to read other accounts' grants (1142, 1044, 1227). */
const NO_ACCOUNT = 1141;
const NOT_ALLOWED = new Set([1142, 1044, 1227]);

/**
 * `db setup` refused to touch an account: the name is not fit for a course user, or the
 * account exists with rights beyond dbcourse's databases (root, the shop's own user), whose
 * password setup would otherwise have replaced. The message is for the learner.
 */
export class SetupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupRefused';
  }
}

/**
 * The grants beyond dbcourse's databases of an existing account; none for an account that
 * does not exist, or when the administrator may not read other accounts' grants.
 */
async function foreignGrantsOf(connection: Connection, user: string, host: string):
  Promise<string[]> {
  try {
    const [grants] = await connection.query('SHOW GRANTS FOR ?@?', [user, host]) as unknown as
      [string[][]];
    return grantsBeyondCourse(grants.map(([grant]) => grant));
  } catch (error) {
    const { errno } = asMysqlError(error);
    if (errno === NO_ACCOUNT || (errno !== undefined && NOT_ALLOWED.has(errno))) return [];
    throw error;
  }
}

/** Drops the user's account for any host if it holds nothing but dbcourse's rights. */
async function dropAnyHost(connection: Connection, user: string):
  Promise<SetupResult['anyHost']> {
  let grants: string[][];
  try {
    [grants] = await connection.query("SHOW GRANTS FOR ?@'%'", [user]) as unknown as
      [string[][]];
  } catch (error) {
    const { errno } = asMysqlError(error);
    if (errno === NO_ACCOUNT) return 'none';
    if (errno !== undefined && NOT_ALLOWED.has(errno)) return 'unchecked';
    throw error;
  }
  if (grantsBeyondCourse(grants.map(([grant]) => grant)).length > 0) return 'kept';
  await connection.query("DROP USER ?@'%'", [user]);
  return 'dropped';
}

export async function setupServer(admin: MysqlTarget, user: string,
  password = randomBytes(12).toString('base64url')): Promise<SetupResult> {
  if (!/^[A-Za-z0-9_]{1,32}$/.test(user)) {
    throw new SetupRefused(`Имя пользователя «${user}» не годится: только латинские буквы, ` +
      'цифры и _, не длиннее 32 знаков. Например: --user dbcourse');
  }

  const session = await connect(admin);
  const { connection } = session;

  try {
    const hosts = userHosts(await clientHost(connection), admin);
    // An account that is not a course user keeps its password: setup would lock out root
    // or the shop's own user (and then refuse to check with it anyway).
    for (const host of hosts) {
      const foreign = await foreignGrantsOf(connection, user, host);
      if (foreign.length > 0) {
        throw new SetupRefused(`Пользователь ${user}@'${host}' уже есть на сервере, и его ` +
          `права шире баз dbcourse_* (${foreign[0]}): это не пользователь курса, и dbcourse ` +
          'не будет менять ему пароль и права. Выберите для курса другое имя: ' +
          'dbcourse db setup --user dbcourse (или не указывайте --user).');
      }
    }
    for (const host of hosts) {
      await connection.query(`CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?`,
        [user, host, password]);
      await connection.query(`ALTER USER ?@? IDENTIFIED BY ?`, [user, host, password]);
      // `dbcourse\_%`: every database whose name starts with dbcourse_, and nothing else.
      // Known shortcoming: this reaches the shared datasets too (checksums catch a change);
      // a separate user that builds them would let this one have only DML there.
      await connection.query(`GRANT ALL PRIVILEGES ON \`dbcourse\\_%\`.* TO ?@?`, [user, host]);
    }
    const anyHost = await dropAnyHost(connection, user);
    return { target: { ...admin, user, password }, version: session.version, hosts, anyHost };
  } finally {
    await connection.end();
  }
}
