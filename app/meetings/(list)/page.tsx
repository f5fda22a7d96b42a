import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { meetingTableCache } from "@/lib/table-state";
import { listMeetings } from "@/server/queries/meetings";
import { MeetingTable } from "@/components/meetings/meeting-table";
import { MeetingPager } from "@/components/meetings/meeting-pager";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meetings" };

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { sort, page } = await meetingTableCache.parse(searchParams);
  const result = await listMeetings({ sort, page });
  return (
    <>
      <PageHeader
        title="Meetings"
        lead="Each meeting with the pledges its readout holds: new ones made there for the first time, and repeated ones first made earlier."
      />
      <MeetingTable rows={result.rows} sort={sort} />
      <MeetingPager page={result.page} pageCount={result.pageCount} total={result.total} sort={`${sort.key}.${sort.dir}`} />
    </>
  );
}
