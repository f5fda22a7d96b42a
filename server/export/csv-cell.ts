/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage
 * return) gets a leading apostrophe, so opening an export never runs `=HYPERLINK(…)` or worse.
 * The apostrophe is what spreadsheets themselves use to mark "text, not a formula".
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** csv-stringify options every export uses: every string cell passes through `neutraliseCell`. */
export const SAFE_CSV = { cast: { string: neutraliseCell } } as const;
