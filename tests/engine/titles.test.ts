import { describe, expect, it } from "vitest";
import { CLEARER_BY, makeTitle, titleClarity, titleFlaw } from "@/server/engine/titles";

describe("how clearly a title names its commitment", () => {
  it("prefers a concrete action over a frame verb, and either over a noun phrase", () => {
    expect(titleClarity("Build a cold storage warehouse in Khujand")).toBeGreaterThan(titleClarity("Strengthen cooperation in storage"));
    expect(titleClarity("Strengthen cooperation in storage")).toBeGreaterThan(titleClarity("Cooperation in storage and logistics"));
  });

  it("prefers a named, dated or counted commitment to a general one", () => {
    expect(titleClarity("Train 500 customs officers by 2027")).toBeGreaterThan(titleClarity("Train customs officers"));
  });

  it("marks down a title that points back instead of naming", () => {
    expect(titleClarity("Complete the railway link")).toBeGreaterThan(titleClarity("Complete it on schedule"));
  });

  it("asks for a clear margin before a title is replaced", () => {
    const vague = "Communication and coordination in regional affairs";
    const clear = "Hold annual consultations on regional security";
    expect(titleClarity(clear) - titleClarity(vague)).toBeGreaterThanOrEqual(CLEARER_BY);
    expect(Math.abs(titleClarity("Expand trade in dried fruit") - titleClarity("Increase trade in dried fruit"))).toBeLessThan(CLEARER_BY);
  });
});

describe("titles made from long wordings", () => {
  it("never end on a word that needs its complement", () => {
    const title = makeTitle("support the partner country in following a development path suited to its national conditions and in taking all measures");
    expect(title).not.toMatch(/\b(?:suited|to|in|and)$/);
    expect(title.split(" ").length).toBeLessThanOrEqual(12);
  });
});

describe("titles an analyst would write", () => {
  it("title a numeric target as raising it, and leave an effort to reach agreement as it is", () => {
    expect(makeTitle("two-way trade will reach US$6 billion by 2020")).toBe("Raise two-way trade to US$6 billion by 2020");
    expect(makeTitle("make joint efforts to reach consensus on the route")).not.toMatch(/^Raise/);
  });
  it("lead with the action's verb in its base form", () => {
    expect(makeTitle("choosing a development path of its own")).toBe("Choose a development path of its own");
    expect(makeTitle("Kyrgyzstan can step up its work on border checkpoints")).toBe("Step up its work on border checkpoints");
    expect(makeTitle("as well strengthen cooperation within the SCO")).toBe("Strengthen cooperation within the SCO");
    expect(makeTitle("stronger cultural exchanges between universities")).toBe("Pursue stronger cultural exchanges between universities");
    expect(makeTitle("the Days of Kyrgyz Cinema to be held next spring in Beijing")).toBe("Hold the Days of Kyrgyz Cinema next spring in Beijing");
  });
  it("turn a pledge told in the passive into the action on its subject", () => {
    expect(makeTitle("cooperation on water to be expanded")).toBe("Expand cooperation on water");
    expect(makeTitle("connectivity should be strengthened, with more to be done in rail transport")).toBe("Strengthen connectivity with more to be done in rail transport");
  });
  it("keep to one sentence and never end on a word that opens a clause or needs a noun", () => {
    expect(makeTitle("open new flights to Osh. Further routes are")).toBe("Open new flights to Osh");
    expect(makeTitle("support the reforms the government announced aimed at political")).toBe("Support the reforms the government announced");
  });
  it("stay near ten words, cut before examples, and never inside a name", () => {
    const examples = makeTitle("advance as scheduled the joint projects of the two countries including the Kambarata hydropower plant and the new railway");
    expect(examples).toBe("Advance as scheduled the joint projects of the two countries");
    const name = makeTitle("support the country's bid to take the chair of the Conference on Interaction and Confidence-Building Measures in Asia next year");
    expect(name.split(" ").length).toBeLessThanOrEqual(13);
    expect(name).not.toMatch(/Conference on$|Interaction$/);
  });
});

describe("titles of standing policies and events", () => {
  it("puts a policy told in the present into the base form", () => {
    expect(makeTitle("firmly sticks to the one-China principle")).toBe("Stick to the one-China principle");
    expect(makeTitle("firmly pursues an independent foreign policy")).toMatch(/^Pursue an independent foreign policy$/);
  });

  it("makes support for someone the verb", () => {
    expect(makeTitle("support for each other on questions of core interest")).toBe("Support each other on questions of core interest");
  });

  it("drops a subject of several words, agrees a second verb, and never ends on a possessive, a bare 'in areas' or inside a compound", () => {
    expect(makeTitle("South Africa would make good use of the new training centre")).toBe("Make good use of the new training centre");
    expect(makeTitle("supports and actively participates in the construction of the corridor")).toBe("Support and actively participate in the construction of the corridor");
    expect(makeTitle("continue offering assistance within its capacity for South Africa's economic and social development and poverty reduction")).toBe(
      "Continue offering assistance within its capacity",
    );
    expect(makeTitle("enhance practical cooperation with China in areas including trade, investment, agriculture and tourism")).toBe("Enhance practical cooperation with China");
    expect(makeTitle("strive for finishing the negotiation of the China-Maldives free trade agreement within this year as planned")).toBe(
      "Strive for finishing the negotiation of the China-Maldives free trade agreement",
    );
  });

  it("drops a manner adverb before the verb, and names what makes a title a fragment", () => {
    expect(makeTitle("gradually resume flights between the two capitals")).toBe("Resume flights between the two capitals");
    expect(makeTitle("never forget the help of the partner")).toBe("Never forget the help of the partner");
    expect(titleFlaw("Resume flights between the two capitals")).toBeNull();
    expect(titleFlaw("The construction of an economic corridor")).toBe("not led by a verb");
    expect(titleFlaw("Not be interfered with by any third party")).toBe("a passive");
    expect(titleFlaw("Continue offering assistance for the partner's")).toBe("ends on 'partner's'");
    expect(titleFlaw("Build a school…")).toBe("cut off");
  });

  it("titles a nominal action by its verb, and a goal told without any verb by the verb that pursues it", () => {
    expect(makeTitle("in the modernization of the country's water network")).toBe("Modernize the country's water network");
    expect(makeTitle("the establishment of a joint laboratory")).toBe("Establish a joint laboratory");
    expect(makeTitle("more direct flights between the two capitals")).toBe("Pursue more direct flights between the two capitals");
    expect(makeTitle("The memorandum on water cooperation")).toBe("Pursue the memorandum on water cooperation");
    for (const t of ["Modernize the country's water network", "Pursue more direct flights between the two capitals"]) expect(titleFlaw(t)).toBeNull();
  });
});

