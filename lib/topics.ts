export type TopicSlug =
  | "trade-investment"
  | "agriculture"
  | "connectivity-transport"
  | "energy"
  | "mining"
  | "digital-technology"
  | "education-culture"
  | "health"
  | "security"
  | "multilateral"
  | "political-support"
  | "development-assistance"
  | "other";

export const TOPICS: readonly { slug: TopicSlug; name: string; description: string }[] = [
  { slug: "trade-investment", name: "Trade and investment", description: "Trade volume, market access, investment, industrial parks, trade committees and plans." },
  { slug: "agriculture", name: "Agriculture", description: "Farm products and their import or export, agricultural cooperation, food safety and quarantine." },
  { slug: "connectivity-transport", name: "Connectivity and transport", description: "Roads, railways, corridors, border crossings, transit, logistics and flights." },
  { slug: "energy", name: "Energy", description: "Power plants, hydropower, nuclear, gas supply, green and new energy, grids." },
  { slug: "mining", name: "Mining and minerals", description: "Mineral resources, mining projects and agreements on critical minerals." },
  { slug: "digital-technology", name: "Digital economy and technology", description: "Digital economy, e-commerce, artificial intelligence, high technology and technology transfer." },
  { slug: "education-culture", name: "Education, culture and people-to-people exchanges", description: "Schools and workshops, scholarships, universities, language, cultural centres and days, youth, media and sub-national exchanges." },
  { slug: "health", name: "Health", description: "Traditional medicine, hospitals, vaccines, pandemic response and medical centres." },
  { slug: "security", name: "Security and law enforcement", description: "Counter-terrorism, border security, joint patrols, law enforcement and security agreements." },
  { slug: "multilateral", name: "Multilateral coordination", description: "Coordination in the UN, SCO, China–Central Asia, EAEU, CSTO and similar mechanisms; global initiatives; regional issues such as Afghanistan." },
  { slug: "political-support", name: "Political support", description: "Support for each other's sovereignty, security, core interests and development path; non-interference." },
  { slug: "development-assistance", name: "Development assistance", description: "Aid projects, grants, financing and help for the partner's development." },
  { slug: "other", name: "Other", description: "Commitments that fit no other topic." },
];

// Named institutions decide the topic before any keyword count: a "Luban Workshop" pledge is
// about vocational education even when the sentence also mentions trade.
const STRONG: [RegExp, TopicSlug][] = [
  [/\bglobal (?:development|security|civilization|governance) initiative|\bglobal initiatives|\bfour major global/i, "multilateral"],
  [/\b(luban|confucius|universit|scholarship|cultur|language|film|art groups|youth|think tanks?\b|sister-city|sub-national|people-to-people|media\b|tourism)/i, "education-culture"],
  // "healthy development", "a healthy manner" describe how, not health.
  [/\b(medicine|medical|hospital|vaccine|covid|health(?!y)|blindness|pandemic)/i, "health"],
  [/\b(terror|extremis|separatis|three forces|patrol|law enforcement|security initiative|drug trafficking|border security|csto|collective security)/i, "security"],
  [/\b(afghan|united nations|\bun\b|shanghai cooperation|sco\b|china-central asia|eurasian economic union|multilateral|global (?:development|civilization|governance) initiative|global initiatives|iomed|mediation|climate governance|un-centered)/i, "multilateral"],
  [/\b(agricultur|farm|fruits?\b|vegetables?\b|perishable|quarantine)/i, "agriculture"],
  [/\b(sovereignty|territorial integrity|interference|internal affairs|one-china|taiwan|core interests|development path|mutual support|support each other)/i, "political-support"],
];

const KEYWORDS: [TopicSlug, RegExp][] = [
  ["agriculture", /\b(agricultur|farm|fruit|vegetable|food|produce|grain|livestock|quarantine|perishable)/gi],
  ["mining", /\b(mineral|mining|ore|metallurg)/gi],
  ["energy", /\b(energy|power plant|hydropower|nuclear|gas|solar|electric|grid|heat and power|thermal|oil)/gi],
  ["connectivity-transport", /\b(connectivity|transport|railway|road|highway|corridor|transit|logistics|flights?|border crossing|checkpoint|crossing|infrastructure|cargo)/gi],
  ["digital-technology", /\b(digital|e-commerce|artificial intelligence|technolog|innovation|information and communication)/gi],
  ["trade-investment", /\b(trade|invest|import|export|market|industrial|enterprise|compan|economic|expo|exhibition|goods|products?|intergovernmental committee|financ)/gi],
  ["education-culture", /\b(educat|training|vocational|students?|exchanges|cultural|culture)/gi],
  ["development-assistance", /\b(assistance|aid|projects aimed at helping|grant|modernization drive|development strateg)/gi],
  ["multilateral", /\b(regional|international system)/gi],
  ["security", /\b(security|risks|stability)/gi],
  ["political-support", /\b(support|sovereignty|independence)/gi],
];

export function classifyTopic(text: string): TopicSlug {
  for (const [re, slug] of STRONG) if (re.test(text)) return slug;
  let best: TopicSlug = "other";
  let bestScore = 0;
  for (const [slug, re] of KEYWORDS) {
    const n = text.match(re)?.length ?? 0;
    if (n > bestScore) { best = slug; bestScore = n; }
  }
  return best;
}

export function topicName(slug: string): string {
  return TOPICS.find((t) => t.slug === slug)?.name ?? slug;
}
