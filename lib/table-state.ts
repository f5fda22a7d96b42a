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

/** A sort as the queries take it: a whitelisted key and a direction. */
function sortSchema<K extends string>(keys: z.ZodEnum<{ [k in K]: k }>) {
  return z.object({ key: keys, dir: SortDirection });
}

/**
 * The one definition of the pledge table's state: what the read functions accept (they parse it
 * again, so a caller that skipped the URL parsers still cannot pass an unknown sort key), with
 * the defaults the URL falls back to. The URL parsers below take their defaults from it.
 */
export const PledgeQuery = z.object({
  q: z.string().max(200).default(""),
  sort: sortSchema(PledgeSortKey).default({ key: "lastMentioned", dir: "desc" }),
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

/** The table's whole view: the query plus the columns hidden from it. */
export const PledgeTableState = PledgeQuery.extend({ hide: z.array(z.enum(PLEDGE_COLUMNS)).default([]) });
export type PledgeTableState = z.infer<typeof PledgeTableState>;
const pledgeDefaults = PledgeTableState.parse({});

/** Reads and writes PledgeTableState in the URL; the page sizes offered there are a whitelist. */
export const pledgeTableParsers = {
  q: parseAsString.withDefault(pledgeDefaults.q),
  sort: sortParser(PledgeSortKey).withDefault(pledgeDefaults.sort),
  topic: parseAsArrayOf(parseAsString).withDefault(pledgeDefaults.topic),
  status: parseAsArrayOf(parseAsStringLiteral(STATUSES)).withDefault(pledgeDefaults.status),
  actor: parseAsString.withDefault(pledgeDefaults.actor),
  direction: parseAsString.withDefault(pledgeDefaults.direction),
  from: parseAsInteger,
  to: parseAsInteger,
  repeated: parseAsBoolean.withDefault(pledgeDefaults.repeated),
  zombies: parseAsBoolean.withDefault(pledgeDefaults.zombies),
  page: parseAsInteger.withDefault(pledgeDefaults.page),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(pledgeDefaults.size as (typeof PAGE_SIZES)[number]),
  hide: parseAsArrayOf(parseAsStringLiteral(PLEDGE_COLUMNS)).withDefault(pledgeDefaults.hide),
} satisfies Record<keyof PledgeTableState, unknown>;
// The URL parsers give exactly the state the schema defines, key for key: a field added to one and
// not the other fails the type check.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const urlStateIsTheQuery: SameKeys<inferParserType<typeof pledgeTableParsers>, PledgeTableState> & (inferParserType<typeof pledgeTableParsers> extends PledgeTableState ? true : never) = true;
void urlStateIsTheQuery;

export const pledgeTableCache = createSearchParamsCache(pledgeTableParsers);
/** Parses the same keys from a Request or URL, for route handlers. */
export const loadPledgeTableState = createLoader(pledgeTableParsers);
export const serializePledgeTable = createSerializer(pledgeTableParsers);

/** Everything that narrows the rows, without paging or column choice: the export takes exactly this. */
export type PledgeFilters = Omit<PledgeTableState, "page" | "size" | "hide">;

export const MeetingSortKey = z.enum(["date", "title", "place", "outlet", "pledges", "new", "repeated"]);
export type MeetingSortKey = z.infer<typeof MeetingSortKey>;

export const MEETINGS_PER_PAGE = 50;

/** The one definition of the meeting table's state, as the meeting query accepts it. */
export const MeetingQuery = z.object({
  sort: sortSchema(MeetingSortKey).default({ key: "date", dir: "desc" }),
  page: z.number().int().min(1).default(1),
});
export type MeetingQuery = z.infer<typeof MeetingQuery>;
const meetingDefaults = MeetingQuery.parse({});

export const meetingTableParsers = {
  sort: sortParser(MeetingSortKey).withDefault(meetingDefaults.sort),
  page: parseAsInteger.withDefault(meetingDefaults.page),
} satisfies Record<keyof MeetingQuery, unknown>;
export const meetingTableCache = createSearchParamsCache(meetingTableParsers);

export const TREND_METRICS = ["mentions", "pledges"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export const trendsParsers = {
  metric: parseAsStringLiteral(TREND_METRICS).withDefault("mentions"),
  topic: parseAsArrayOf(parseAsString).withDefault([]),
};
export const trendsCache = createSearchParamsCache(trendsParsers);
export type TrendsState = inferParserType<typeof trendsParsers>;
