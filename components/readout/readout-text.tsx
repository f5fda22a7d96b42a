import Link from "next/link";
import { showBidiControls } from "@/lib/bidi";
import type { ReadoutMention } from "@/server/queries/meeting-readout";
import { segmentReadout } from "./segment-readout";
import styles from "./readout.module.css";

type Marked = ReadoutMention & { start: number; end: number };

function Label({ mention }: { mention: ReadoutMention }) {
  const text = mention.firstMentionDate === null ? "First mention" : `Repeated (first on ${mention.firstMentionDate})`;
  return (
    <Link
      href={`/pledges/${mention.pledgeId}`}
      className={mention.firstMentionDate === null ? `${styles.label} ${styles.first}` : styles.label}
      title={mention.pledgeTitle}
      aria-label={`${text}: ${mention.pledgeTitle}`}
    >
      {showBidiControls(text)}
    </Link>
  );
}

/** The readout in full, paragraphs kept, every pledge phrase highlighted and labelled. */
export function ReadoutText({ text, mentions, analysedRanges }: { text: string; mentions: ReadoutMention[]; analysedRanges?: unknown }) {
  const spans: Marked[] = mentions.map((m) => ({ ...m, start: m.phraseStart, end: m.phraseEnd }));
  const paragraphs = segmentReadout(text, spans, analysedRanges);
  return (
    <div className={styles.readout} data-testid="readout-text">
      {paragraphs.map((p) => (
        <p key={p.start} className={p.furniture ? styles.furniture : undefined}>
          {p.pieces.map((piece, i) =>
            piece.kind === "text" ? (
              <span key={i}>{showBidiControls(piece.text)}</span>
            ) : piece.kind === "mark" ? (
              <span key={i}>
                <mark id={`mention-${piece.mention.id}`} className={styles.mark} data-pledge-id={piece.mention.pledgeId}>
                  {showBidiControls(piece.text)}
                </mark>{" "}
                <Label mention={piece.mention} />
              </span>
            ) : (
              <span key={i} id={`mention-${piece.mention.id}`} className={styles.mark}>
                {" "}
                <Label mention={piece.mention} />
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
