// The dashboard's HTTP server: Next.js's own request handler behind three things `next start`
// does not do.
// - The client address is the socket's peer, or, only when the peer is one of TRUSTED_PROXIES,
//   the last address the proxies appended to X-Forwarded-For. Whatever a client writes in that
//   header itself is replaced, so the sign-in limit cannot be dodged by inventing addresses.
// - /healthz (the process answers) and /readyz (the database answers and every migration is
//   applied), for load balancers and monitors.
// - While the database does not answer, pages and the API answer 503 with Retry-After instead of
//   a 200 page carrying an error, so monitoring and load balancers see the outage.
// Plain JavaScript: it runs under node itself, before any TypeScript tooling is loaded.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import next from "next";
import pg from "pg";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const dir = process.cwd();
const RETRY_AFTER_SECONDS = 5;

/** Addresses (or IPv4 CIDR blocks) of the reverse proxies whose X-Forwarded-For is believed. */
const trusted = (process.env.TRUSTED_PROXIES ?? "")
  .split(",")
  .map((entry) => entry.trim())
  .filter(Boolean);

function normalise(address) {
  if (!address) return "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function ipv4ToInt(address) {
  return address.split(".").reduce((sum, part) => sum * 256 + Number(part), 0);
}

function isTrusted(address) {
  const ip = normalise(address);
  return trusted.some((entry) => {
    if (!entry.includes("/")) return normalise(entry) === ip;
    const [base, bits] = entry.split("/");
    if (!net.isIPv4(base) || !net.isIPv4(ip)) return false;
    const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
    return ((ipv4ToInt(base) & mask) >>> 0) === ((ipv4ToInt(ip) & mask) >>> 0);
  });
}

/** The client's address: walk X-Forwarded-For from the right past trusted proxies only. */
export function clientAddress(peer, forwardedFor) {
  let client = normalise(peer);
  if (!isTrusted(client) || !forwardedFor) return client;
  const hops = String(forwardedFor).split(",").map((hop) => normalise(hop.trim())).filter(Boolean);
  while (hops.length > 0 && isTrusted(client)) client = hops.pop();
  return net.isIP(client) ? client : normalise(peer);
}

const expectedMigrations = fs
  .readdirSync(path.join(dir, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** What the database looks like now; checked at most once a second, in the background. */
const health = { reachable: true, migrated: true, reason: "", checkedAt: 0, checking: null };

async function checkDatabase() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query(
      `select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const missing = expectedMigrations.filter((name) => !applied.has(name));
    health.reachable = true;
    health.migrated = missing.length === 0;
    health.reason = missing.length === 0 ? "" : `${missing.length} migration(s) not applied: ${missing.join(", ")}`;
  } catch (error) {
    health.reachable = false;
    health.migrated = false;
    health.reason = `database unreachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    health.checkedAt = Date.now();
    await client.end().catch(() => undefined);
  }
}

function refreshHealth() {
  if (health.checking || Date.now() - health.checkedAt < 1_000) return health.checking;
  health.checking = checkDatabase().finally(() => (health.checking = null));
  return health.checking;
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  res.end(body);
}

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pledge Tracker is unavailable</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Pledge Tracker cannot reach its database</h1><p>Nothing is lost: the data is kept by the database, which is not answering right now. This page tries again in a few seconds.</p>
</body></html>`;

const app = next({ dev: false, dir, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
await checkDatabase();
setInterval(() => void refreshHealth(), 2_000).unref();

const server = http.createServer((req, res) => {
  req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
  const url = req.url ?? "/";
  const pathname = url.split("?")[0];
  if (pathname === "/healthz") return send(res, 200, "text/plain; charset=utf-8", "ok\n");
  if (pathname === "/readyz") {
    return void Promise.resolve(refreshHealth()).then(() =>
      health.reachable && health.migrated
        ? send(res, 200, "text/plain; charset=utf-8", "ready\n")
        : send(res, 503, "text/plain; charset=utf-8", `not ready: ${health.reason}\n`, { "Retry-After": String(RETRY_AFTER_SECONDS) }),
    );
  }
  void refreshHealth();
  if (!health.reachable && !pathname.startsWith("/_next/static/")) {
    const headers = { "Retry-After": String(RETRY_AFTER_SECONDS) };
    if (pathname.startsWith("/api/")) {
      return send(res, 503, "application/json; charset=utf-8", JSON.stringify({ error: "unavailable", message: "the database is not reachable; nothing can be read or saved right now" }), headers);
    }
    return send(res, 503, "text/html; charset=utf-8", UNAVAILABLE_PAGE, { ...headers, "Refresh": String(RETRY_AFTER_SECONDS) });
  }
  handle(req, res);
});
server.listen(port, host, () => console.log(`listening on ${host ?? "*"}:${port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
