import type { EntityManager } from 'typeorm';
import { Organization } from '../entities';

/** An organization named by an operator: its numeric id, or its exact name. */
export async function findOrganization(db: Pick<EntityManager, 'getRepository'>, reference: string): Promise<Organization | null> {
  const organizations = db.getRepository(Organization);
  const byName = await organizations.findOneBy({ name: reference.trim() });
  if (byName || !/^\d{1,9}$/.test(reference.trim())) return byName;
  return organizations.findOneBy({ id: Number(reference.trim()) });
}
