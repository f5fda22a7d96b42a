import { describe, expect, it } from "vitest";
import { parseReadout } from "@/server/engine/parse-readout";

const analysed = (t: string) => parseReadout(t).analysedRanges.map(([s, e]) => t.slice(s, e)).join("\n");

describe("page furniture", () => {
  const portal = [
    "Home > NEWS > China > Government Dynamic >",
    "",
    "Leaders meet in Beijing",
    "",
    "Release Date:2022-02-14 10:08:06     Source:Xinhua",
    "",
    "President A meets President B at the Great Hall of the People in Beijing, Feb. 5, 2022. (Xinhua/Li Xiang)",
    "",
    "Chinese President Xi Jinping on Saturday met with Tajik President Emomali Rahmon in Beijing.",
    "",
    "Leader A meets Leader B in Dushanbe, Tajikistan, August 1, 2022 and shakes hands warmly.",
    "",
    "Leader A meets Leader B in Dushanbe, Tajikistan, August 1, 2022 and shakes hands warmly.",
    "",
    "Xi said China will build a workshop.",
    "",
    "Editor: Kelly",
    "",
    "About us | Contact us | Legal notice",
    "Registration number:11044902",
    "It's recommended to use the Chrome,Firefox,IE9 and above browsers to get a better view.",
  ].join("\n");

  it("strips crumbs, metadata, captions (credited or printed twice) and footers", () => {
    const a = analysed(portal);
    expect(a).toContain("on Saturday met with");
    expect(a).toContain("China will build a workshop");
    for (const gone of ["Home >", "Release Date", "Xinhua/Li Xiang", "shakes hands", "Editor:", "About us", "Registration", "browsers"]) {
      expect(a).not.toContain(gone);
    }
  });
  it("reads title, outlet and publication date from the furniture", () => {
    const p = parseReadout(portal);
    expect(p.title).toBe("Leaders meet in Beijing");
    expect(p.outlet).toBe("Xinhua");
    expect(p.publishedAt).toBe("2022-02-14");
  });
  it("drops a crawler date prefix and a trailing widget", () => {
    const t = " date 2024-07-15 On July 5, 2024, the two presidents met in Dushanbe.\n\nSearch Trends\nfoo";
    expect(analysed(t)).toBe("On July 5, 2024, the two presidents met in Dushanbe.");
    expect(parseReadout(t).publishedAt).toBe("2024-07-15");
  });
  it("drops a news-agency dateline from the analysed text but keeps it for the place", () => {
    const t = "Title here\n2023-03-03 22:41:05\n\nDUSHANBE, March 3 (Xinhua) -- Chinese Vice Premier Hu Chunhua met Tajik Prime Minister Kokhir Rasulzoda on Friday.";
    const p = parseReadout(t);
    expect(analysed(t).startsWith("Chinese Vice Premier")).toBe(true);
    expect(p.place).toBe("Dushanbe");
    expect(p.outlet).toBe("Xinhua");
  });
});
