import { z } from "zod";
import { loadPledgeTableState } from "@/lib/table-state";
import { authenticateRead } from "@/server/auth";
import { UnauthenticatedError } from "@/server/services/errors";
import { prisma } from "@/server/db";
import { exportPledges as exportCorpus } from "@/server/export/export-pledges";
import { exportPledges as exportTableView } from "@/server/export/pledges";
import { exportConcurrency, maxWebExportMentions, releasingWhenDone, takeExportSlot } from "@/server/export/export-slots";

export const dynamic = "force-dynamic";

const Format = z.enum(["csv", "json"]).catch("csv");

/**
 * GET /api/export?format=json|csv: the whole corpus (meetings, pledges and every
 * mention), the same document as `npm run export`.
 * GET /api/export?view=table&format=csv plus the /pledges filters: exactly the
 * rows of that table view, all pages.
 */
export async function GET(request: Request) {
  try {
    await authenticateRead(request);
  } catch (error) {
    if (error instanceof UnauthenticatedError) return Response.json({ error: error.message }, { status: 401 });
    throw error;
  }
  const url = new URL(request.url);
  const format = Format.parse(url.searchParams.get("format") ?? "json");
  const stamp = new Date().toISOString().slice(0, 10);
  const tableView = url.searchParams.get("view") === "table";
  const release = takeExportSlot();
  if (!release) {
    return Response.json(
      { error: "busy", message: `${exportConcurrency()} exports are already being prepared; try again in a few seconds` },
      { status: 429, headers: { "Retry-After": "10" } },
    );
  }
  let body: ReadableStream<Uint8Array> | string;
  try {
    if (!tableView) {
      const mentions = await prisma().mention.count();
      if (mentions > maxWebExportMentions()) {
        release();
        return Response.json(
          { error: "too_large", message: `the corpus has ${mentions} mentions, more than the web export's ${maxWebExportMentions()}; use npm run export on the server` },
          { status: 413 },
        );
      }
    }
    body = tableView ? releasingWhenDone(exportTableView(loadPledgeTableState(request), format), release) : await exportCorpus(prisma(), format);
    if (!tableView) release();
  } catch (error) {
    release();
    throw error;
  }
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${tableView ? "pledges-view" : "pledge-tracker"}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
