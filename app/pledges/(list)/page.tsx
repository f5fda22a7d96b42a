import { Suspense } from "react";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { pledgeTableCache } from "@/lib/table-state";
import { getPledgeTable } from "@/server/queries/pledges";
import { PledgeTable } from "@/components/data-table/pledge-table";
import { TableSkeleton } from "@/components/states/page-skeleton";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pledges" };

export default async function PledgesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const state = await pledgeTableCache.parse(searchParams);
  const data = getPledgeTable(state);
  return (
    <>
      <PageHeader
        title="Pledges"
        lead="Every commitment found in the readouts, one row however often it was repeated. Sort, filter and search; the address bar keeps the view."
      />
      <Suspense fallback={<TableSkeleton rows={Math.min(state.size, 25)} />}>
        <PledgeTable data={data} />
      </Suspense>
    </>
  );
}
