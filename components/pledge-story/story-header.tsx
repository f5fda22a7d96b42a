import Link from "next/link";
import type { PledgeStory } from "@/server/queries/pledge-story";
import { STATUS_INFO, isStatus } from "@/lib/status";
import { directionLabel, gapWords, isoDate } from "@/lib/format";
import { firmnessWord, specificityWord } from "@/lib/wording";
import { StatusBadge } from "@/components/ui/status-badge";
import styles from "./story.module.css";

export function StoryHeader({ story }: { story: PledgeStory }) {
  const meaning = isStatus(story.status) ? STATUS_INFO[story.status].meaning : "";
  return (
    <header className={styles.header}>
      <p className="muted small" style={{ margin: 0 }}>
        <Link href={`/pledges?topic=${encodeURIComponent(story.topic.slug)}`}>{story.topic.name}</Link> ·{" "}
        {directionLabel(story.giver, story.receiver)}
      </p>
      <h1>{story.title}</h1>
      <p className={styles.status}>
        <StatusBadge status={story.status} /> <span>{meaning}</span>
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Mentions</dt>
          <dd>
            {story.mentionCount} in {story.meetingCount} {story.meetingCount === 1 ? "meeting" : "meetings"}
          </dd>
        </div>
        <div>
          <dt>First mentioned</dt>
          <dd>{isoDate(story.firstMentionDate) || "—"}</dd>
        </div>
        <div>
          <dt>Last mentioned</dt>
          <dd>
            {isoDate(story.lastMentionDate) || "—"}
            {story.firstMentionDate && story.lastMentionDate && story.firstMentionDate !== story.lastMentionDate ? (
              <span className="muted small"> ({gapWords(story.firstMentionDate, story.lastMentionDate)} after the first)</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Actors</dt>
          <dd>{story.actors.join(", ") || "—"}</dd>
        </div>
        <div>
          <dt>Strongest wording</dt>
          <dd>
            {firmnessWord(story.firmness)}, {specificityWord(story.specificity)}
          </dd>
        </div>
      </dl>
    </header>
  );
}
