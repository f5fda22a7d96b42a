import { MAX_READOUT_BYTES } from "@/lib/readout-limits";

/** A readout that cannot be ingested; the message names the problem for the analyst. */
export class ReadoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReadoutError";
  }
}

/**
 * Turns a file's bytes into readout text, refusing what is not a readout:
 * empty, binary, over 2 MB, or not valid UTF-8. A leading byte-order mark is
 * dropped; everything else is kept exactly, so quotes and offsets refer to the
 * text as ingested.
 */
export function decodeReadout(bytes: Uint8Array): string {
  if (bytes.length > MAX_READOUT_BYTES) {
    throw new ReadoutError(`file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; readouts over 2 MB are refused`);
  }
  if (bytes.length === 0) throw new ReadoutError("file is empty");
  if (bytes.includes(0)) throw new ReadoutError("file is binary (it contains NUL bytes), not a text readout");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ReadoutError("file is not valid UTF-8 text; convert it to UTF-8 first");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw new ReadoutError("file holds only white space");
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 16) throw new ReadoutError("file is binary (control characters), not a text readout");
  return text;
}
