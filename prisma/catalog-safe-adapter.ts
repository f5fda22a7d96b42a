import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// The JavaScript schema engine reads PostgreSQL catalog columns of type `name`
// (OID 19) and `"char"` (OID 18), which the pg driver adapter cannot decode
// (prisma/prisma#27403). Both are plain strings on the wire, so the result
// metadata is rewritten to `text` (OID 25) for the CLI's connection only.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function relabel<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  if (fields) {
    for (const field of fields) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, relabel(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(relabel) : out;
  }
}

export function migrationAdapter(connectionString: string) {
  const pool = new pg.Pool({ connectionString, Client: CatalogSafeClient as unknown as typeof pg.Client });
  return new PrismaPg(pool);
}
