import { changePledgeActors } from "@/server/services/change-pledge-actors";
import { mutationHandler } from "../mutation";

/** `{ actors: ["China"], version }` */
export const POST = mutationHandler<{ id: string }>((actor, body, { id }) => changePledgeActors(actor, { ...body, pledgeId: id }));
