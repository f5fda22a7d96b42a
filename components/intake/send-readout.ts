import type { IntakeAnswer } from "@/server/actions/intake";
import type { FactEdits } from "./facts-editor";
import type { IntakeItem } from "./intake-item";

/**
 * Sends one readout to a server action with the shared fields and the analyst's corrections. An
 * oversized file is refused here with the server's own words, before it is sent; a request that
 * fails on the way comes back as that readout's failure.
 */
export async function sendReadout(
  action: (formData: FormData) => Promise<IntakeAnswer>,
  item: IntakeItem,
  edits: FactEdits | null,
  shared: { sourceUrl: string; outlet: string; maxBytes: number },
): Promise<IntakeAnswer> {
  const size = typeof item.source === "string" ? new TextEncoder().encode(item.source).length : item.source.size;
  if (size > shared.maxBytes) {
    return { file: item.name, status: "failed", reason: `file is ${(size / 1024 / 1024).toFixed(1)} MB; readouts over ${shared.maxBytes / 1024 / 1024} MB are refused` };
  }
  const form = new FormData();
  form.set("fileName", item.name);
  if (typeof item.source === "string") form.set("text", item.source);
  else form.set("file", item.source, item.name);
  form.set("sourceUrl", shared.sourceUrl);
  form.set("outlet", shared.outlet);
  if (edits) {
    form.set("meetingDate", edits.meetingDate);
    form.set("place", edits.place);
    form.set("participants", JSON.stringify(edits.participants));
  }
  try {
    return await action(form);
  } catch (error) {
    return { file: item.name, status: "failed", reason: `could not be sent: ${(error as Error).message}` };
  }
}
