/**
 * Building blocks of synthetic readouts: country pairs, and pledge families
 * whose members are paraphrases of one commitment. Every family is written
 * with `{P}` (partner adjective), `{p}` (partner name), `{H}` (home adjective),
 * `{X}` (a named thing drawn per pledge) placeholders.
 */
export interface Country {
  name: string;
  adjective: string;
  capital: string;
  leader: string;
  minister: string;
}

export const COUNTRIES: Record<string, Country> = {
  China: { name: "China", adjective: "Chinese", capital: "Beijing", leader: "President Xi Jinping", minister: "Foreign Minister Wang Yi" },
  Russia: { name: "Russia", adjective: "Russian", capital: "Moscow", leader: "President Vladimir Putin", minister: "Foreign Minister Sergei Lavrov" },
  Japan: { name: "Japan", adjective: "Japanese", capital: "Tokyo", leader: "Prime Minister Kenji Morita", minister: "Foreign Minister Aiko Tanaka" },
  Tajikistan: { name: "Tajikistan", adjective: "Tajik", capital: "Dushanbe", leader: "President Emomali Rahmon", minister: "Foreign Minister Sirojiddin Muhriddin" },
  Uzbekistan: { name: "Uzbekistan", adjective: "Uzbek", capital: "Tashkent", leader: "President Shavkat Mirziyoyev", minister: "Foreign Minister Bakhtiyor Saidov" },
  Kazakhstan: { name: "Kazakhstan", adjective: "Kazakh", capital: "Astana", leader: "President Kassym-Jomart Tokayev", minister: "Foreign Minister Murat Nurtleu" },
  Kyrgyzstan: { name: "Kyrgyzstan", adjective: "Kyrgyz", capital: "Bishkek", leader: "President Sadyr Japarov", minister: "Foreign Minister Jeenbek Kulubaev" },
  Turkmenistan: { name: "Turkmenistan", adjective: "Turkmen", capital: "Ashgabat", leader: "President Serdar Berdimuhamedov", minister: "Foreign Minister Rashid Meredov" },
  Mongolia: { name: "Mongolia", adjective: "Mongolian", capital: "Ulaanbaatar", leader: "President Ukhnaagiin Khurelsukh", minister: "Foreign Minister Battsetseg Batmunkh" },
  Pakistan: { name: "Pakistan", adjective: "Pakistani", capital: "Islamabad", leader: "Prime Minister Shehbaz Sharif", minister: "Foreign Minister Ishaq Dar" },
  Azerbaijan: { name: "Azerbaijan", adjective: "Azerbaijani", capital: "Baku", leader: "President Ilham Aliyev", minister: "Foreign Minister Jeyhun Bayramov" },
  Belarus: { name: "Belarus", adjective: "Belarusian", capital: "Minsk", leader: "President Alexander Lukashenko", minister: "Foreign Minister Maxim Ryzhenkov" },
  Iran: { name: "Iran", adjective: "Iranian", capital: "Tehran", leader: "President Masoud Pezeshkian", minister: "Foreign Minister Abbas Araghchi" },
};

export const PAIRS: [string, string][] = [
  ["China", "Tajikistan"], ["China", "Uzbekistan"], ["China", "Kazakhstan"], ["China", "Kyrgyzstan"],
  ["China", "Turkmenistan"], ["China", "Mongolia"], ["China", "Pakistan"], ["China", "Azerbaijan"],
  ["China", "Belarus"], ["China", "Iran"], ["Russia", "Kazakhstan"], ["Russia", "Uzbekistan"],
  ["Russia", "Tajikistan"], ["Russia", "Kyrgyzstan"], ["Russia", "Belarus"], ["Russia", "Mongolia"],
  ["Russia", "Azerbaijan"], ["Japan", "Mongolia"], ["Japan", "Uzbekistan"], ["Japan", "Kazakhstan"],
];

/** Named things that make a pledge specific; one is drawn per pledge. */
export const NAMED: Record<string, string[]> = {
  institution: ["Luban Workshop", "Confucius Institute", "Center for Traditional Medicine", "Joint Laboratory for Water Resources", "Vocational Training Center", "Eye Care Center", "Joint Research Center for Desert Ecology", "Digital Skills Academy", "Friendship Hospital", "Joint Seed Breeding Center"],
  project: ["North-South Highway", "Eastern Railway Line", "Valley Hydropower Station", "Solar Park", "Logistics Hub", "Cross-Border Fiber Cable", "Industrial Park", "Wind Farm", "Copper Smelter", "Gas Pipeline Line D"],
  product: ["agricultural products", "dried fruit", "cotton", "honey", "lemons", "mutton", "dairy products", "walnuts"],
  field: ["green energy", "digital economy", "e-commerce", "artificial intelligence", "water conservation", "space cooperation", "tourism", "civil aviation", "public health", "sub-national exchanges"],
};

/**
 * A pledge family: the variants are paraphrases of one commitment. A variant
 * starting with "partner:" is the same commitment stated from the partner's side.
 */
export interface Family {
  key: string;
  slot: keyof typeof NAMED | null;
  giver: "home" | "partner" | "joint";
  variants: string[];
}

export const FAMILIES: Family[] = [
  { key: "build-institution", slot: "institution", giver: "home", variants: ["build the {X} in {p}", "accelerate the construction of the {X} in {p}", "ensure the smooth operation of the {X}", "make good use of the {X}"] },
  { key: "project", slot: "project", giver: "joint", variants: ["speed up the construction of the {X}", "complete the {X} on schedule", "advance the {X} project"] },
  // One trade flow, stated by either side: the partner's exports are the home side's imports.
  { key: "import", slot: "product", giver: "home", variants: ["import more high-quality {P} {X}", "expand imports of {X} from {p}", "increase the import of quality {P} {X}", "partner:export more {X} to {h}", "partner:expand the export of {X} to {h}"] },
  { key: "field", slot: "field", giver: "joint", variants: ["expand cooperation in {X}", "deepen cooperation on {X}", "step up cooperation in {X}"] },
  { key: "visa", slot: null, giver: "joint", variants: ["simplify visa procedures for business travellers", "ease visa procedures for business travellers"] },
  { key: "flights", slot: null, giver: "joint", variants: ["open more direct flights between the two capitals", "increase direct flights between the two capitals"] },
  { key: "security", slot: null, giver: "joint", variants: ["hold joint counter-terrorism exercises", "conduct joint counter-terrorism exercises regularly"] },
  { key: "scholarships", slot: null, giver: "home", variants: ["offer government scholarships to {P} students", "provide more government scholarships for {P} students"] },
  { key: "sco", slot: null, giver: "joint", variants: ["strengthen coordination within the Shanghai Cooperation Organization", "enhance coordination within the Shanghai Cooperation Organization"] },
];

export const CUES = ["will", "is ready to", "is willing to", "stands ready to", "will continue to"];
export const JOINT_CUES = ["will", "agreed to", "should", "are ready to"];

export const FILLER = [
  "{H}-{P} relations have reached a new high in recent years.",
  "The two leaders held talks in a cordial and friendly atmosphere.",
  "Bilateral trade grew steadily last year despite global headwinds.",
  "The two countries enjoy a long history of friendly exchanges.",
  "Both sides exchanged views on international and regional issues of common concern.",
  "The two sides spoke highly of the achievements of practical cooperation.",
];
