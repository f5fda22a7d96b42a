"use client";

import { useActionState } from "react";
import { changeActorsAction, changeTopicAction, mergePledgesAction, renamePledgeAction } from "@/app/actions/pledge-edit";
import type { ActionState } from "@/lib/schemas/common";
import { FieldError, FormFeedback } from "./form-feedback";
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
}

function Hidden({ pledgeId, version }: { pledgeId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function RenameForm({ pledgeId, version, title }: Pick<Props, "pledgeId" | "version" | "title">) {
  const [state, action, pending] = useActionState(renamePledgeAction, INITIAL);
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

function TopicForm({ pledgeId, version, topicId, topics }: Pick<Props, "pledgeId" | "version" | "topicId" | "topics">) {
  const [state, action, pending] = useActionState(changeTopicAction, INITIAL);
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

function ActorsForm({ pledgeId, version, actors, countries }: Pick<Props, "pledgeId" | "version" | "actors" | "countries">) {
  const [state, action, pending] = useActionState(changeActorsAction, INITIAL);
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

function MergeForm({ pledgeId, version }: Pick<Props, "pledgeId" | "version">) {
  const [state, action, pending] = useActionState(mergePledgesAction, INITIAL);
  return (
    <form action={action} className={styles.form} aria-label="Merge another pledge into this one">
      <input type="hidden" name="survivorId" value={pledgeId} />
      <input type="hidden" name="survivorVersion" value={version} />
      <p className="muted small">
        The other pledge&apos;s mentions and history move here; its page then redirects to this one. Give its version
        (shown in its own edit panel) so a pledge changed meanwhile is not merged unseen.
      </p>
      <div className={styles.row}>
        <label className={styles.field}>
          Pledge number to merge in
          <input type="number" name="otherId" min={1} required defaultValue={state.values?.otherId} />
        </label>
        <label className={styles.field}>
          Its version
          <input type="number" name="otherVersion" min={1} required defaultValue={state.values?.otherVersion} />
        </label>
      </div>
      <label className={styles.field}>
        Note (optional)
        <input type="text" name="note" maxLength={4000} defaultValue={state.values?.note} />
      </label>
      <FieldError state={state} name="otherId" id="merge-other-error" />
      <FieldError state={state} name="otherVersion" id="merge-version-error" />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Merge into this pledge
        </button>
      </div>
      <FormFeedback state={state} />
    </form>
  );
}

/** Renaming, refiling, actors and merging: each one transaction, each recorded in the history. */
export function CurationForms(props: Props) {
  return (
    <div className={styles.panel}>
      <RenameForm pledgeId={props.pledgeId} version={props.version} title={props.title} />
      <TopicForm pledgeId={props.pledgeId} version={props.version} topicId={props.topicId} topics={props.topics} />
      <ActorsForm pledgeId={props.pledgeId} version={props.version} actors={props.actors} countries={props.countries} />
      <MergeForm pledgeId={props.pledgeId} version={props.version} />
    </div>
  );
}
