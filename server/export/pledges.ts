import "server-only";
import { stringify } from "csv-stringify/sync";
import { SAFE_CSV } from "./csv-cell";
import type { PledgeRow } from "@/server/queries/pledges";
import { listPledgesForExport } from "@/server/queries/pledge-export";
import { directionLabel } from "@/lib/format";
import { statusLabel } from "@/lib/status";

export type ExportFormat = "csv" | "json";

const COLUMNS = [
  "id",
  "title",
  "topic",
  "actors",
  "direction",
  "status",
  "first_mention_date",
  "first_meeting",
  "last_mention_date",
  "mentions",
  "meetings",
  "span_days",
  "firmness",
  "specificity",
  "days_since_last_mention",
  "days_since_first_mention",
] as const;

function record(row: PledgeRow): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    id: row.id,
    title: row.title,
    topic: row.topicName,
    actors: row.actors.join("; "),
    direction: directionLabel(row.giver, row.receiver),
    status: statusLabel(row.status),
    first_mention_date: row.firstMentionDate,
    first_meeting: row.firstMeetingTitle,
    last_mention_date: row.lastMentionDate,
    mentions: row.mentionCount,
    meetings: row.meetingCount,
    span_days: row.spanDays,
    firmness: row.firmness,
    specificity: row.specificity,
    days_since_last_mention: row.gapDays,
    days_since_first_mention: row.ageDays,
  };
}

/** Streams the rows of one /pledges view as CSV (one header line) or as a JSON array. */
export function exportPledges(filters: unknown, format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = listPledgesForExport(filters);
  let started = false;
  let wroteRow = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === "csv" ? stringify([[...COLUMNS]]) : "["));
      }
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]\n"));
        controller.close();
        return;
      }
      const records = next.value.map(record);
      if (format === "csv") {
        controller.enqueue(encoder.encode(stringify(records, { ...SAFE_CSV, columns: [...COLUMNS] })));
      } else {
        const body = records.map((r) => JSON.stringify(r)).join(",");
        controller.enqueue(encoder.encode((wroteRow ? "," : "") + body));
        wroteRow = true;
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
