import { describe, expect, it } from "vitest";
import { mergePosts } from "../../server/domain/wall-posts";

const GATE = { post: "gate", nameZh: "门岗", nameEn: "Gate" };
const TESTING = { post: "testing", nameZh: "核酸采样", nameEn: "Testing" };

describe("POST: one post on the wall, however it was written", () => {
  it("POST5 registered posts first in their order, rows under a name count for the post, the id's own minimum wins", () => {
    const merged = mergePosts(
      [TESTING, GATE],
      [
        { post: "gate", n: 2 },
        { post: "门岗", n: 1 },
        { post: "lobby", n: 1 },
      ],
      [
        { post: "Gate", minimum: 9 },
        { post: "gate", minimum: 3 },
        { post: "门岗", minimum: 7 },
        { post: "abacus", minimum: 1 },
      ],
    );
    expect(merged).toEqual([
      { ...TESTING, onDuty: 0, minimum: null },
      { ...GATE, onDuty: 3, minimum: 3 },
      { post: "abacus", onDuty: 0, minimum: 1 },
      { post: "lobby", onDuty: 1, minimum: null },
    ]);
  });

  it("POST5 without a row under the id, the highest minimum under its names holds; nothing registered, nothing changes", () => {
    expect(
      mergePosts(
        [GATE],
        [],
        [
          { post: "门岗", minimum: 2 },
          { post: "GATE", minimum: 4 },
        ],
      ),
    ).toEqual([{ ...GATE, onDuty: 0, minimum: 4 }]);
    expect(mergePosts([], [{ post: "gate", n: 1 }], [{ post: "Gate", minimum: 2 }])).toEqual([
      { post: "gate", onDuty: 1, minimum: null },
      { post: "Gate", onDuty: 0, minimum: 2 },
    ]);
  });
});
