import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions } from "@/server/engine/extract-mentions";

const seed = (n: string) => {
  const dir = path.resolve(import.meta.dirname, "../../seeds");
  const f = readdirSync(dir).find((x) => x.startsWith(n))!;
  return readFileSync(path.join(dir, f), "utf8");
};

describe("participants, place and countries", () => {
  it("reads roles and sides", () => {
    const p = parseReadout(seed("001"));
    expect(p.countries).toEqual(["China", "Tajikistan"]);
    expect(p.place).toBe("Dushanbe");
    const muh = p.participants.find((x) => x.name === "Sirojiddin Muhriddin")!;
    expect(muh.side).toBe("Tajikistan");
    expect(muh.role).toMatch(/Foreign Minister/);
    expect(p.participants.find((x) => x.name === "Wang Yi")!.role).toBe("State Councilor and Foreign Minister");
    expect(p.participants.find((x) => x.name === "Rustam Emomali")!.role).toMatch(/Chairman of the National Assembly/);
  });
  it("reads a counterpart and a country adjective in two words as the other side's participant", () => {
    const text = "Talks\n\nOn June 3, 2024, Chinese Foreign Minister Wang Yi met with his Sri Lankan counterpart Ravi Perera in Colombo.\n\nPerera said Sri Lanka firmly adheres to the one-China principle. South African President Thabo Dube sent greetings.";
    const p = parseReadout(text);
    expect(p.participants.find((x) => x.name === "Ravi Perera")).toMatchObject({ role: "counterpart", side: "Sri Lanka" });
    expect(p.participants.find((x) => x.name === "Thabo Dube")?.side).toBe("South Africa");
    expect(extractMentions(text, p).find((m) => /one-China/.test(m.phrase))?.giver).toBe("Sri Lanka");
    // A counterpart of no named side is no participant.
    expect(parseReadout("Talks\n\nOn June 3, 2024, the minister met his counterpart Ravi Perera.").participants).toEqual([]);
  });
  it("finds the city in a 'capital of' phrase", () => {
    expect(parseReadout(seed("003")).place).toBe("Astana");
  });
  it("resolves short forms and pronouns to the speaker", () => {
    const t = seed("001");
    const ms = extractMentions(t, parseReadout(t));
    const flights = ms.find((m) => /direct flights/.test(m.phrase))!;
    expect(flights.speaker).toBe("Rustam Emomali"); // "Emomali said …, adding that he hopes …"
    const tcm = ms.find((m) => /traditional medicine center/.test(m.phrase))!;
    expect(tcm.speaker).toBe("Wang Yi"); // ", Wang added."
    const covid = ms.find((m) => /fight against COVID-19/.test(m.phrase))!;
    expect(covid.speaker).toBe("Sirojiddin Muhriddin"); // "Muhriddin … said he hopes"
  });
});
