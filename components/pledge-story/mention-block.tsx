import type { StoryMention } from "@/server/queries/pledge-story";
import { QuoteHighlight } from "./quote-highlight";
import { WordingChange } from "./wording-change";
import styles from "./story.module.css";

/** One mention: who said it, the quote with the pledge's words marked, and how sure the link is. */
export function MentionBlock({ mention, previous }: { mention: StoryMention; previous: StoryMention | null }) {
  return (
    <div className={styles.mention} id={`m-${mention.id}`} data-testid="mention">
      <p className="small muted" style={{ margin: 0 }}>
        {mention.speaker ? `Said by ${mention.speaker}` : "Speaker not named"}
        {mention.side ? ` · commits: ${mention.side}` : ""} · cue “{mention.cue}”
      </p>
      <QuoteHighlight quote={mention.quote} from={mention.phraseFrom} to={mention.phraseTo} />
      <p className="small muted" style={{ margin: 0 }}>
        Confidence {Math.round(mention.confidence * 100)}% · {mention.linkReason}
      </p>
      {previous ? <WordingChange previous={previous} current={mention} /> : null}
    </div>
  );
}
