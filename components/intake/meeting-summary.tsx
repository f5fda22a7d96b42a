import type { IntakeFacts } from "@/server/services/intake-readout";
import { longDate } from "@/lib/format";
import readout from "@/components/readout/readout.module.css";

/** The facts read from the text that are not edited here: title, outlet, publication date, sides. */
export function MeetingSummary({ facts }: { facts: IntakeFacts }) {
  return (
    <dl className={readout.facts}>
      <dt>Title</dt>
      <dd>{facts.title}</dd>
      <dt>Outlet</dt>
      <dd>{facts.outlet ?? "Unknown"}</dd>
      {facts.publishedAt ? (
        <>
          <dt>Published</dt>
          <dd>{longDate(facts.publishedAt)}</dd>
        </>
      ) : null}
      <dt>Sides</dt>
      <dd>{facts.countries.join(" and ") || "Not found"}</dd>
    </dl>
  );
}
