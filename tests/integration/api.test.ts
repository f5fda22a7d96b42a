import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";
import { freshDatabase } from "./support";

// Outside a running Next server there is no page cache to invalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let statusRoute: typeof import("@/app/api/pledges/[id]/status/route");
let pledgeRoute: typeof import("@/app/api/pledges/[id]/route");
let mentionRoute: typeof import("@/app/api/pledges/[id]/mentions/[mentionId]/[action]/route");
let mergeRoute: typeof import("@/app/api/pledges/[id]/merge/route");
const tokens: Record<"viewer" | "analyst", string> = { viewer: "", analyst: "" };
let analystCookie = "";

async function makePledge() {
  const topic = await db.topic.upsert({ where: { slug: "trade" }, create: { slug: "trade", name: "Trade", description: "Trade" }, update: {} });
  const meeting = await db.meeting.create({
    data: {
      sourceName: "api.txt",
      contentHash: randomUUID(),
      title: "API readout",
      meetingDate: new Date("2025-06-17T00:00:00Z"),
      dateEvidence: "explicit",
      countries: ["China", "Tajikistan"],
      text: "China is ready to import more Tajik products.",
      analysedRanges: [[0, 46]],
    },
  });
  const pledge = await db.pledge.create({
    data: { title: "Import more Tajik products", topicId: topic.id, actors: ["China"], giver: "China", countryPair: "China|Tajikistan", linkKeys: [] },
  });
  const mention = await db.mention.create({
    data: {
      pledgeId: pledge.id, meetingId: meeting.id, quote: meeting.text, start: 0, end: 46, phrase: "import more Tajik products",
      phraseStart: 18, phraseEnd: 45, sentenceIndex: 0, cue: "is ready to", firmness: 3, specificity: 1, confidence: 0.6,
      linkMethod: "AUTOMATIC", linkReason: "shared terms",
    },
  });
  return { ...pledge, mentionId: mention.id };
}

function post(path: string, body: unknown, headers: Record<string, string>) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const good = (version: number) => ({
  status: "IN_PROGRESS", note: "Ministry confirmed the first tender.", evidenceUrl: "https://example.org/tender", evidenceDate: "2025-09-01", version,
});

beforeAll(async () => {
  ctx = await freshDatabase("api_routes");
  db = ctx.db;
  process.env.DATABASE_URL = ctx.url;
  process.env.BETTER_AUTH_SECRET = "test-secret-for-integration-tests-only-0123456789";
  statusRoute = await import("@/app/api/pledges/[id]/status/route");
  pledgeRoute = await import("@/app/api/pledges/[id]/route");
  mentionRoute = await import("@/app/api/pledges/[id]/mentions/[mentionId]/[action]/route");
  mergeRoute = await import("@/app/api/pledges/[id]/merge/route");
  for (const role of ["viewer", "analyst"] as const) {
    await createUser(COMMAND_LINE, { email: `${role}@api.test`, role, password: PASSWORD }, db);
    tokens[role] = (await createApiToken(COMMAND_LINE, { email: `${role}@api.test` }, db)).token;
  }
  const { getAuth } = await import("@/server/auth");
  const signIn = await getAuth().handler(
    post("/api/auth/sign-in/email", { email: "analyst@api.test", password: PASSWORD }, { origin: BASE, "x-forwarded-for": "192.0.2.50" }),
  );
  analystCookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});
afterAll(async () => ctx?.drop());

