import { getOverview } from "@/server/queries/overview";
import { PageHeader } from "@/components/ui/page-header";
import { HeadlineFigures } from "@/components/overview/headline-figures";
import { PledgeListCard } from "@/components/overview/pledge-list-card";
import { NewestMeetingCard } from "@/components/overview/newest-meeting-card";
import { TopicYearChart } from "@/components/charts/topic-year-chart";
import { StatusTopicChart } from "@/components/charts/status-topic-chart";
import { topicColors } from "@/components/charts/palette";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const overview = await getOverview();
  const colors = topicColors([...new Set(overview.topicYear.map((r) => r.topicSlug))]);
  return (
    <>
      <PageHeader title="Overview" lead="What has been pledged in the readouts, what keeps being repeated, and what became of it." />
      <div className="stack">
        <HeadlineFigures overview={overview} />
        <div className="grid">
          <PledgeListCard
            title="Most repeated pledges"
            pledges={overview.mostRepeated}
            empty="No pledge has been repeated in a second meeting yet."
            more={{ href: "/pledges?sort=mentions.desc", label: "All pledges by mentions" }}
            testId="most-repeated"
          />
          <NewestMeetingCard newest={overview.newest} />
          <PledgeListCard
            title={`Zombie pledges (${overview.zombies.total})`}
            lead="Repeated in three or more meetings while their status never moved."
            pledges={overview.zombies.top}
            empty="No zombies: every pledge repeated three times has had its status assessed."
            more={overview.zombies.total ? { href: "/pledges?zombies=true", label: "All zombie pledges" } : undefined}
            testId="zombies"
          />
        </div>
        <div className="grid">
          <TopicYearChart rows={overview.topicYear} colors={colors} compact more={{ href: "/trends", label: "Full chart" }} />
          <StatusTopicChart rows={overview.statusByTopic} compact more={{ href: "/trends", label: "Full chart" }} />
        </div>
      </div>
    </>
  );
}
