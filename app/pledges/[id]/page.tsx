import { cache } from "react";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPledgeStory } from "@/server/queries/pledge-story";
import { StoryHeader } from "@/components/pledge-story/story-header";
import { StatusHistory } from "@/components/pledge-story/status-history";
import { MentionTimeline } from "@/components/pledge-story/mention-timeline";
import { RelatedPledges } from "@/components/pledge-story/related-pledges";
import { renderPledgeEditor } from "@/components/pledge-story/editor-slot";
import styles from "@/components/pledge-story/story.module.css";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { undoHistoryEntryAction } from "@/server/actions/undo";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ mentions?: string }> };

// Metadata and page read the same story once per request.
const loadStory = cache((id: string, allMentions: boolean) => getPledgeStory(id, { allMentions }));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const result = await loadStory((await params).id, (await searchParams).mentions === "all");
  return { title: result?.kind === "story" ? result.story.title : "Pledge" };
}

export default async function PledgePage({ params, searchParams }: Props) {
  const allMentions = (await searchParams).mentions === "all";
  const result = await loadStory((await params).id, allMentions);
  if (!result) notFound();
  if (result.kind === "merged") permanentRedirect(`/pledges/${result.survivorId}`);
  const { story } = result;
  const editSlot = renderPledgeEditor(story);
  // Hiding Undo from viewers is convenience only: the service checks the role again.
  const actor = await getSession();
  const canCurate = actor !== null && hasRole(actor.role, "ANALYST");

  return (
    <article>
      <StoryHeader story={story} />
      {editSlot}
      <div className={styles.layout}>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Every mention, oldest first</h2>
          {story.hiddenMentions > 0 ? (
            <p className="muted small">
              Showing the first mention and the latest {story.mentions.length - 1} of {story.mentions.length + story.hiddenMentions}.{" "}
              <a href={`/pledges/${story.id}?mentions=all`}>Show every mention</a>
            </p>
          ) : null}
          <MentionTimeline mentions={story.mentions} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <StatusHistory events={story.events} undo={canCurate ? undoHistoryEntryAction : undefined} />
          </section>
          <section className="card" aria-labelledby="related-heading">
            <h2 id="related-heading">Related pledges</h2>
            <RelatedPledges related={story.related} topicName={story.topic.name} />
          </section>
        </div>
      </div>
    </article>
  );
}
