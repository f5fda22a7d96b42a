import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMeetingReadout } from "@/server/queries/meeting-readout";
import { ReadoutText } from "@/components/readout/readout-text";
import { MeetingFacts } from "@/components/readout/meeting-facts";
import { ParticipantList } from "@/components/readout/participant-list";
import { MentionIndex } from "@/components/readout/mention-index";
import { MeetingHistory, MeetingLife } from "@/components/readout/meeting-life";
import { DeleteMeetingForm } from "@/components/meetings/delete-meeting-form";
import { MeetingSourceForm } from "@/components/meetings/meeting-source-form";
import { deleteMeetingAction, setMeetingSourceAction } from "@/server/actions/meetings";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { dateTime } from "@/lib/format";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/readout/readout.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// Metadata and page read the same readout once per request.
const loadReadout = cache(getMeetingReadout);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meeting = await loadReadout((await params).id);
  return { title: meeting ? meeting.title : "Meeting" };
}

export default async function MeetingPage({ params }: Props) {
  const [meeting, actor] = await Promise.all([loadReadout((await params).id), getSession()]);
  if (!meeting) notFound();
  const isAdmin = actor !== null && hasRole(actor.role, "ADMIN");
  const canCurate = actor !== null && hasRole(actor.role, "ANALYST") && !meeting.replacedBy;
  const firsts = meeting.mentions.filter((m) => m.firstMentionDate === null).length;
  return (
    <article>
      {meeting.replacedBy ? (
        <p className="notice" role="note">
          This is version {meeting.version} of the readout, kept for reference: it was replaced on {dateTime(meeting.replacedBy.at)} by{" "}
          <Link href={`/meetings/${meeting.replacedBy.id}`}>version {meeting.replacedBy.version}</Link>, which is the one that counts. Highlights show
          the pledges as they were linked then.
        </p>
      ) : null}
      <PageHeader
        title={meeting.title}
        lead={`${meeting.outlet ? `${meeting.outlet}. ` : ""}${meeting.mentions.length} pledge ${meeting.mentions.length === 1 ? "mention" : "mentions"}: ${firsts} first, ${meeting.mentions.length - firsts} repeated. Highlighted words are the pledges; each label links to the pledge's story.`}
      />
      <div className={styles.layout}>
        <section className="card" aria-labelledby="readout-heading">
          <h2 id="readout-heading">Readout</h2>
          <ReadoutText text={meeting.text} mentions={meeting.mentions} analysedRanges={meeting.analysedRanges} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Meeting</h2>
            <MeetingFacts meeting={meeting} />
          </section>
          <section className="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">Participants</h2>
            <ParticipantList participants={meeting.participants} />
          </section>
          <section className="card" aria-labelledby="pledges-heading">
            <h2 id="pledges-heading">Pledges in this readout</h2>
            <MentionIndex mentions={meeting.mentions} />
          </section>
          <section className="card" aria-labelledby="sources-heading">
            <h2 id="sources-heading">Versions and sources</h2>
            <MeetingLife meeting={meeting} />
            {canCurate ? (
              <MeetingSourceForm
                action={setMeetingSourceAction}
                meetingId={meeting.id}
                isSource={meeting.sourceOf !== null}
                candidates={meeting.otherSources.length > 0 ? [] : meeting.joinCandidates}
              />
            ) : null}
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <MeetingHistory history={meeting.history} />
          </section>
          {isAdmin ? (
            <section className="card" aria-labelledby="delete-heading">
              <h2 id="delete-heading">Delete</h2>
              <DeleteMeetingForm
                action={deleteMeetingAction}
                meetingId={meeting.id}
                readouts={1 + meeting.earlierVersions.length + (meeting.sourceOf ? 0 : meeting.otherSources.length)}
                pledges={meeting.mentions.length}
              />
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
