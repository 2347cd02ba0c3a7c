import { In, type EntityManager } from 'typeorm';
import { Organization } from '../entities';

/** An organization named by an operator: its numeric id, or its exact name. */
export async function findOrganization(db: Pick<EntityManager, 'getRepository'>, reference: string): Promise<Organization | null> {
  const organizations = db.getRepository(Organization);
  const byName = await organizations.findOneBy({ name: reference.trim() });
  if (byName || !/^\d{1,9}$/.test(reference.trim())) return byName;
  return organizations.findOneBy({ id: Number(reference.trim()) });
}

/** Which of these organizations exist: a platform operator's reach takes in any id, the database only those it holds. */
export async function existingOrganizations(db: Pick<EntityManager, 'getRepository'>, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await db.getRepository(Organization).find({ select: { id: true }, where: { id: In([...new Set(ids)]) } });
  return new Set(found.map((organization) => organization.id));
}
