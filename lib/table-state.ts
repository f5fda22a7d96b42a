/**
 * URL state of every table and chart page, defined once. The server parses it
 * with a search-params cache, the client reads and writes it with
 * useQueryStates, and the CSV export parses the same keys from its request,
 * so a copied link always reopens the same view.
 */
import { z } from "zod";
import {
  createLoader,
  createParser,
  createSearchParamsCache,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { STATUSES } from "./status";

export const PLEDGE_COLUMNS = [
  "title",
  "topic",
  "actors",
  "direction",
  "status",
  "firstMentioned",
  "lastMentioned",
  "mentions",
  "span",
  "firmness",
  "gap",
  "age",
] as const;
export type PledgeColumn = (typeof PLEDGE_COLUMNS)[number];

/** The only sort keys the pledge query accepts; anything else is refused. */
export const PledgeSortKey = z.enum(PLEDGE_COLUMNS);
export type PledgeSortKey = z.infer<typeof PledgeSortKey>;

export const SortDirection = z.enum(["asc", "desc"]);
export type SortDirection = z.infer<typeof SortDirection>;

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** Builds a "key.dir" URL parser whose keys are checked against a zod whitelist. */
function sortParser<K extends string>(keys: z.ZodEnum<{ [k in K]: k }>) {
  return createParser<{ key: K; dir: SortDirection }>({
    parse(value) {
      const [key, dir] = value.split(".");
      const k = keys.safeParse(key);
      const d = SortDirection.safeParse(dir);
      return k.success && d.success ? { key: k.data as K, dir: d.data } : null;
    },
    serialize: (sort) => `${sort.key}.${sort.dir}`,
    eq: (a, b) => a.key === b.key && a.dir === b.dir,
  });
}

export const pledgeTableParsers = {
  q: parseAsString.withDefault(""),
  sort: sortParser(PledgeSortKey).withDefault({ key: "lastMentioned", dir: "desc" }),
  topic: parseAsArrayOf(parseAsString).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(STATUSES)).withDefault([]),
  actor: parseAsString.withDefault(""),
  direction: parseAsString.withDefault(""),
  from: parseAsInteger,
  to: parseAsInteger,
  repeated: parseAsBoolean.withDefault(false),
  zombies: parseAsBoolean.withDefault(false),
  page: parseAsInteger.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  hide: parseAsArrayOf(parseAsStringLiteral(PLEDGE_COLUMNS)).withDefault([]),
};
export type PledgeTableState = inferParserType<typeof pledgeTableParsers>;

export const pledgeTableCache = createSearchParamsCache(pledgeTableParsers);
/** Parses the same keys from a Request or URL, for route handlers. */
export const loadPledgeTableState = createLoader(pledgeTableParsers);
export const serializePledgeTable = createSerializer(pledgeTableParsers);

/** Everything that narrows the rows, without paging or column choice: the export takes exactly this. */
export type PledgeFilters = Omit<PledgeTableState, "page" | "size" | "hide">;

/**
 * The query the pledge read functions accept. They parse it again so that a
 * caller that skipped the URL parsers still cannot pass an unknown sort key.
 */
export const PledgeQuery = z.object({
  q: z.string().max(200).default(""),
  sort: z.object({ key: PledgeSortKey, dir: SortDirection }).default({ key: "lastMentioned", dir: "desc" }),
  topic: z.array(z.string().max(100)).max(50).default([]),
  status: z.array(z.enum(STATUSES)).default([]),
  actor: z.string().max(100).default(""),
  direction: z.string().max(200).default(""),
  from: z.number().int().min(1900).max(2200).nullable().default(null),
  to: z.number().int().min(1900).max(2200).nullable().default(null),
  repeated: z.boolean().default(false),
  zombies: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  size: z.number().int().min(1).max(500).default(25),
});
export type PledgeQuery = z.infer<typeof PledgeQuery>;

export const MeetingSortKey = z.enum(["date", "title", "place", "outlet", "pledges", "new", "repeated"]);
export type MeetingSortKey = z.infer<typeof MeetingSortKey>;

export const MEETINGS_PER_PAGE = 50;

export const meetingTableParsers = {
  sort: sortParser(MeetingSortKey).withDefault({ key: "date", dir: "desc" }),
  page: parseAsInteger.withDefault(1),
};
export const meetingTableCache = createSearchParamsCache(meetingTableParsers);

export const TREND_METRICS = ["mentions", "pledges"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export const trendsParsers = {
  metric: parseAsStringLiteral(TREND_METRICS).withDefault("mentions"),
  topic: parseAsArrayOf(parseAsString).withDefault([]),
};
export const trendsCache = createSearchParamsCache(trendsParsers);
export type TrendsState = inferParserType<typeof trendsParsers>;
