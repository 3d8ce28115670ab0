import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, posts, volunteers } from "../../drizzle/schema";
import { type Masking, maskFreeText, maskName, maskPhone } from "../domain/masking";

/**
 * The compound as registered, with personal data: for the secretary (whole) and volunteers
 * (residents' names and phones masked), never a display.
 */
export async function readRegistry(db: Db, community: string, masking: Masking = "whole") {
  const name = masking === "whole" ? (s: string) => s : maskName;
  const phone = masking === "whole" ? (s: string) => s : maskPhone;
  const [b, h, v, p] = await Promise.all([
    db
      .select({ buildingId: buildings.buildingId, label: buildings.label, sealed: buildings.sealed, sealedReason: buildings.sealedReason })
      .from(buildings)
      .where(eq(buildings.community, community))
      .orderBy(asc(buildings.buildingId)),
    db.select().from(households).where(eq(households.community, community)).orderBy(asc(households.householdId)),
    // Retired and merged volunteers leave the lists (their history stays in the feed).
    db
      .select()
      .from(volunteers)
      .where(and(eq(volunteers.community, community), isNull(volunteers.retiredAt)))
      .orderBy(asc(volunteers.volunteerId)),
    db
      .select({ post: posts.post, nameZh: posts.nameZh, nameEn: posts.nameEn })
      .from(posts)
      .where(eq(posts.community, community))
      .orderBy(asc(posts.seq)),
  ]);
  return {
    community,
    // A seal's reason is free text too: a number written into it is masked like a note.
    buildings: masking === "whole" ? b : b.map((x) => ({ ...x, sealedReason: x.sealedReason && maskFreeText(x.sealedReason) })),
    households: h.map((x) => ({
      householdId: x.householdId,
      buildingId: x.buildingId,
      unit: x.unit,
      residents: x.residents,
      /** null: lived in; `vacant` or `moved_out`. */
      status: x.status,
      contact:
        x.contactName || x.contactPhone
          ? {
              name: x.contactName ? name(x.contactName) : null,
              phone: x.contactPhone ? phone(x.contactPhone) : null,
              // v1.2: further phones from the contact's cell, masked as the first.
              ...(x.contactOtherPhones?.length ? { otherPhones: x.contactOtherPhones.map(phone) } : {}),
            }
          : null,
    })),
    volunteers: v.map((x) => ({
      volunteerId: x.volunteerId,
      name: x.name,
      phone: x.phone,
      skills: x.skills,
      building: x.building,
      onDuty: x.onDuty,
      post: x.post,
    })),
    /** The compound's posts (`post.registered`), in the order registered: what check-in pickers offer. */
    posts: p,
  };
}
