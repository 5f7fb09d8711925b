/**
 * The learner's real shop may live on the same server. dbcourse runs learner SQL only as a
 * user whose rights reach nothing but dbcourse's own databases (dbcourse_...), so the server
 * itself refuses a statement that tries to reach further.
 */
import type { Connection } from 'mysql2/promise';

const OWN_DATABASE = /^`?dbcourse(\\_|_)/;

/** The grants of the current user that reach beyond dbcourse's databases. */
export async function foreignGrants(connection: Connection): Promise<string[]> {
  const [rows] = await connection.query('SHOW GRANTS') as unknown as [string[][]];
  return grantsBeyondCourse(rows.map(([grant]) => grant));
}

/** Of SHOW GRANTS lines, those that give more than rights on dbcourse's own databases. */
export function grantsBeyondCourse(grants: string[]): string[] {
  const unsafe: string[] = [];

  for (const grant of grants) {
    const match = /^GRANT (.+?) ON (\S+) TO /i.exec(grant);
    // A role (GRANT role TO user): its rights are the role's, which SET ROLE can take on;
    // the course user needs none. SHOW GRANTS lists only the default role's rights.
    if (!match) {
      if (/^GRANT\s/i.test(grant)) unsafe.push(grant);
      continue;
    }
    const [, privileges, target] = match;
    if (/^PROXY$/i.test(privileges.trim())) continue;

    if (target === '*.*') {
      if (privileges.trim().toUpperCase() !== 'USAGE') unsafe.push(grant);
    } else if (!OWN_DATABASE.test(target)) {
      unsafe.push(grant);
    }
  }

  return unsafe;
}
