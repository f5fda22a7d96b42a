import { changePledgeTopic } from "@/server/services/change-pledge-topic";
import { mutationHandler } from "../mutation";

/** `{ topicId, version }` */
export const POST = mutationHandler<{ id: string }>((actor, body, { id }) => changePledgeTopic(actor, { ...body, pledgeId: id }));
