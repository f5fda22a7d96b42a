import { z } from "zod";
import { loadPledgeTableState } from "@/lib/table-state";
import { exportPledges } from "@/server/export/pledges";

export const dynamic = "force-dynamic";

const Format = z.enum(["csv", "json"]).catch("csv");

/** GET /api/export?format=csv|json plus the /pledges filters: every row of that view, all pages. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const format = Format.parse(url.searchParams.get("format") ?? "csv");
  const state = loadPledgeTableState(request);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportPledges(state, format), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pledges-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
