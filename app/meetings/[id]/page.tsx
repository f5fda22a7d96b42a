import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMeetingReadout } from "@/server/queries/meeting-readout";
import { ReadoutText } from "@/components/readout/readout-text";
import { MeetingFacts } from "@/components/readout/meeting-facts";
import { ParticipantList } from "@/components/readout/participant-list";
import { MentionIndex } from "@/components/readout/mention-index";
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
  const meeting = await loadReadout((await params).id);
  if (!meeting) notFound();
  const firsts = meeting.mentions.filter((m) => m.firstMentionDate === null).length;
  return (
    <article>
      <PageHeader
        title={meeting.title}
        lead={`${meeting.mentions.length} pledge ${meeting.mentions.length === 1 ? "mention" : "mentions"}: ${firsts} first, ${meeting.mentions.length - firsts} repeated. Highlighted words are the pledges; each label links to the pledge's story.`}
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
        </div>
      </div>
    </article>
  );
}
