"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/schemas/common";
import { FieldError, FormFeedback } from "./form-feedback";
import { MergeForm, type MergeSearch } from "./merge-form";
import styles from "./pledge-edit.module.css";

const INITIAL: ActionState = { ok: false };

interface Props {
  pledgeId: number;
  version: number;
  title: string;
  topicId: number;
  topics: { id: number; name: string }[];
  actors: string[];
  countries: string[];
  actions: { rename: FormAction; changeTopic: FormAction; changeActors: FormAction; merge: FormAction; searchMergeCandidates: MergeSearch };
}

function Hidden({ pledgeId, version }: { pledgeId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function RenameForm({ pledgeId, version, title, rename }: Pick<Props, "pledgeId" | "version" | "title"> & { rename: FormAction }) {
  const [state, action, pending] = useActionState(rename, INITIAL);
  return (
    <form action={action} className={styles.form} aria-label="Rename pledge">
      <Hidden pledgeId={pledgeId} version={version} />
      <label className={styles.field}>
        Title
        <input type="text" name="title" required minLength={3} maxLength={300} defaultValue={state.values?.title ?? title} />
      </label>
      <FieldError state={state} name="title" id="rename-title-error" />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Save title
        </button>
      </div>
      <FormFeedback state={state} />
    </form>
  );
}

function TopicForm({ pledgeId, version, topicId, topics, changeTopic }: Pick<Props, "pledgeId" | "version" | "topicId" | "topics"> & { changeTopic: FormAction }) {
  const [state, action, pending] = useActionState(changeTopic, INITIAL);
  return (
    <form action={action} className={styles.form} aria-label="Change topic">
      <Hidden pledgeId={pledgeId} version={version} />
      <div className={styles.row}>
        <label className={styles.field}>
          Topic
          <select name="topicId" defaultValue={String(topicId)}>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={pending}>
          Save topic
        </button>
      </div>
      <FieldError state={state} name="topicId" id="topic-error" />
      <FormFeedback state={state} />
    </form>
  );
}

function ActorsForm({ pledgeId, version, actors, countries, changeActors }: Pick<Props, "pledgeId" | "version" | "actors" | "countries"> & { changeActors: FormAction }) {
  const [state, action, pending] = useActionState(changeActors, INITIAL);
  return (
    <form action={action} className={styles.form} aria-label="Change actors">
      <Hidden pledgeId={pledgeId} version={version} />
      <fieldset className={styles.row}>
        <legend>Who commits</legend>
        {countries.map((country) => (
          <label key={country}>
            <input type="checkbox" name="actors" value={country} defaultChecked={actors.includes(country)} /> {country}
          </label>
        ))}
        <button type="submit" className="button" disabled={pending}>
          Save actors
        </button>
      </fieldset>
      <FieldError state={state} name="actors" id="actors-error" />
      <FormFeedback state={state} />
    </form>
  );
}

/** Renaming, refiling, actors and merging: each one transaction, each recorded in the history. */
export function CurationForms(props: Props) {
  return (
    <div className={styles.panel}>
      <RenameForm pledgeId={props.pledgeId} version={props.version} title={props.title} rename={props.actions.rename} />
      <TopicForm pledgeId={props.pledgeId} version={props.version} topicId={props.topicId} topics={props.topics} changeTopic={props.actions.changeTopic} />
      <ActorsForm pledgeId={props.pledgeId} version={props.version} actors={props.actors} countries={props.countries} changeActors={props.actions.changeActors} />
      <MergeForm pledgeId={props.pledgeId} version={props.version} merge={props.actions.merge} search={props.actions.searchMergeCandidates} />
    </div>
  );
}
