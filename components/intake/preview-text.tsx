import type { MentionPlan } from "@/server/ingest/ingest-readout";
import { MarkedText } from "@/components/readout/readout-text";
import { PlanBadge } from "./plan-badge";

/** The readout as it would be stored, every pledge phrase highlighted with what storing would do with it. */
export function PreviewText({ text, plans, analysedRanges, idPrefix, lowConfidence }: { text: string; plans: MentionPlan[]; analysedRanges: unknown; idPrefix: string; lowConfidence: number }) {
  const spans = plans.map((p, i) => ({ ...p, id: i + 1, start: p.phraseStart, end: p.phraseEnd }));
  return (
    <MarkedText
      text={text}
      spans={spans}
      analysedRanges={analysedRanges}
      label={(plan) => <PlanBadge plan={plan} lowConfidence={lowConfidence} />}
      anchorId={(plan) => `${idPrefix}-mention-${plan.id}`}
      testId="preview-text"
    />
  );
}
