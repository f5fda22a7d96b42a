import type { ReactNode } from "react";
import Link from "next/link";
import { showBidiControls } from "@/lib/bidi";
import type { ReadoutMention } from "@/server/queries/meeting-readout";
import { segmentReadout, type Span } from "./segment-readout";
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

/**
 * A readout's text, paragraphs kept, every pledge phrase highlighted and followed by its label.
 * Stored readouts and previews of readouts not yet stored both render through it.
 */
export function MarkedText<M extends Span>({
  text,
  spans,
  analysedRanges,
  label,
  anchorId,
  pledgeIdOf,
  testId,
}: {
  text: string;
  spans: M[];
  analysedRanges?: unknown;
  label: (mention: M) => ReactNode;
  anchorId: (mention: M) => string;
  pledgeIdOf?: (mention: M) => number | null;
  testId: string;
}) {
  const paragraphs = segmentReadout(text, spans, analysedRanges);
  return (
    <div className={styles.readout} data-testid={testId}>
      {paragraphs.map((p) => (
        <p key={p.start} className={p.furniture ? styles.furniture : undefined}>
          {p.pieces.map((piece, i) =>
            piece.kind === "text" ? (
              <span key={i}>{showBidiControls(piece.text)}</span>
            ) : piece.kind === "mark" ? (
              <span key={i}>
                <mark id={anchorId(piece.mention)} className={styles.mark} data-pledge-id={pledgeIdOf?.(piece.mention) ?? undefined}>
                  {showBidiControls(piece.text)}
                </mark>{" "}
                {label(piece.mention)}
              </span>
            ) : (
              <span key={i} id={anchorId(piece.mention)} className={styles.mark}>
                {" "}
                {label(piece.mention)}
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

/** A stored readout in full: each label says first or repeated mention and links to the pledge's story. */
export function ReadoutText({ text, mentions, analysedRanges }: { text: string; mentions: ReadoutMention[]; analysedRanges?: unknown }) {
  const spans: Marked[] = mentions.map((m) => ({ ...m, start: m.phraseStart, end: m.phraseEnd }));
  return (
    <MarkedText
      text={text}
      spans={spans}
      analysedRanges={analysedRanges}
      label={(m) => <Label mention={m} />}
      anchorId={(m) => `mention-${m.id}`}
      pledgeIdOf={(m) => m.pledgeId}
      testId="readout-text"
    />
  );
}
