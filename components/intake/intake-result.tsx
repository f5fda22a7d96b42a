"use client";

import { MeetingSummary } from "./meeting-summary";
import { FactsEditor, type FactEdits } from "./facts-editor";
import { ItemBanner } from "./item-banner";
import { MentionPlans } from "./mention-plans";
import { PreviewText } from "./preview-text";
import type { IntakeItem } from "./intake-item";
import readout from "@/components/readout/readout.module.css";
import styles from "./intake.module.css";

/** One readout's result: a banner, then (for a preview) its facts to correct, its mentions and its text. */
export function IntakeResult({ item, index, lowConfidence, onUpdate, onStore }: { item: IntakeItem; index: number; lowConfidence: number; onUpdate: (edits: FactEdits) => void; onStore: () => void }) {
  const id = `readout-${index}`;
  const answer = item.answer;
  const preview = !item.stored && (answer?.status === "new" || answer?.status === "replaced" || answer?.status === "needs-date") ? answer : null;
  return (
    <li>
      <article className="card" aria-labelledby={`${id}-heading`} aria-busy={item.busy} data-testid="intake-result">
        <h2 id={`${id}-heading`} className={styles.fileName}>
          {item.name}
        </h2>
        {answer ? <ItemBanner name={item.name} answer={answer} stored={item.stored} /> : <p className="muted">{item.busy ? "Analysing…" : "Waiting to be analysed."}</p>}
        {preview ? (
          <div className={readout.layout}>
            <section aria-labelledby={`${id}-text`}>
              <h3 id={`${id}-text`}>Readout</h3>
              <PreviewText text={preview.text} plans={"plans" in preview ? preview.plans : []} analysedRanges={preview.analysedRanges} idPrefix={id} lowConfidence={lowConfidence} />
            </section>
            <div className="stack">
              <section aria-labelledby={`${id}-facts`}>
                <h3 id={`${id}-facts`}>Meeting</h3>
                <MeetingSummary facts={preview.facts} />
                <FactsEditor key={JSON.stringify(preview.facts)} facts={preview.facts} idPrefix={id} busy={item.busy} askDate={preview.status === "needs-date"} onUpdate={onUpdate} />
              </section>
              {"plans" in preview ? (
                <section aria-labelledby={`${id}-mentions`}>
                  <h3 id={`${id}-mentions`}>Pledges it would store</h3>
                  <MentionPlans plans={preview.plans} lowConfidence={lowConfidence} label={`Pledge mentions in ${item.name}`} />
                  <div className={styles.actions} style={{ marginTop: "var(--space-4)" }}>
                    <button type="button" className="button primary" disabled={item.busy} onClick={onStore}>
                      Store this readout
                    </button>
                  </div>
                </section>
              ) : null}
            </div>
          </div>
        ) : null}
      </article>
    </li>
  );
}
