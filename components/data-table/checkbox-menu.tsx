"use client";

import { useDismissableDetails } from "./use-dismiss";
import styles from "./menus.module.css";

/** A disclosure holding a list of checkboxes: a multi-select that works with the keyboard alone. */
export function CheckboxMenu({
  label,
  options,
  selected,
  onChange,
  testId,
}: {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (next: string[]) => void;
  testId?: string;
}) {
  const ref = useDismissableDetails();
  function toggle(value: string, on: boolean) {
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  }
  return (
    <details ref={ref} className={styles.menu} data-testid={testId}>
      <summary className="button">
        {label}
        {selected.length ? ` (${selected.length})` : ""}
      </summary>
      <fieldset className={styles.panelLeft}>
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className={styles.option}>
            <input type="checkbox" value={o.value} checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
