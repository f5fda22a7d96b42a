/**
 * Exports are the heaviest requests the app serves: at most two run at once in a process
 * (EXPORT_CONCURRENCY), so a burst of downloads cannot take the memory and the database away
 * from everybody else; the rest are told to come back (HTTP 429 with Retry-After).
 */
const globalSlots = globalThis as unknown as { pledgeExportSlots?: { busy: number } };

export function exportConcurrency(): number {
  const value = Number(process.env.EXPORT_CONCURRENCY ?? 2);
  return Number.isInteger(value) && value > 0 ? value : 2;
}

/** Takes a slot, or returns null when every slot is busy. The returned function frees it (once). */
export function takeExportSlot(): (() => void) | null {
  const slots = (globalSlots.pledgeExportSlots ??= { busy: 0 });
  if (slots.busy >= exportConcurrency()) return null;
  slots.busy++;
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    slots.busy--;
  };
}

/** The stream, freeing `release` when it ends, fails or is abandoned by the client. */
export function releasingWhenDone(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}

/** The largest corpus the web export builds (in mentions); beyond it, `npm run export` does the job. */
export function maxWebExportMentions(): number {
  const value = Number(process.env.EXPORT_MAX_MENTIONS ?? 200_000);
  return Number.isInteger(value) && value > 0 ? value : 200_000;
}
