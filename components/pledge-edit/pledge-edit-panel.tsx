import { prisma } from "@/server/db";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { statusLabel } from "@/lib/status";
import { getPledgeRecord } from "@/server/queries/get-pledge-record";
import { listTopics } from "@/server/queries/list-topics";
import { CurationForms } from "./curation-forms";
import { searchMergeCandidatesAction } from "@/server/actions/merge-search";
import { MentionDecisions } from "./mention-decisions";
import { StatusForm } from "./status-form";
import styles from "./pledge-edit.module.css";

/**
 * The analyst's tools on a pledge's page. Hiding it from viewers is only
 * convenience: every action behind it checks the role again on the server.
 */
export async function PledgeEditPanel({ pledgeId }: { pledgeId: number }) {
  const actor = await getSession();
  if (!actor || !hasRole(actor.role, "ANALYST")) return null;
  const [pledge, topics] = await Promise.all([getPledgeRecord(prisma(), pledgeId), listTopics()]);
  if (!pledge || pledge.mergedIntoId !== null) return null;

  return (
    <section className={styles.panel} aria-labelledby="edit-heading" data-testid="pledge-editor">
      <header>
        <h2 id="edit-heading">Edit this pledge</h2>
        <p className="muted small">
          Version {pledge.version} · status {statusLabel(pledge.status)} · signed in as {actor.email}. An edit made
          against an older version is refused and shows what changed.
        </p>
      </header>
      <div className={styles.section}>
        <h3>Status</h3>
        <StatusForm pledgeId={pledge.id} version={pledge.version} status={pledge.status} />
      </div>
      <div className={styles.section}>
        <h3>Curation</h3>
        <CurationForms
          pledgeId={pledge.id}
          version={pledge.version}
          title={pledge.title}
          topicId={pledge.topic.id}
          topics={topics}
          actors={pledge.actors}
          countries={pledge.countryPair.split("|")}
          searchMergeCandidates={searchMergeCandidatesAction}
        />
      </div>
      <div className={styles.section}>
        <h3>Mentions</h3>
        <ul className={styles.mentions}>
          {pledge.mentions.map((mention) => (
            <li key={mention.id} className={styles.mention}>
              <p className="small muted">
                Mention {mention.id} · {mention.meetingDate} · {mention.meetingTitle} · {mention.linkMethod.toLowerCase()} link,
                confidence {mention.confidence.toFixed(2)} · {mention.review.toLowerCase()}
              </p>
              <blockquote className={styles.quote}>{mention.quote}</blockquote>
              <MentionDecisions mentionId={mention.id} pledgeId={pledge.id} review={mention.review} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
