"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { IntakeAnswer } from "@/server/actions/intake";
import { READOUT_FILE_TYPES } from "@/lib/readout-limits";
import type { FactEdits } from "./facts-editor";
import { IntakeResult } from "./intake-result";
import { isStorable, type IntakeItem } from "./intake-item";
import { BatchProgress, type Progress } from "./batch-progress";
import { sendReadout } from "./send-readout";
import styles from "./intake.module.css";

type Action = (formData: FormData) => Promise<IntakeAnswer>;

/** Readouts sent at once; each still goes in a request of its own. */
const MAX_FILES = 50;

/**
 * Paste a readout or choose files, see what storing each would do, correct its facts, store it.
 * Files are analysed one after another, one request each, so every request stays small and one
 * bad file never stops the others.
 */
export function IntakeForm({ preview, store, lowConfidence, maxBytes }: { preview: Action; store: Action; lowConfidence: number; maxBytes: number }) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [sourceUrl, setSourceUrl] = useState("");
  const [outlet, setOutlet] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [items, setItems] = useState<IntakeItem[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const update = (key: string, change: Partial<IntakeItem>) => setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it)));
  const shared = { sourceUrl, outlet, maxBytes };

  async function runPreview(item: IntakeItem, edits: FactEdits | null) {
    update(item.key, { busy: true, edits });
    const answer = await sendReadout(preview, item, edits, shared);
    update(item.key, { busy: false, answer });
  }

  async function analyse(event: FormEvent) {
    event.preventDefault();
    const files = [...(fileInput.current?.files ?? [])];
    const sources: { name: string; source: Blob | string }[] = [...(text.trim() ? [{ name: "Pasted readout", source: text }] : []), ...files.map((f) => ({ name: f.name, source: f }))];
    if (sources.length === 0) return setProblem("Paste a readout or choose one or more files first.");
    if (sources.length > MAX_FILES) return setProblem(`${sources.length} readouts chosen; send at most ${MAX_FILES} at once.`);
    if (sourceUrl.trim() && sources.length > 1) return setProblem("A source URL names one article: give it with one readout at a time, or leave it empty.");
    setProblem(null);
    const stamp = Date.now().toString(36);
    const fresh: IntakeItem[] = sources.map((s, i) => ({ key: `${stamp}-${i}`, ...s, answer: null, edits: null, busy: false, stored: null }));
    setItems(fresh);
    for (const [i, item] of fresh.entries()) {
      setProgress({ verb: "Analysing", done: i + 1, total: fresh.length });
      await runPreview(item, null);
    }
    setProgress(null);
  }

  async function storeOne(item: IntakeItem): Promise<IntakeAnswer> {
    update(item.key, { busy: true });
    const answer = await sendReadout(store, item, item.edits, shared);
    const stored = (answer.status === "new" || answer.status === "replaced") && answer.stored;
    update(item.key, stored ? { busy: false, stored: answer } : { busy: false, answer });
    return answer;
  }

  async function storeSingle(item: IntakeItem) {
    const answer = await storeOne(item);
    if (items.length === 1 && (answer.status === "new" || answer.status === "replaced") && answer.stored) router.push(`/meetings/${answer.meetingId}`);
  }

  async function storeAll() {
    // Oldest meeting first, as the command line does: each pledge then starts at its earliest mention.
    const dateOf = (it: IntakeItem) => (it.answer && "facts" in it.answer ? (it.answer.facts.meetingDate ?? "") : "");
    const ready = items.filter(isStorable).sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
    for (const [i, item] of ready.entries()) {
      setProgress({ verb: "Storing", done: i + 1, total: ready.length });
      await storeOne(item);
    }
    setProgress(null);
  }

  const storable = items.filter(isStorable).length;
  const working = progress !== null || items.some((it) => it.busy);
  return (
    <div className="stack">
      <form className={`card ${styles.form}`} onSubmit={analyse} aria-label="Readouts to add" noValidate>
        <label className={styles.field}>
          Paste a readout
          <textarea value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
        </label>
        <label className={styles.field}>
          Or upload files (.txt, .html, .md; at most 2 MB each)
          <input ref={fileInput} type="file" multiple accept={READOUT_FILE_TYPES} />
        </label>
        <div className={styles.fields}>
          <label className={styles.field}>
            Source URL (optional)
            <input type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} placeholder="https://" aria-describedby="source-url-hint" />
            <span className={styles.hint} id="source-url-hint">
              The original article; for one readout at a time.
            </span>
          </label>
          <label className={styles.field}>
            Outlet (optional)
            <input type="text" value={outlet} onChange={(event) => setOutlet(event.target.value)} maxLength={200} aria-describedby="outlet-hint" />
            <span className={styles.hint} id="outlet-hint">
              Replaces the outlet found in the text.
            </span>
          </label>
        </div>
        {problem ? (
          <p className={`${styles.banner} ${styles.error}`} role="alert">
            {problem}
          </p>
        ) : null}
        <div className={styles.actions}>
          <button type="submit" className="button primary" disabled={working}>
            Preview
          </button>
        </div>
      </form>
      <BatchProgress progress={progress} items={items} />
      {items.length > 1 && storable > 0 ? (
        <div className={styles.actions}>
          <button type="button" className="button primary" onClick={storeAll} disabled={working}>
            Store all previewed ({storable})
          </button>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className={styles.results} aria-label="Readouts">
          {items.map((item, i) => (
            <IntakeResult key={item.key} item={item} index={i} lowConfidence={lowConfidence} onUpdate={(edits) => runPreview(item, edits)} onStore={() => storeSingle(item)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
