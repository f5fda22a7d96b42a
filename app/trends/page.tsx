import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { trendsCache } from "@/lib/table-state";
import { getTrends } from "@/server/queries/trends";
import { PageHeader } from "@/components/ui/page-header";
import { TrendControls } from "@/components/charts/trend-controls";
import { TopicYearChart } from "@/components/charts/topic-year-chart";
import { TopicHeatmap } from "@/components/charts/topic-heatmap";
import { RecurrenceMatrix } from "@/components/charts/recurrence-matrix";
import { StatusTopicChart } from "@/components/charts/status-topic-chart";
import { topicColors } from "@/components/charts/palette";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { topic } = await trendsCache.parse(searchParams);
  const trends = await getTrends({ topic });
  const colors = topicColors(trends.topics.map((t) => t.slug));
  return (
    <>
      <PageHeader title="Trends" lead="What the meetings talk about over the years, which pledges keep coming back, and where they stand." />
      <TrendControls topics={trends.topics} />
      <div className="stack">
        <div className="grid">
          <TopicYearChart rows={trends.topicYear} colors={colors} />
          <TopicHeatmap rows={trends.topicYear} />
        </div>
        <RecurrenceMatrix matrix={trends.recurrence} />
        <StatusTopicChart rows={trends.statusByTopic} />
      </div>
    </>
  );
}
