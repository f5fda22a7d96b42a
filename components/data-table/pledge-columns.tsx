import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { PledgeRow } from "@/server/queries/pledges";
import type { PledgeColumn } from "@/lib/table-state";
import { directionLabel, isoDate, yearsLabel } from "@/lib/format";
import { firmnessWord } from "@/lib/wording";
import { StatusBadge } from "@/components/ui/status-badge";

export interface ColumnMeta {
  numeric?: boolean;
  /** Which way a first click sorts: numbers and dates start with the largest. */
  firstDir: "asc" | "desc";
}

type Col = ColumnDef<PledgeRow> & { id: PledgeColumn; meta: ColumnMeta };

export const PLEDGE_COLUMN_LABELS: Record<PledgeColumn, string> = {
  title: "Pledge",
  topic: "Topic",
  actors: "Actors",
  direction: "Direction",
  status: "Status",
  firstMentioned: "First mentioned",
  lastMentioned: "Last mentioned",
  mentions: "Mentions",
  span: "Meetings span",
  firmness: "Firmness",
  gap: "Since last mention",
  age: "Since first mention",
};

export const pledgeColumns: Col[] = [
  {
    id: "title",
    header: PLEDGE_COLUMN_LABELS.title,
    enableHiding: false,
    meta: { firstDir: "asc" },
    cell: ({ row }) => <Link href={`/pledges/${row.original.id}`}>{row.original.title}</Link>,
  },
  { id: "topic", header: PLEDGE_COLUMN_LABELS.topic, meta: { firstDir: "asc" }, cell: ({ row }) => row.original.topicName },
  { id: "actors", header: PLEDGE_COLUMN_LABELS.actors, meta: { firstDir: "asc" }, cell: ({ row }) => row.original.actors.join(", ") },
  {
    id: "direction",
    header: PLEDGE_COLUMN_LABELS.direction,
    meta: { firstDir: "asc" },
    cell: ({ row }) => <span className="nowrap">{directionLabel(row.original.giver, row.original.receiver)}</span>,
  },
  { id: "status", header: PLEDGE_COLUMN_LABELS.status, meta: { firstDir: "asc" }, cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  {
    id: "firstMentioned",
    header: PLEDGE_COLUMN_LABELS.firstMentioned,
    meta: { firstDir: "desc" },
    cell: ({ row }) => (
      <>
        <span className="nowrap">{isoDate(row.original.firstMentionDate)}</span>
        {row.original.firstMeetingId ? (
          <div className="small">
            <Link href={`/meetings/${row.original.firstMeetingId}`}>{row.original.firstMeetingTitle}</Link>
          </div>
        ) : null}
      </>
    ),
  },
  {
    id: "lastMentioned",
    header: PLEDGE_COLUMN_LABELS.lastMentioned,
    meta: { firstDir: "desc" },
    cell: ({ row }) => <span className="nowrap">{isoDate(row.original.lastMentionDate)}</span>,
  },
  {
    id: "mentions",
    header: PLEDGE_COLUMN_LABELS.mentions,
    meta: { numeric: true, firstDir: "desc" },
    cell: ({ row }) => (
      <span title={`${row.original.mentionCount} mentions in ${row.original.meetingCount} meetings`}>
        {row.original.mentionCount}
        <span className="muted small"> in {row.original.meetingCount} mtg</span>
      </span>
    ),
  },
  { id: "span", header: PLEDGE_COLUMN_LABELS.span, meta: { numeric: true, firstDir: "desc" }, cell: ({ row }) => yearsLabel(row.original.spanDays) },
  {
    id: "firmness",
    header: PLEDGE_COLUMN_LABELS.firmness,
    meta: { firstDir: "desc" },
    cell: ({ row }) => `${row.original.firmness} · ${firmnessWord(row.original.firmness)}`,
  },
  { id: "gap", header: PLEDGE_COLUMN_LABELS.gap, meta: { numeric: true, firstDir: "desc" }, cell: ({ row }) => yearsLabel(row.original.gapDays) },
  { id: "age", header: PLEDGE_COLUMN_LABELS.age, meta: { numeric: true, firstDir: "desc" }, cell: ({ row }) => yearsLabel(row.original.ageDays) },
];
