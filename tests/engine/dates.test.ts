import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseReadout } from "@/server/engine/parse-readout";
import { lastWeekdayOnOrBefore } from "@/server/engine/dates";

const seedDir = path.resolve(import.meta.dirname, "../../seeds");

describe("meeting date", () => {
  it("resolves all five seeds", () => {
    const want: Record<string, string> = { "000": "2025-11-22", "001": "2022-08-01", "002": "2024-07-05", "003": "2025-06-17", "004": "2022-02-05" };
    for (const f of readdirSync(seedDir).filter((x) => x.endsWith(".txt"))) {
      expect(parseReadout(readFileSync(path.join(seedDir, f), "utf8")).meetingDate, f).toBe(want[f.slice(0, 3)]);
    }
  });
  it("takes an explicit date", () => {
    const p = parseReadout("Talks held\nUpdated: November 25, 2025 10:00\n\nOn the afternoon of November 22, 2025 local time, the ministers held talks in Dushanbe.");
    expect(p.meetingDate).toBe("2025-11-22");
    expect(p.dateEvidence).toContain("On the afternoon of November 22, 2025 local time");
  });
  it("resolves a weekday against the publication date", () => {
    const p = parseReadout("Talks\nPublished: 19 May 2023\n\nOn Wednesday, the minister received the ambassador for a meeting.");
    expect(p.meetingDate).toBe("2023-05-17");
    expect(p.dateEvidence).toMatch(/weekday "On Wednesday" before publication 2023-05-19/);
    expect(lastWeekdayOnOrBefore("2025-06-17", 2)).toBe("2025-06-17");
  });
  it("prefers a caption date that agrees with the weekday", () => {
    const t = "Xi meets Rahmon\n\nRelease Date:2022-02-14 10:08:06\n\nXi meets Rahmon in Beijing, Feb. 5, 2022. (Xinhua/Li Xiang)\n\nXi on Saturday met with Rahmon.";
    expect(parseReadout(t).meetingDate).toBe("2022-02-05");
  });
  it("ignores a caption date on a different weekday", () => {
    const t = "Xi meets Rahmon\n\nRelease Date:2022-02-14 10:08:06\n\nXi meets Rahmon in Beijing, Feb. 4, 2022. (Xinhua/Li Xiang)\n\nXi on Saturday met with Rahmon.";
    expect(parseReadout(t).meetingDate).toBe("2022-02-12");
  });
  it("returns null without any date, unless the caller gives one", () => {
    const t = "Talks\n\nThe two sides held talks and agreed to build a road.";
    expect(parseReadout(t).meetingDate).toBeNull();
    expect(parseReadout(t, { meetingDate: "2024-01-02" }).meetingDate).toBe("2024-01-02");
  });
});
