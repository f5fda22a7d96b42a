"use client";

import { useState, type FormEvent } from "react";
import type { IntakeFacts } from "@/server/services/intake-readout";
import styles from "./intake.module.css";

type Participant = IntakeFacts["participants"][number];

/** The facts an analyst may correct before storing; sent with the readout on every later request. */
export interface FactEdits {
  meetingDate: string;
  place: string;
  participants: Participant[];
}

/**
 * Meeting date, place and participants as the preview read them, editable; "Update preview"
 * analyses the readout again with the corrections.
 */
export function FactsEditor({ facts, idPrefix, busy, askDate, onUpdate }: { facts: IntakeFacts; idPrefix: string; busy: boolean; askDate: boolean; onUpdate: (edits: FactEdits) => void }) {
  const [date, setDate] = useState(facts.meetingDate ?? "");
  const [place, setPlace] = useState(facts.place ?? "");
  const [people, setPeople] = useState<Participant[]>(facts.participants);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUpdate({ meetingDate: date, place, participants: people.filter((p) => p.name.trim() !== "") });
  };
  const change = (index: number, key: keyof Participant, value: string) => setPeople(people.map((p, i) => (i === index ? { ...p, [key]: value } : p)));
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Meeting facts of ${facts.title}`}>
      <div className={styles.field}>
        <label htmlFor={id("date")}>Meeting date</label>
        <input
          id={id("date")}
          type="date"
          value={date}
          required={askDate}
          aria-describedby={id("date-evidence")}
          onChange={(event) => setDate(event.target.value)}
        />
        <p className={styles.hint} id={id("date-evidence")}>
          {askDate ? "The text states no meeting date: give it to see the pledges." : `How it was found: ${facts.dateEvidence}`}
        </p>
      </div>
      <label className={styles.field}>
        Place
        <input type="text" value={place} placeholder="Not stated" maxLength={200} onChange={(event) => setPlace(event.target.value)} />
      </label>
      <fieldset className={`${styles.form} ${styles.group}`}>
        <legend>Participants</legend>
        {people.length === 0 ? <p className={styles.hint}>None found.</p> : null}
        <ul className={styles.participants}>
          {people.map((p, i) => (
            <li key={i} className={styles.participant}>
              <label className={styles.field}>
                Name
                <input type="text" value={p.name} maxLength={200} onChange={(event) => change(i, "name", event.target.value)} />
              </label>
              <label className={styles.field}>
                Role
                <input type="text" value={p.role ?? ""} maxLength={200} onChange={(event) => change(i, "role", event.target.value)} />
              </label>
              <label className={styles.field}>
                Side
                <input type="text" value={p.side ?? ""} maxLength={100} onChange={(event) => change(i, "side", event.target.value)} />
              </label>
              <button type="button" onClick={() => setPeople(people.filter((_, j) => j !== i))} aria-label={`Remove ${p.name || `participant ${i + 1}`}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <button type="button" onClick={() => setPeople([...people, { name: "", role: null, side: null }])}>
            Add a participant
          </button>
        </div>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" disabled={busy}>
          {askDate ? "Preview with this date" : "Update preview"}
        </button>
      </div>
    </form>
  );
}
