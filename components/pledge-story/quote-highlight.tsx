import { showBidiControls } from "@/lib/bidi";

/** The mention's quote with the pledge's own words marked; plain text nodes only, never HTML; direction controls shown escaped. */
export function QuoteHighlight({ quote, from, to }: { quote: string; from: number; to: number }) {
  const valid = from >= 0 && to > from && to <= quote.length;
  return (
    <blockquote style={{ margin: 0 }}>
      {valid ? (
        <>
          “{showBidiControls(quote.slice(0, from))}
          <mark>{showBidiControls(quote.slice(from, to))}</mark>
          {showBidiControls(quote.slice(to))}”
        </>
      ) : (
        <>“{showBidiControls(quote)}”</>
      )}
    </blockquote>
  );
}
