import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Someone mail goes to, named as mail greets them, in their language. */
export interface Person {
  email: string;
  name: string;
  locale: string;
}

interface PersonRow {
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
}

/**
 * The people and organizations an application's mail goes to and speaks of. Their tables are the
 * identity library's, read by name in the transaction of the change: notifications never import it.
 */
@Injectable()
export class PeopleRepository {
  /** The user the application acts as: a customer user for a storefront application. */
  async owner(db: EntityManager, frontend: boolean, id: number): Promise<Person | undefined> {
    const table = frontend ? 'customer_users' : 'users';
    const [row] = (await db.query(`SELECT email, firstName, lastName, locale FROM ${table} WHERE id = ?`, [id])) as PersonRow[];
    return row && person(row);
  }

  /** The organization's enabled administrators. */
  async organizationAdmins(db: EntityManager, organizationId: number): Promise<Person[]> {
    const rows = (await db.query(
      `SELECT DISTINCT u.email, u.firstName, u.lastName, u.locale FROM users u
         JOIN membership_roles mr ON mr.userId = u.id AND mr.organizationId = ?
         JOIN roles r ON r.id = mr.roleId AND r.name = 'ROLE_ADMINISTRATOR'
        WHERE u.enabled = 1`,
      [organizationId],
    )) as PersonRow[];
    return rows.map(person);
  }

  async organizationName(db: EntityManager, organizationId: number): Promise<string | undefined> {
    const [organization] = (await db.query('SELECT name FROM organizations WHERE id = ?', [organizationId])) as Array<{ name: string }>;
    return organization?.name;
  }
}

function person(row: PersonRow): Person {
  return { email: row.email, name: `${row.firstName} ${row.lastName}`.trim() || row.email, locale: row.locale };
}
