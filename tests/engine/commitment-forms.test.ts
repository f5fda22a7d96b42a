// Commitment forms, coordination and non-pledges read off readouts of further partners (invented sentences).
import { describe, expect, it } from "vitest";
import { mentionsIn } from "./support";

const HEAD = "Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese Foreign Minister Wang Yi held talks with Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe.\n\n";
const run = (body: string) => mentionsIn(HEAD, body);

describe("standing policies, proposals and renewed commitments", () => {
  it("reads a present 'respects' and 'abides firmly by' as standing policies", () => {
    const ms = run("Wang Yi said China respects the development path chosen by the Tajik people. Muhriddin said Tajikistan abides firmly by the one-China policy.");
    expect(ms.map((m) => [m.phrase, m.giver])).toEqual([
      ["respects the development path chosen by the Tajik people", "China"],
      ["abides firmly by the one-China policy", "Tajikistan"],
    ]);
  });

  it("splits a proposal addressed to both sides into its actions, each joint", () => {
    const ms = run("Wang Yi suggested the two sides expand local currency settlement and open more flights between Dushanbe and Urumqi.");
    expect(ms.map((m) => [m.phrase, m.giver])).toEqual([
      ["expand local currency settlement", "joint"],
      ["open more flights between Dushanbe and Urumqi", "joint"],
    ]);
  });

  it("reads 'looks forward to working with … in efforts to' as the actions after it", () => {
    const ms = run("Wang Yi said China looks forward to working with Tajikistan in continued efforts to build the Kulob hospital and maintain exchanges between young diplomats, so as to deepen friendship.");
    expect(ms.map((m) => m.phrase)).toEqual(["build the Kulob hospital", "maintain exchanges between young diplomats"]);
  });

  it("reads 'firmly pursues the … policy' as a standing policy", () => {
    const ms = run("Muhriddin said Tajikistan firmly pursues the one-China policy.");
    expect(ms.map((m) => [m.phrase, m.giver])).toEqual([["firmly pursues the one-China policy", "Tajikistan"]]);
  });
  it("reads on past an acronym in parentheses, and splits listed actions led by an adverb or 'import'", () => {
    const ms = run("The two sides should align the Belt and Road Initiative (BRI) with Tajikistan's national strategy, and vigorously advance cooperation in industrial parks. China will ensure smooth customs clearance at border ports, and import more quality farm products from Tajikistan.");
    expect(ms.map((m) => m.phrase)).toEqual([
      "align the Belt and Road Initiative (BRI) with Tajikistan's national strategy",
      "vigorously advance cooperation in industrial parks",
      "ensure smooth customs clearance at border ports",
      "import more quality farm products from Tajikistan",
    ]);
  });
  it("reads 'reiterated to' as a renewed commitment", () => {
    const ms = run("Muhriddin reiterated to firmly support China's position on Taiwan.");
    expect(ms.map((m) => m.phrase)).toEqual(["firmly support China's position on Taiwan"]);
  });

  it("reads a listed 'and work together to …' as its own action, without the frame", () => {
    const ms = run("Wang Yi urged both sides to deepen customs cooperation, and work together with other parties to fight drug trafficking.");
    expect(ms.map((m) => m.phrase)).toEqual(["deepen customs cooperation", "fight drug trafficking"]);
  });

  it("drops what developing countries should do, principles, and commitments with no object", () => {
    const ms = run("Wang Yi said developing countries should work together against protectionism. The two sides should uphold the principle of equality and inclusiveness, abide by commitments and build a cold storage plant in Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["build a cold storage plant in Khujand"]);
  });
});

describe("web pages and formal registers", () => {
  it("reads on after an in-article link to another story", () => {
    const ms = run("Wang Yi said China will build a school in Khorog.\nRead more: Tajik minister to visit Urumqi next month\nThe two sides agreed to open a consulate in Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["build a school in Khorog", "open a consulate in Khujand"]);
  });

  it("reads 'shall' as a commitment, a welcome of a guest as courtesy, and titles support of a policy as the verb", () => {
    const ms = run("Wang Yi welcomed Foreign Minister Muhriddin and noted the good ties. China and Tajikistan shall expand cooperation in mining. Muhriddin reaffirmed Tajikistan's firm support of the one-China principle.");
    expect(ms.map((m) => m.title)).toEqual(["Expand cooperation in mining", "Support the one-China principle"]);
  });
});

describe("encouragement addressed to both sides", () => {
  it("reads 'encouraged both sides to' as a call on the pair, each listed action its own", () => {
    const ms = run("Wang Yi encouraged both sides to expand e-commerce, and support more Chinese companies to invest in Tajik mining.");
    expect(ms.map((m) => [m.phrase, m.cue])).toEqual([
      ["expand e-commerce", "encouraged … to"],
      ["support more Chinese companies to invest in Tajik mining", "encouraged … to"],
    ]);
  });
});

describe("reported futures, requests and targets", () => {
  it("reads 'said he would' as a commitment, but passing on greetings as courtesy", () => {
    const ms = run("Wang Yi said that he would visit Khujand next spring. Muhriddin said he would convey his sincere greetings to President Xi.");
    expect(ms.map((m) => m.phrase)).toEqual(["visit Khujand next spring"]);
  });

  it("reads a request to one side as that side's pledge, each listed action its own", () => {
    const ms = run("Muhriddin requested the Chinese side to help Tajikistan build a water treatment plant as well as to increase financial cooperation.");
    expect(ms.map((m) => [m.phrase, m.giver])).toEqual([
      ["help Tajikistan build a water treatment plant", "China"],
      ["increase financial cooperation", "joint"],
    ]);
  });

  it("keeps a numeric target whatever its subject, with the subject that is to reach it", () => {
    const ms = run("Wang Yi hoped that bilateral trade will reach US$5 billion by 2030. He said the partnership will bring benefits to both peoples.");
    expect(ms.map((m) => [m.phrase, m.title])).toEqual([["bilateral trade will reach US$5 billion by 2030", "Raise bilateral trade to US$5 billion by 2030"]]);
  });
});

describe("gerunds after a frame", () => {
  it("splits 'efforts in aligning …, and creating …' into two actions", () => {
    const ms = run("Wang Yi called on the two sides to put more efforts in aligning the Belt and Road Initiative with Tajikistan's development strategy, and creating a sound environment for the Dangara industrial park.");
    expect(ms).toHaveLength(2);
    expect(ms[1].phrase).toBe("creating a sound environment for the Dangara industrial park");
  });
});

describe("schedules and world slogans", () => {
  it("drops how long a visit lasts and opposing hegemony or bullying", () => {
    const ms = run("Muhriddin's visit will continue until March 6. The two sides will jointly oppose hegemony and bullying, and open a visa centre in Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a visa centre in Khujand"]);
  });
  it("drops attending a summit, but keeps hosting one", () => {
    const ms = run("Muhriddin said Tajikistan will take part in the upcoming summit of the Shanghai Cooperation Organization. Wang said China supports Tajikistan in hosting the next China-Central Asia Summit.");
    expect(ms.map((m) => m.phrase)).toEqual(["supports Tajikistan in hosting the next China-Central Asia Summit"]);
  });
  it("reads renewing momentum, virtuous circles, neighbourhood policy and strategic significance as rhetoric", () => {
    const ms = run("China will uphold the policy of building friendship and partnership with neighboring countries. The two sides should consolidate the momentum for renewing bilateral relations, create a virtuous circle, and open a direct flight between Dushanbe and Kashgar.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a direct flight between Dushanbe and Kashgar"]);
  });
  it("reads a high-level or all-weather community with a shared future as rhetoric", () => {
    const ms = run("The two sides will build a high-quality, high-level and high-standard China-Tajikistan community with a shared future. The two sides will jointly build an all-weather community with a shared future, and open a consulate in Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a consulate in Khujand"]);
  });
  it("reads what a side takes as its guide or opportunity as a frame, not a pledge", () => {
    const ms = run("China is ready to take high-quality Belt and Road cooperation as the guide. Tajikistan will take its chairmanship of the Shanghai Cooperation Organization (SCO) as an opportunity to work with all parties. The two sides will open a consulate in Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a consulate in Khujand"]);
  });
  it("reads turning a consensus into results as rhetoric, not a pledge", () => {
    const ms = run("The two sides agreed to translate the consensus of the two heads of state into tangible results, and to open a direct flight between Dushanbe and Urumqi.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a direct flight between Dushanbe and Urumqi"]);
  });
});

