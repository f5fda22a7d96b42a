export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** The chart's numbers as a plain table, folded away until asked for. */
export function DataTableDetails({ caption, columns, rows }: DataTableProps) {
  return (
    <details className="data-table-alt">
      <summary>Show data as a table</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={i > 0 ? "num" : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
