import type { IntakeItem } from "./intake-item";
import styles from "./intake.module.css";

export interface Progress {
  verb: "Analysing" | "Storing";
  done: number;
  total: number;
}

/** "Analysing 3 of 12" with a progress bar while a batch runs; a tally once it is done. */
export function BatchProgress({ progress, items }: { progress: Progress | null; items: IntakeItem[] }) {
  const answered = items.filter((it) => it.answer);
  const failed = answered.filter((it) => it.answer!.status === "failed" || it.answer!.status === "refused").length;
  const stored = items.filter((it) => it.stored).length;
  const tally =
    items.length === 0 || answered.length < items.length
      ? ""
      : `${items.length} ${items.length === 1 ? "readout" : "readouts"}: ${stored} stored, ${failed} with errors, ${items.length - stored - failed} to look at or store.`;
  return (
    <div className={styles.progress}>
      <p role="status" className="small" style={{ margin: 0 }}>
        {progress ? `${progress.verb} ${progress.done} of ${progress.total}` : tally}
      </p>
      {progress ? <progress value={progress.done - 1} max={progress.total} aria-label={`${progress.verb} readouts`} /> : null}
    </div>
  );
}
