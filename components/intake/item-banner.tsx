import Link from "next/link";
import type { IntakeAnswer } from "@/server/actions/intake";
import styles from "./intake.module.css";

const meetingLink = (id: number, title: string) => <Link href={`/meetings/${id}`}>{title}</Link>;

/** The sentence at the top of a readout's result: stored, refused, already there, replacing or joining. */
export function ItemBanner({ name, answer, stored }: { name: string; answer: IntakeAnswer; stored: IntakeAnswer | null }) {
  const shown = stored ?? answer;
  if (shown.status === "failed" || shown.status === "refused") {
    const fields = shown.status === "refused" && shown.fieldErrors ? Object.entries(shown.fieldErrors).map(([k, v]) => `${k}: ${v.join("; ")}`) : [];
    return (
      <p className={`${styles.banner} ${styles.error}`} role="alert">
        <strong>{name}</strong>: {shown.reason}
        {fields.length ? ` (${fields.join(", ")})` : ""}
      </p>
    );
  }
  if (shown.status === "unchanged") {
    return (
      <p className={`${styles.banner} ${styles.ok}`} role="status">
        Already stored: {meetingLink(shown.meetingId, shown.meetingTitle)}. Nothing to add.
      </p>
    );
  }
  if (shown.status === "needs-date") {
    return (
      <p className={`${styles.banner} ${styles.warn}`} role="status">
        {shown.reason}.
      </p>
    );
  }
  const counts = `${shown.mentions} pledge ${shown.mentions === 1 ? "mention" : "mentions"}: ${shown.newPledges} new ${shown.newPledges === 1 ? "pledge" : "pledges"}, ${shown.linked} linked to stored pledges`;
  if (shown.stored) {
    return (
      <p className={`${styles.banner} ${styles.ok}`} role="status">
        Stored as {meetingLink(shown.meetingId, shown.facts.title)} ({counts}).
      </p>
    );
  }
  return (
    <>
      {shown.replaces ? (
        <p className={`${styles.banner} ${styles.warn}`}>
          Replaces version {shown.replaces.version} of {meetingLink(shown.replaces.meetingId, shown.replaces.title)}, because {shown.replaces.why}:{" "}
          {shown.replaces.kept} {shown.replaces.kept === 1 ? "mention" : "mentions"} kept, {shown.replaces.dropped} dropped.
        </p>
      ) : null}
      {shown.joins ? (
        <p className={`${styles.banner} ${styles.warn}`}>
          Another outlet&apos;s readout of {meetingLink(shown.joins.meetingId, shown.joins.title)}: it joins that meeting as a source; its pledges count once for the meeting.
        </p>
      ) : null}
      <p className={styles.banner}>Preview, nothing stored yet. {counts}.</p>
    </>
  );
}
