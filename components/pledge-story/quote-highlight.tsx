/** The mention's quote with the pledge's own words marked; plain text nodes only, never HTML. */
export function QuoteHighlight({ quote, from, to }: { quote: string; from: number; to: number }) {
  const valid = from >= 0 && to > from && to <= quote.length;
  return (
    <blockquote style={{ margin: 0 }}>
      {valid ? (
        <>
          “{quote.slice(0, from)}
          <mark>{quote.slice(from, to)}</mark>
          {quote.slice(to)}”
        </>
      ) : (
        <>“{quote}”</>
      )}
    </blockquote>
  );
}
