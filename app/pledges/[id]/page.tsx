import { cache } from "react";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPledgeStory } from "@/server/queries/pledge-story";
import { StoryHeader } from "@/components/pledge-story/story-header";
import { StatusHistory } from "@/components/pledge-story/status-history";
import { MentionTimeline } from "@/components/pledge-story/mention-timeline";
import { RelatedPledges } from "@/components/pledge-story/related-pledges";
import { PledgeEditPanel, type PledgeEditActions } from "@/components/pledge-edit/pledge-edit-panel";
import styles from "@/components/pledge-story/story.module.css";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { undoHistoryEntryAction } from "@/server/actions/undo";
import { getPledgeEditor } from "@/server/queries/pledge-editor";
import { changeActorsAction, changeStatusAction, changeTopicAction, mergePledgesAction, renamePledgeAction } from "@/server/actions/pledge-edit";
import { acceptMentionAction, moveMentionAction, rejectMentionAction } from "@/server/actions/mention-review";
import { searchMergeCandidatesAction } from "@/server/actions/merge-search";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ mentions?: string }> };

const EDIT_ACTIONS: PledgeEditActions = {
  changeStatus: changeStatusAction,
  rename: renamePledgeAction,
  changeTopic: changeTopicAction,
  changeActors: changeActorsAction,
  merge: mergePledgesAction,
  searchMergeCandidates: searchMergeCandidatesAction,
  acceptMention: acceptMentionAction,
  rejectMention: rejectMentionAction,
  moveMention: moveMentionAction,
};

// Metadata and page read the same story once per request (and the layout the same pledge row).
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
  // Hiding the edit panel and Undo from viewers is convenience only: every service checks the role again.
  const actor = await getSession();
  const canCurate = actor !== null && hasRole(actor.role, "ANALYST");
  const editor = canCurate ? await getPledgeEditor(story.id) : null;
  const editSlot =
    actor && editor ? (
      <PledgeEditPanel
        pledge={{ id: story.id, version: story.version, status: story.status, title: story.title, topicId: story.topic.id, actors: story.actors, countryPair: story.countryPair }}
        editor={editor}
        signedInAs={actor.email}
        actions={EDIT_ACTIONS}
      />
    ) : null;

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
