import type { EventInput } from "../protocol/events";
import { type Random, seeded } from "./random";

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
];
export const POSTS = ["testing", "gate", "delivery", "medicine", "registry"] as const;
/** The demo's posts as a compound names them (`post.registered`). */
const POST_NAMES: Record<(typeof POSTS)[number], { nameZh: string; nameEn: string }> = {
  testing: { nameZh: "核酸采样", nameEn: "Testing" },
  gate: { nameZh: "门岗", nameEn: "Gate" },
  delivery: { nameZh: "物资配送", nameEn: "Delivery" },
  medicine: { nameZh: "送药", nameEn: "Medicine" },
  registry: { nameZh: "登记", nameEn: "Registry" },
};

const name = (r: Random) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
const phone = (r: Random) => `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;

export const DEMO_SIZE = { buildings: 41, households: 1383, volunteers: 162 };
export const DEMO_ROUND = "demo-pcr-1";

/**
 * The demo compound: 41 buildings, 1,383 households (about 3,650 residents), 162 volunteers,
 * a PCR round opened four hours ago with a little over half the households swabbed, a few
 * requests waiting and two buildings sealed. The same on every machine.
 */
export function demoCompound(now = new Date()): EventInput[] {
  const r = seeded(2022_04_05);
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const out: EventInput[] = [{ type: "demo.loaded", occurredAt: hoursAgo(6), payload: {} }];
  const at = hoursAgo(6);
  for (let b = 1; b <= DEMO_SIZE.buildings; b++)
    out.push({ type: "building.registered", occurredAt: at, payload: { buildingId: `b${b}`, label: `${b}号楼` } });
  for (const post of POSTS) out.push({ type: "post.registered", occurredAt: at, payload: { post, ...POST_NAMES[post] } });
  for (let h = 0; h < DEMO_SIZE.households; h++) {
    const b = (h % DEMO_SIZE.buildings) + 1;
    const floor = Math.floor(h / DEMO_SIZE.buildings / 2) + 1;
    const unit = `${floor}0${(Math.floor(h / DEMO_SIZE.buildings) % 2) + 1}`;
    out.push({
      type: "household.registered",
      occurredAt: at,
      payload: {
        householdId: `h${h + 1}`,
        buildingId: `b${b}`,
        unit,
        residents: r.pick([1, 2, 2, 3, 3, 3, 4]),
        contact: { name: name(r), phone: phone(r) },
      },
    });
  }
  for (let v = 1; v <= DEMO_SIZE.volunteers; v++)
    out.push({
      type: "volunteer.registered",
      occurredAt: at,
      payload: { volunteerId: `v${v}`, name: name(r), phone: phone(r), skills: [r.pick(POSTS)] },
    });
  out.push({ type: "round.opened", occurredAt: hoursAgo(4), payload: { roundId: DEMO_ROUND, kind: "pcr", label: "核酸筛查 第1轮" } });
  // Swabbing comes in waves: a morning push, a lull, a second push.
  const tested = Math.round(DEMO_SIZE.households * 0.56);
  for (let i = 0; i < tested; i++) {
    const f = i / tested;
    const h = f < 0.6 ? 4 - f * 4 : 1.6 - (f - 0.6) * 3.9;
    out.push({
      type: "household.tested",
      occurredAt: hoursAgo(Math.max(0.02, h)),
      payload: { roundId: DEMO_ROUND, householdId: `h${((i * 7) % DEMO_SIZE.households) + 1}` },
    });
  }
  for (let v = 1; v <= 44; v++)
    out.push({
      type: "volunteer.checked_in",
      occurredAt: hoursAgo(3),
      payload: { volunteerId: `v${v}`, post: POSTS[v % POSTS.length] ?? "testing" },
    });
  for (const b of [7, 23])
    out.push({ type: "building.sealed", occurredAt: hoursAgo(5), payload: { buildingId: `b${b}`, reason: "密接 close contact" } });
  const kinds = ["medicine", "supplies", "leave", "medicine", "other", "supplies"] as const;
  for (const [i, kind] of kinds.entries())
    out.push({
      type: "request.opened",
      occurredAt: hoursAgo(2 - i * 0.3),
      payload: { requestId: `demo-r${i + 1}`, householdId: `h${r.int(1, DEMO_SIZE.households)}`, kind, note: "演示 demo", person: name(r) },
    });
  out.push({
    type: "request.opened",
    occurredAt: hoursAgo(0.2),
    payload: {
      requestId: "demo-r7",
      householdId: "h512",
      kind: "medical",
      urgent: true,
      note: "孕妇早产 premature labour",
      person: name(r),
    },
  });
  return out;
}