describe("calls made by a person with a long title", () => {
  it("takes the call's words, not the institution in the caller's title, and reads a firm support as support", () => {
    const ms = run("Wang Yi, member of the Political Bureau of the CPC Central Committee and Chinese foreign minister, held talks with Muhriddin on Monday, calling for firm mutual support in the face of external risks.");
    expect(ms.map((m) => m.phrase)).toEqual(["firm mutual support in the face of external risks"]);
    expect(ms[0].linkKeys).not.toContain("compan");
  });
});

describe("fragments that are no pledge", () => {
  it("keeps a verb with only its manner on the next verb's object", () => {
    const ms = run("The two sides agreed to work together to effectively control and properly settle differences at sea.");
    expect(ms.map((m) => m.phrase)).toEqual(["effectively control and properly settle differences at sea"]);
  });
  it("keeps supply chains and prevention and control as nouns, and splits a listed 'control'", () => {
    const ms = run("Tajikistan will expand trade with China, keep industrial and supply chains stable. The two sides will deepen cooperation in epidemic prevention and control. The two sides should maintain peace in border areas, control differences and open a new checkpoint.");
    expect(ms.map((m) => m.phrase)).toEqual([
      "expand trade with China",
      "keep industrial and supply chains stable",
      "deepen cooperation in epidemic prevention and control",
      "maintain peace in border areas",
      "control differences",
      "open a new checkpoint",
    ]);
  });
  it("takes the party after a comma as the subject, not an institution before it, and splits 'in addition to' off", () => {
    const ms = run("Making good use of the Intergovernmental Cooperation Committee and other mechanisms, the two sides should strengthen the alignment of development strategies. The two sides will step up cooperation between ministries in addition to expanding exchanges between localities.");
    expect(ms.map((m) => m.phrase)).toEqual(["strengthen the alignment of development strategies", "step up cooperation between ministries", "expanding exchanges between localities"]);
  });
  it("leaves out what an action is said to contribute to", () => {
    const ms = run("The two sides agreed to increase coordination at regional and international forums, contributing to global peace and prosperity.");
    expect(ms.map((m) => m.phrase)).toEqual(["increase coordination at regional and international forums"]);
  });
  it("drops a passive whose subject is rhetoric, a condition, thanks, and an ordinal before the subject", () => {
    const ms = run("The friendship between the two peoples is a precious asset that should be inherited and carried forward. As long as the two sides respect each other, their relations will be consolidated. Tajikistan will always remember and thank China for its help. Firstly, the two sides should open a new checkpoint.");
    expect(ms.map((m) => m.phrase)).toEqual(["open a new checkpoint"]);
  });

  it("drops a friendship handed on, a partnership described by what it features, a welcome at a ceremony, and a course kept", () => {
    const ms = run(
      "Wang Yi said the two sides should inherit and carry forward the friendship carefully nurtured by past generations. " +
        "China is ready to advance the partnership featuring mutual respect and lasting amity. " +
        "Muhriddin welcomed the visiting Chinese Foreign Minister Wang Yi at a ceremony in the capital. " +
        "The two sides should stick to the right direction of solidarity in the fight against floods. " +
        "China will continue the tradition of holding annual consultations and will help Tajikistan build two schools.",
    );
    expect(ms.map((m) => m.phrase)).toEqual(["continue the tradition of holding annual consultations", "help Tajikistan build two schools"]);
  });

  it("keeps the actions listed after 'work with … to consolidate', and reads a proposal told with a weekday and a clause between", () => {
    const work = run("Wang said China is ready to work with Tajikistan to consolidate political mutual trust, advance high-quality Belt and Road cooperation, and build a railway, so as to benefit the two peoples.");
    expect(work.map((m) => m.phrase)).toEqual(["advance high-quality Belt and Road cooperation", "build a railway"]);
    const proposal = run("Wang suggested Wednesday that China and Tajikistan, while ensuring epidemic control, gradually resume flights and advance major cooperation projects in an orderly manner.");
    expect(proposal.map((m) => [m.phrase, m.giver])).toEqual([
      ["gradually resume flights", "joint"],
      ["advance major cooperation projects in an orderly manner", "joint"],
    ]);
    // An initiative a side proposed is no proposal to the two sides.
    const aligned = run("The two sides should promote the alignment of the China-proposed Belt and Road Initiative and Tajikistan's development strategy.");
    expect(aligned.map((m) => m.phrase)).toEqual(["promote the alignment of the China-proposed Belt and Road Initiative and Tajikistan's development strategy"]);
  });

  it("takes a name on past its head while its words are capitalised", () => {
    const ms = run("The two sides should push forward major projects including the Dushanbe Port City and the Khujand Free Economic Zone.");
    expect(ms.map((m) => m.phrase)).toEqual(["Dushanbe Port City", "Khujand Free Economic Zone"]);
  });
});

