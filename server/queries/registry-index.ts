// Why: an import compares a file with the registry as it stands; this reads one community's registry keyed by id.
import { eq } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, volunteers } from "../../drizzle/schema";
import type { Registry } from "../domain/registry-import/plan";

/** Buildings, households and volunteers of a community, each keyed by its id, with the fields an import compares. */
export async function readRegistryIndex(db: Db, community: string): Promise<Registry> {
  const [b, h, v] = await Promise.all([
    db.select({ id: buildings.buildingId, label: buildings.label }).from(buildings).where(eq(buildings.community, community)),
    db
      .select({
        id: households.householdId,
        buildingId: households.buildingId,
        unit: households.unit,
        residents: households.residents,
        contactName: households.contactName,
        contactPhone: households.contactPhone,
        contactOtherPhones: households.contactOtherPhones,
      })
      .from(households)
      .where(eq(households.community, community)),
    db
      .select({
        id: volunteers.volunteerId,
        name: volunteers.name,
        phone: volunteers.phone,
        skills: volunteers.skills,
        building: volunteers.building,
      })
      .from(volunteers)
      .where(eq(volunteers.community, community)),
  ]);
  return {
    buildings: new Map(b.map(({ id, ...rest }) => [id, rest])),
    households: new Map(h.map(({ id, ...rest }) => [id, rest])),
    volunteers: new Map(v.map(({ id, ...rest }) => [id, rest])),
  };
}
