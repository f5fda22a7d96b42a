import { describe, expect, it } from "vitest";
import { showBidiControls, stripBidiControls } from "@/lib/bidi";
import { queryProblem } from "@/lib/request-params";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { databaseFailure, failureMessage } from "@/server/runtime/db-errors";
import { neutraliseCell } from "@/server/export/csv-cell";
import { releasingWhenDone, takeExportSlot } from "@/server/export/export-slots";
import { passwordProblem } from "@/server/services/password-policy";
import { makeTitle } from "@/server/engine/titles";

describe("redirect after sign-in", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/pledges/12?tab=history#events")).toBe("/pledges/12?tab=history#events");
    expect(safeRedirectPath(["/trends", "/other"])).toBe("/trends");
  });
  it.each(["/%09/evil.example/pwn", "/\t/evil.example/pwn", "/\n/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "", "/\u0000x"])(
    "sends %j to the overview instead",
    (next) => {
      const path = safeRedirectPath(decodeURIComponent(next.replace(/%(?![0-9a-f]{2})/gi, "%25")));
      expect(new URL(path, "https://app.example").origin).toBe("https://app.example");
      expect(path.startsWith("//")).toBe(false);
    },
  );
});

describe("direction controls", () => {
  const override = "Build the \u202Eexe.live\u202C centre";
  it("are removed from titles, by the engine and by an analyst's rename schema alike", () => {
    expect(stripBidiControls(override)).toBe("Build the exe.live centre");
    expect(makeTitle("build the \u202Ecentre\u202C in Dushanbe")).not.toMatch(/[\u202a-\u202e]/);
  });
  it("are shown escaped in quotes", () => {
    expect(showBidiControls(override)).toBe("Build the ⟨U+202E⟩exe.live⟨U+202C⟩ centre");
  });
});

describe("CSV cells", () => {
  it("never start with a formula character", () => {
    expect(neutraliseCell('=HYPERLINK("https://evil.example","x")')).toBe(`'=HYPERLINK("https://evil.example","x")`);
    for (const lead of ["+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(neutraliseCell("Build a Luban Workshop")).toBe("Build a Luban Workshop");
  });
});

describe("query strings", () => {
  const problem = (query: string) => queryProblem(new URLSearchParams(query));
  it("accepts what the pages' own links produce", () => {
    expect(problem("q=luban&page=3&size=25&sort=title.asc&status=STALLED")).toBeNull();
  });
  it("refuses out-of-range pages, control characters and very long values, with the reason", () => {
    expect(problem("page=0")).toMatch(/page/);
    expect(problem("page=abc")).toMatch(/whole number/);
    expect(problem("q=a%00b")).toMatch(/control/);
    expect(problem(`q=${"x".repeat(5000)}`)).toMatch(/longer than/);
  });
});

describe("passwords", () => {
  it("refuses common, repeated and keyboard passwords whatever their length", () => {
    for (const weak of ["aaaaaaaaaaaa", "password1234", "qwertyuiop12", "123456789012"]) expect(passwordProblem(weak), weak).toMatch(/too easy/);
    expect(passwordProblem("short")).toMatch(/12 characters/);
  });
  it("accepts a long phrase of unrelated words", () => {
    expect(passwordProblem("copper lantern orbit meadow")).toBeNull();
  });
});

describe("database failures", () => {
  it("tell a change that was never sent from one whose outcome is unknown", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" });
    const lost = new Error("Connection terminated unexpectedly");
    expect(databaseFailure(refused)).toBe("unreachable");
    expect(failureMessage(refused)).toMatch(/nothing was saved/);
    expect(databaseFailure(lost)).toBe("lost");
    expect(failureMessage(lost)).toMatch(/may or may not have been saved/);
    expect(failureMessage(new Error("a bug"))).toMatch(/nothing was saved/);
  });
});

describe("export slots", () => {
  it("let at most EXPORT_CONCURRENCY exports run at once and free a slot once, when its stream ends or is abandoned", async () => {
    const held = [takeExportSlot(), takeExportSlot()];
    expect(held.every(Boolean)).toBe(true);
    expect(takeExportSlot()).toBeNull();
    held[0]!();
    held[0]!();
    const third = takeExportSlot();
    expect(third).not.toBeNull();
    expect(takeExportSlot()).toBeNull();

    const stream = releasingWhenDone(new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array([1])), c.close()) }), third!);
    await new Response(stream).arrayBuffer();
    const abandoned = takeExportSlot()!;
    expect(abandoned).not.toBeNull();
    await releasingWhenDone(new ReadableStream({ pull: () => undefined }), abandoned).cancel();
    held[1]!();
    expect([takeExportSlot(), takeExportSlot()].every(Boolean)).toBe(true);
  });
});
