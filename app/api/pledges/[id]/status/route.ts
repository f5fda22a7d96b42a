import { changePledgeStatus } from "@/server/services/change-pledge-status";
import { mutationHandler } from "../mutation";

/** `{ status, note, evidenceUrl, evidenceDate, version }` → the updated pledge, or 400/401/403/409. */
export const POST = mutationHandler<{ id: string }>((actor, body, { id }) =>
  changePledgeStatus(actor, { ...body, pledgeId: id }),
);
