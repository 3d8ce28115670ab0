import { asc, eq } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, volunteers } from "../../drizzle/schema";

/** The compound as registered, with personal data: for the secretary and volunteers, never a display. */
export async function readRegistry(db: Db, community: string) {
  const [b, h, v] = await Promise.all([
    db
      .select({ buildingId: buildings.buildingId, label: buildings.label, sealed: buildings.sealed, sealedReason: buildings.sealedReason })
      .from(buildings)
      .where(eq(buildings.community, community))
      .orderBy(asc(buildings.buildingId)),
    db.select().from(households).where(eq(households.community, community)).orderBy(asc(households.householdId)),
    db.select().from(volunteers).where(eq(volunteers.community, community)).orderBy(asc(volunteers.volunteerId)),
  ]);
  return {
    community,
    buildings: b,
    households: h.map((x) => ({
      householdId: x.householdId,
      buildingId: x.buildingId,
      unit: x.unit,
      residents: x.residents,
      contact: x.contactName ? { name: x.contactName, phone: x.contactPhone } : null,
    })),
    volunteers: v.map((x) => ({
      volunteerId: x.volunteerId,
      name: x.name,
      phone: x.phone,
      skills: x.skills,
      onDuty: x.onDuty,
      post: x.post,
    })),
  };
}
