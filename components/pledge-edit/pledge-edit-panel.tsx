import type { FormAction } from "@/lib/schemas/common";
import { statusLabel } from "@/lib/status";
import type { PledgeEditor } from "@/server/queries/pledge-editor";
import { CurationForms } from "./curation-forms";
import type { MergeSearch } from "./merge-form";
import { MentionDecisions } from "./mention-decisions";
import { StatusForm } from "./status-form";
import styles from "./pledge-edit.module.css";

/** The server actions behind the panel, handed down by the page. */
export interface PledgeEditActions {
  changeStatus: FormAction;
  rename: FormAction;
  changeTopic: FormAction;
  changeActors: FormAction;
  merge: FormAction;
  searchMergeCandidates: MergeSearch;
  acceptMention: FormAction;
  rejectMention: FormAction;
  moveMention: FormAction;
}

interface Props {
  pledge: { id: number; version: number; status: string; title: string; topicId: number; actors: string[]; countryPair: string };
  editor: PledgeEditor;
  signedInAs: string;
  actions: PledgeEditActions;
}

/**
 * The analyst's tools on a pledge's page. The page shows it to analysts only, as a convenience:
 * every action behind it checks the role again on the server.
 */
export function PledgeEditPanel({ pledge, editor, signedInAs, actions }: Props) {
  return (
    <section className={styles.panel} aria-labelledby="edit-heading" data-testid="pledge-editor">
      <header>
        <h2 id="edit-heading">Edit this pledge</h2>
        <p className="muted small">
          Version {pledge.version} · status {statusLabel(pledge.status)} · signed in as {signedInAs}. An edit made
          against an older version is refused and shows what changed.
        </p>
      </header>
      <div className={styles.section}>
        <h3>Status</h3>
        <StatusForm pledgeId={pledge.id} version={pledge.version} status={pledge.status} action={actions.changeStatus} />
      </div>
      <div className={styles.section}>
        <h3>Curation</h3>
        <CurationForms
          pledgeId={pledge.id}
          version={pledge.version}
          title={pledge.title}
          topicId={pledge.topicId}
          topics={editor.topics}
          actors={pledge.actors}
          countries={pledge.countryPair.split("|")}
          actions={actions}
        />
      </div>
      <div className={styles.section}>
        <h3>Mentions</h3>
        <ul className={styles.mentions}>
          {editor.mentions.map((mention) => (
            <li key={mention.id} className={styles.mention}>
              <p className="small muted">
                Mention {mention.id} · {mention.meetingDate} · {mention.meetingTitle} · {mention.linkMethod.toLowerCase()} link,
                confidence {mention.confidence.toFixed(2)} · {mention.review.toLowerCase()}
              </p>
              <blockquote className={styles.quote}>{mention.quote}</blockquote>
              <MentionDecisions mentionId={mention.id} pledgeId={pledge.id} review={mention.review} actions={actions} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
