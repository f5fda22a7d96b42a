import Link from "next/link";
import type { StoryMention } from "@/server/queries/pledge-story";
import { gapWords, longDate } from "@/lib/format";
import { MentionBlock } from "./mention-block";
import styles from "./story.module.css";

interface MeetingGroup {
  meetingId: number;
  meetingDate: string;
  meetingTitle: string;
  outlet: string | null;
  mentions: StoryMention[];
}

/** Mentions arrive in date order; consecutive ones from the same readout form one point on the timeline. */
function groupByMeeting(mentions: StoryMention[]): MeetingGroup[] {
  const groups: MeetingGroup[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last && last.meetingId === m.meetingId) last.mentions.push(m);
    else groups.push({ meetingId: m.meetingId, meetingDate: m.meetingDate, meetingTitle: m.meetingTitle, outlet: m.outlet, mentions: [m] });
  }
  return groups;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every meeting that mentioned the pledge, oldest first, with the time that passed between them. */
export function MentionTimeline({ mentions }: { mentions: StoryMention[] }) {
  if (!mentions.length) return <p className="muted">This pledge has no mentions left; they may all have been marked “not a pledge”.</p>;
  const groups = groupByMeeting(mentions);
  return (
    <ol className={styles.timeline} data-testid="mention-timeline">
      {groups.map((group, i) => {
        const isFirst = group.mentions.some((m) => m.isFirst);
        return [
          i > 0 ? (
            <li key={`gap-${group.meetingId}`} className={styles.gap} data-testid="timeline-gap">
              {capitalise(gapWords(groups[i - 1].meetingDate, group.meetingDate))} later
            </li>
          ) : null,
          <li key={group.meetingId} className={styles.entry} data-testid="timeline-entry" data-date={group.meetingDate}>
            <div className={styles.entryHead}>
              <time dateTime={group.meetingDate} className={styles.date}>
                {longDate(group.meetingDate)}
              </time>
              {isFirst ? <span className="badge first">First mention</span> : <span className="badge">Repeated</span>}
              {group.mentions.length > 1 ? <span className="muted small">{group.mentions.length} mentions in this readout</span> : null}
            </div>
            <p className="small" style={{ margin: 0 }}>
              <Link href={`/meetings/${group.meetingId}#mention-${group.mentions[0].id}`}>{group.meetingTitle}</Link>
              {group.outlet ? <span className="muted"> · {group.outlet}</span> : null}
            </p>
            {group.mentions.map((mention) => {
              const index = mentions.indexOf(mention);
              return <MentionBlock key={mention.id} mention={mention} previous={index > 0 ? mentions[index - 1] : null} />;
            })}
          </li>,
        ];
      })}
    </ol>
  );
}
