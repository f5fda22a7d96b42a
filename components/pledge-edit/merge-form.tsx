"use client";

import { useActionState, useState, useTransition } from "react";
import type { FormAction } from "@/lib/schemas/common";
import type { MergeCandidate } from "@/server/queries/merge-candidates";
import { FieldError, FormFeedback } from "./form-feedback";
import styles from "./pledge-edit.module.css";

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export type MergeSearch = (survivorId: number, query: string) => Promise<MergeCandidate[]>;

/**
 * Merging another pledge into this one: find it by title, see what the merge gives (title kept,
 * mentions and meetings after), then confirm. The chosen pledge's version goes with the merge, so a
 * pledge changed since it was found is not merged unseen.
 */
export function MergeForm({ pledgeId, version, merge, search }: { pledgeId: number; version: number; merge: FormAction; search: MergeSearch }) {
  const [state, action, pending] = useActionState(merge, { ok: false });
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<MergeCandidate[] | null>(null);
  const [chosen, setChosen] = useState<MergeCandidate | null>(null);
  const [searching, startSearch] = useTransition();

  function runSearch() {
    setChosen(null);
    startSearch(async () => setResults(await search(pledgeId, query)));
  }

  return (
    <div className={styles.form} role="group" aria-labelledby="merge-heading">
      <h4 id="merge-heading" style={{ margin: 0 }}>Merge another pledge into this one</h4>
      <p className="muted small">Its mentions and history move here; its page then leads to this one. A merge can be undone from the history.</p>
      <form
        role="search"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          runSearch();
        }}
      >
        <label className={styles.field}>
          Find the pledge by title
          <input type="search" name="q" value={query} onChange={(event) => setQuery(event.target.value)} minLength={2} maxLength={200} />
        </label>
        <button type="submit" className="button" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      {results !== null && (
        <ul className={styles.results} aria-label="Pledges found">
          {results.length === 0 && <li className="muted small">No pledge of the same countries has that title.</li>}
          {results.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" className="button" aria-pressed={chosen?.id === candidate.id} onClick={() => setChosen(candidate)}>
                Choose
              </button>{" "}
              <span>
                Pledge {candidate.id}: {candidate.title}
              </span>{" "}
              <span className="muted small">
                ({count(candidate.mentionCount, "mention")} in {count(candidate.meetingCount, "meeting")})
              </span>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form action={action} className={styles.preview} aria-label="Confirm the merge">
          <input type="hidden" name="survivorId" value={pledgeId} />
          <input type="hidden" name="survivorVersion" value={version} />
          <input type="hidden" name="otherId" value={chosen.id} />
          <input type="hidden" name="otherVersion" value={chosen.version} />
          <p data-testid="merge-preview">
            Title kept: <strong>{chosen.after.title}</strong>. After the merge this pledge has{" "}
            <strong>{count(chosen.after.mentionCount, "mention")}</strong> in <strong>{count(chosen.after.meetingCount, "meeting")}</strong>; pledge {chosen.id} “
            {chosen.title}” then leads here.
          </p>
          <label className={styles.field}>
            Note (optional)
            <input type="text" name="note" maxLength={4000} />
          </label>
          <FieldError state={state} name="otherId" id="merge-other-error" />
          <div>
            <button type="submit" className="button primary" disabled={pending}>
              Merge pledge {chosen.id} into this one
            </button>
          </div>
        </form>
      )}
      <FormFeedback state={state} />
    </div>
  );
}
