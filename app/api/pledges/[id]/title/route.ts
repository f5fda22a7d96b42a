import { renamePledge } from "@/server/services/rename-pledge";
import { mutationHandler } from "../mutation";

/** `{ title, version }` */
export const POST = mutationHandler<{ id: string }>((actor, body, { id }) => renamePledge(actor, { ...body, pledgeId: id }));
