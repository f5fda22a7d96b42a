import { describe, expect, it } from "vitest";
import { intakeSchema } from "@/lib/schemas/intake";

describe("a readout sent from the browser", () => {
  it("keeps only the file's own name, and reads corrected facts", () => {
    const parsed = intakeSchema.parse({
      fileName: "C:\\Users\\me\\readout.txt",
      sourceUrl: " ",
      outlet: "",
      meetingDate: "2024-05-14",
      place: "",
      participants: JSON.stringify([{ name: "Wang Yi", role: "", side: "China" }]),
    });
    expect(parsed).toEqual({ fileName: "readout.txt", meetingDate: "2024-05-14", place: null, participants: [{ name: "Wang Yi", role: null, side: "China" }] });
  });

  it("refuses what cannot be right", () => {
    expect(intakeSchema.safeParse({ fileName: "/" }).success).toBe(false);
    expect(intakeSchema.safeParse({ fileName: "a.txt", sourceUrl: "ftp://example.org/a" }).success).toBe(false);
    expect(intakeSchema.safeParse({ fileName: "a.txt", meetingDate: "2024-02-30" }).success).toBe(false);
    expect(intakeSchema.safeParse({ fileName: "a.txt", participants: "not json" }).success).toBe(false);
    expect(intakeSchema.safeParse({ fileName: "a.txt", participants: JSON.stringify([{ name: " " }]) }).success).toBe(false);
  });
});
