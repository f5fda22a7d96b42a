import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

// The common-password lists (the most used passwords, names, keyboard patterns) and the
// estimator of how many guesses a password takes: one maintained library does both.
zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** zxcvbn's scale: 3 means "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

/**
 * Why a new password is refused, or null. Length alone is not enough: a password that is
 * common, a keyboard walk, a repetition ("aaaaaaaaaaaa") or built from the user's own email
 * or name is guessed quickly whatever its length.
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < 12) return "the password must have at least 12 characters";
  if (password.length > 128) return "the password must have at most 128 characters";
  const words = personal.flatMap((value) => value.toLowerCase().split(/[^a-z0-9]+/)).filter((word) => word.length >= 3);
  const result = zxcvbn(password, words);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning || result.feedback.suggestions[0] || "it is too easy to guess";
  return `this password is too easy to guess (${hint.replace(/\.$/, "").toLowerCase()}); use a longer phrase of unrelated words`;
}
