import { acceptMention } from "@/server/services/accept-mention";
import { NotFoundError } from "@/server/services/errors";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { mutationHandler } from "../../../mutation";

const ACTIONS = { accept: acceptMention, reject: rejectMention, move: moveMention };

/**
 * A decision on one mention of this pledge: `accept`, `reject` ("not a
 * pledge") or `move` with `{ toPledgeId }` or `{ newTitle }`; `note` is optional.
 */
export const POST = mutationHandler<{ id: string; mentionId: string; action: string }>((actor, body, params) => {
  const service = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action as keyof typeof ACTIONS] : null;
  if (!service) throw new NotFoundError(`unknown action ${params.action}; use accept, reject or move`);
  return service(actor, { ...body, pledgeId: params.id, mentionId: params.mentionId });
});
