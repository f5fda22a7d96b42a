import { prisma } from "@/server/db";
import { authenticateRead } from "@/server/auth";
import { idSchema } from "@/lib/schemas/common";
import { parseInput } from "@/server/services/actor";
import { errorResponse, NotFoundError } from "@/server/services/errors";
import { getPledgeRecord } from "@/server/queries/get-pledge-record";

/** A pledge with its mentions, its history and the `version` an edit must carry. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    await authenticateRead(request);
    const id = parseInput(idSchema, (await context.params).id);
    const record = await getPledgeRecord(prisma(), id);
    if (!record) throw new NotFoundError(`pledge ${id} does not exist`);
    if (record.mergedIntoId !== null) {
      // Merged away: the survivor is the pledge now, permanently.
      return new Response(null, { status: 308, headers: { Location: `/api/pledges/${record.mergedIntoId}` } });
    }
    return Response.json(record, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
