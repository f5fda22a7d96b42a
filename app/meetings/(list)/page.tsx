import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { meetingTableCache } from "@/lib/table-state";
import { listMeetings } from "@/server/queries/meetings";
import { MeetingTable } from "@/components/meetings/meeting-table";
import { MeetingPager } from "@/components/meetings/meeting-pager";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meetings" };

/** The note shown after an admin deleted a meeting (the action redirects here with what it did). */
function deletedNote(params: SearchParams): string | null {
  const title = typeof params.deleted === "string" ? params.deleted.slice(0, 300) : null;
  if (!title) return null;
  const removed = Number(params.removed);
  return `Deleted "${title}".${Number.isInteger(removed) && removed > 0 ? ` ${removed === 1 ? "1 pledge" : `${removed} pledges`} no other readout mentions removed.` : ""}`;
}

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { sort, page } = await meetingTableCache.parse(params);
  const note = deletedNote(params);
  const result = await listMeetings({ sort, page });
  return (
    <>
      <PageHeader
        title="Meetings"
        lead="Each meeting with the pledges its readout holds: new ones made there for the first time, and repeated ones first made earlier."
      />
      {note ? (
        <p className="notice" role="status">
          {note}
        </p>
      ) : null}
      <MeetingTable rows={result.rows} sort={sort} />
      <MeetingPager page={result.page} pageCount={result.pageCount} total={result.total} sort={`${sort.key}.${sort.dir}`} />
    </>
  );
}
