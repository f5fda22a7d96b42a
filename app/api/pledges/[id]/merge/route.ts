import { mergePledges } from "@/server/services/merge-pledges";
import { mutationHandler } from "../mutation";

/** Merges another pledge into this one: `{ otherId, otherVersion, version, note? }`. */
export const POST = mutationHandler<{ id: string }>((actor, body, { id }) =>
  mergePledges(actor, {
    survivorId: id,
    survivorVersion: body.version,
    otherId: body.otherId,
    otherVersion: body.otherVersion,
    note: body.note,
  }),
);
