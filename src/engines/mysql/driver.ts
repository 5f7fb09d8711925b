/**
 * Connections to MySQL or MariaDB through mysql2, loaded only when this engine is used.
 * Every session is pinned (rule 9 of CHECKING.md): strict mode with ONLY_FULL_GROUP_BY,
 * utf8mb4, UTC; values come back as the checker wants them (DECIMAL and BIGINT as numbers,
 * dates as strings never shifted by a time zone).
 */
import type { Connection, FieldPacket, TypeCastField } from 'mysql2/promise';
import type { MysqlTarget } from './url.js';

export type Flavor = 'mysql' | 'mariadb';

export interface Session {
  connection: Connection;
  flavor: Flavor;
  version: string;
}

const SQL_MODE = 'STRICT_TRANS_TABLES,ONLY_FULL_GROUP_BY,NO_ENGINE_SUBSTITUTION,' +
  'ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE';

function typeCast(field: TypeCastField, next: () => unknown): unknown {
  switch (field.type) {
    case 'NEWDECIMAL':
    case 'DECIMAL':
    case 'LONGLONG': {
      const text = field.string();
      return text === null ? null : Number(text);
    }
    case 'BLOB':
    case 'TINY_BLOB':
    case 'MEDIUM_BLOB':
    case 'LONG_BLOB':
    case 'VAR_STRING':
    case 'STRING': {
      // Binary strings (a CONCAT of numbers, VARBINARY) arrive as Buffers: read them as text.
      const value = next();
      return Buffer.isBuffer(value) ? value.toString('utf8') : value;
    }
    case 'JSON': {
      const text = field.string();
      return text;
    }
    default:
      return next();
  }
}

export async function connect(target: MysqlTarget,
  options: { multipleStatements?: boolean; settings?: string[] } = {}): Promise<Session> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    ...(target.socketPath ? { socketPath: target.socketPath } : {}),
    charset: 'utf8mb4',
    dateStrings: true,
    rowsAsArray: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
    connectTimeout: 5000,
    multipleStatements: options.multipleStatements ?? false,
    typeCast,
  });

  const [rows] = await connection.query('SELECT VERSION()') as unknown as [string[][]];
  const version = String(rows[0][0]);
  const flavor: Flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';

  // The server's default collation for utf8mb4 (utf8mb4_0900_ai_ci on MySQL 8), the same as
  // the datasets' tables: mixing collations in CONCAT or comparisons is an error in MySQL.
  await connection.query('SET NAMES utf8mb4');
  const extra = options.settings?.map((s) => `, ${s}`).join('') ?? '';
  await connection.query(`SET SESSION sql_mode = '${SQL_MODE}', time_zone = '+00:00'${extra}`);
  return { connection, flavor, version };
}

export function columnNames(fields: FieldPacket[] | undefined): string[] {
  return (fields ?? []).map((f) => f.name);
}

export interface MysqlError {
  errno?: number;
  code?: string;
  message: string;
}

export function asMysqlError(error: unknown): MysqlError {
  const e = error as { errno?: number; code?: string; message?: string };
  return { errno: e.errno, code: e.code, message: String(e.message ?? error) };
}

/** Error numbers: a statement time limit was hit or the query was killed. */
export const TIMEOUT_ERRORS = new Set([1969, 3024, 1317, 1028]);