describe("POST /api/pledges/{id}/status", () => {
  it("answers 401 signed out, 401 for a bad token and 403 for a viewer, changing nothing", async () => {
    const pledge = await makePledge();
    const path = `/api/pledges/${pledge.id}/status`;
    expect((await statusRoute.POST(post(path, good(1), {}), params({ id: String(pledge.id) }))).status).toBe(401);
    expect((await statusRoute.POST(post(path, good(1), { authorization: "Bearer pt_not-a-real-token-at-all" }), params({ id: String(pledge.id) }))).status).toBe(401);
    const viewer = await statusRoute.POST(post(path, good(1), { authorization: `Bearer ${tokens.viewer}` }), params({ id: String(pledge.id) }));
    expect(viewer.status).toBe(403);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({ status: "NOT_YET_ASSESSED", version: 1 });
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(0);
  });

  it("answers 400 with field errors for bad input", async () => {
    const pledge = await makePledge();
    const auth = { authorization: `Bearer ${tokens.analyst}` };
    const response = await statusRoute.POST(
      post(`/api/pledges/${pledge.id}/status`, { status: "DONE", note: "", version: "x" }, auth),
      params({ id: String(pledge.id) }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["status", "note", "version"]));
    const notJson = await statusRoute.POST(post(`/api/pledges/${pledge.id}/status`, "status=FULFILLED", auth), params({ id: String(pledge.id) }));
    expect(notJson.status).toBe(400);
  });

  it("answers 200 with the updated pledge, then 409 with the current state for the stale version", async () => {
    const pledge = await makePledge();
    const auth = { authorization: `Bearer ${tokens.analyst}` };
    const ok = await statusRoute.POST(post(`/api/pledges/${pledge.id}/status`, good(1), auth), params({ id: String(pledge.id) }));
    expect(ok.status).toBe(200);
    const updated = await ok.json();
    expect(updated).toMatchObject({ id: pledge.id, status: "IN_PROGRESS", version: 2 });
    expect(updated.history[0]).toMatchObject({ by: "analyst@api.test", note: "Ministry confirmed the first tender.", evidenceDate: "2025-09-01" });

    const stale = await statusRoute.POST(post(`/api/pledges/${pledge.id}/status`, { ...good(1), status: "STALLED" }, auth), params({ id: String(pledge.id) }));
    expect(stale.status).toBe(409);
    const conflict = await stale.json();
    expect(conflict.current.pledge).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(conflict.current.changes[0]).toMatchObject({ by: "analyst@api.test", note: "Ministry confirmed the first tender." });
  });

  it("accepts the session cookie from our own origin and refuses it cross-site", async () => {
    const pledge = await makePledge();
    const path = `/api/pledges/${pledge.id}/status`;
    const forged = await statusRoute.POST(post(path, good(1), { cookie: analystCookie, origin: "http://evil.example" }), params({ id: String(pledge.id) }));
    expect(forged.status).toBe(403);
    const noOrigin = await statusRoute.POST(post(path, good(1), { cookie: analystCookie }), params({ id: String(pledge.id) }));
    expect(noOrigin.status).toBe(403);
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(0);
    const own = await statusRoute.POST(post(path, good(1), { cookie: analystCookie, origin: BASE }), params({ id: String(pledge.id) }));
    expect(own.status).toBe(200);
  });
});

describe("GET /api/pledges/{id} and curation routes", () => {
  it("returns the pledge with mentions, history and version; a merged pledge redirects to its survivor", async () => {
    const survivor = await makePledge();
    const other = await makePledge();
    const auth = { authorization: `Bearer ${tokens.analyst}` };
    const merged = await mergeRoute.POST(
      post(`/api/pledges/${survivor.id}/merge`, { version: 1, otherId: other.id, otherVersion: 1 }, auth),
      params({ id: String(survivor.id) }),
    );
    expect(merged.status).toBe(200);

    const response = await pledgeRoute.GET(new Request(`${BASE}/api/pledges/${survivor.id}`), params({ id: String(survivor.id) }));
    expect(response.status).toBe(200);
    const record = await response.json();
    expect(record).toMatchObject({ id: survivor.id, version: 2, mentionCount: 2 });
    expect(record.mentions).toHaveLength(2);
    expect(record.history.map((e: { kind: string }) => e.kind)).toEqual(["MERGED"]);

    const redirect = await pledgeRoute.GET(new Request(`${BASE}/api/pledges/${other.id}`), params({ id: String(other.id) }));
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe(`/api/pledges/${survivor.id}`);
    expect((await pledgeRoute.GET(new Request(`${BASE}/api/pledges/1' OR '1'='1`), params({ id: "1' OR '1'='1" }))).status).toBe(400);
    expect((await pledgeRoute.GET(new Request(`${BASE}/api/pledges/999999`), params({ id: "999999" }))).status).toBe(404);
  });

  it("needs a token or a session for reading when READ_ACCESS=signed-in", async () => {
    const pledge = await makePledge();
    process.env.READ_ACCESS = "signed-in";
    try {
      const anonymous = await pledgeRoute.GET(new Request(`${BASE}/api/pledges/${pledge.id}`), params({ id: String(pledge.id) }));
      expect(anonymous.status).toBe(401);
      const viewer = await pledgeRoute.GET(
        new Request(`${BASE}/api/pledges/${pledge.id}`, { headers: { authorization: `Bearer ${tokens.viewer}` } }),
        params({ id: String(pledge.id) }),
      );
      expect(viewer.status).toBe(200);
    } finally {
      delete process.env.READ_ACCESS;
    }
  });

  it("rejects a mention through the API, and refuses an unknown action", async () => {
    const pledge = await makePledge();
    const auth = { authorization: `Bearer ${tokens.analyst}` };
    const ids = { id: String(pledge.id), mentionId: String(pledge.mentionId) };
    const rejected = await mentionRoute.POST(post(`/api/pledges/${pledge.id}/mentions/${pledge.mentionId}/reject`, {}, auth), params({ ...ids, action: "reject" }));
    expect(rejected.status).toBe(200);
    expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionId } })).review).toBe("REJECTED");
    const unknown = await mentionRoute.POST(post(`/api/pledges/${pledge.id}/mentions/${pledge.mentionId}/delete`, {}, auth), params({ ...ids, action: "delete" }));
    expect(unknown.status).toBe(404);
  });
});
