import { describe, expect, it } from "vitest";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions } from "@/server/engine/extract-mentions";
import { mentionsIn } from "./support";

const HEAD = "Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese Foreign Minister Wang Yi held talks with Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe.\n\n";
const run = (body: string) => mentionsIn(HEAD, body);

describe("pledge or not", () => {
  it("takes future commitments with their cue and firmness", () => {
    const ms = run("Wang Yi said China will build a vocational school in Khujand. Tajikistan is ready to expand exports of fruit to China. The two sides should speed up the construction of the Dushanbe bypass road. Muhriddin said Tajikistan hopes to attract Chinese investment in textiles.");
    expect(ms.map((m) => m.firmness)).toEqual([4, 3, 2, 1]);
    expect(ms[0].giver).toBe("China");
    expect(ms[0].receiver).toBe("Tajikistan");
    expect(ms[2].giver).toBe("joint");
    // Exports to China are China's import commitment.
    expect(ms[1].giver).toBe("China");
  });
  it("skips the past, praise and relationship rhetoric", () => {
    const ms = run("China-Tajikistan relations have reached a historic high. The two sides signed a joint statement. Wang Yi noted that cooperation has achieved fruitful results. Wang Yi praised Tajikistan's support. China is willing to carry forward everlasting friendship and lift relations to a new level. This will be the first such school.");
    expect(ms).toEqual([]);
  });
  it("reads numbered suggestions as pledges", () => {
    const ms = run("Wang Yi put forward three suggestions: First, strengthen security cooperation. Second, expand mineral resource development.");
    expect(ms.map((m) => m.phrase)).toEqual(["strengthen security cooperation", "expand mineral resource development"]);
    expect(ms[0].cue).toBe("First, …");
  });
});

describe("what the action is for", () => {
  it("leaves out a purpose after the action, but keeps an action handed to an object", () => {
    const ms = run("Wang Yi called on the two sides to keep deepening law-enforcement cooperation to protect their shared interests, and to open a new border crossing. China will encourage its companies to invest in the region. The two sides will expand trade for the benefit of the two peoples.");
    expect(ms.map((m) => m.phrase)).toEqual([
      "keep deepening law-enforcement cooperation",
      "open a new border crossing",
      "encourage its companies to invest in the region",
      "expand trade",
    ]);
  });
  it("keeps a frame and a listed infinitive", () => {
    const ms = run("The two sides agreed to work together to guard the border and to build a road to Khorog.");
    expect(ms.map((m) => m.phrase)).toEqual(["guard the border", "build a road to Khorog"]);
  });
});

describe("fragments and rhetoric", () => {
  it("drops the action a page cut off mid-sentence begins, and keeps the ones before it", () => {
    const ms = run("The two sides will expand trade in fruit, open a consulate in Osh and promote cooperation in processing and trad");
    expect(ms.map((m) => m.phrase)).toEqual(["expand trade in fruit", "open a consulate in Osh"]);
  });
  it("ends an action at an attribution or a time clause", () => {
    const ms = run("China will build a new dry port, Chinese Foreign Minister Wang Yi said Monday. Tajikistan will open a trade office after Wang Yi visited Khujand.");
    expect(ms.map((m) => m.phrase)).toEqual(["build a new dry port", "open a trade office"]);
  });
  it("keeps a two-word action with its object apart from the next action", () => {
    const ms = run("The two sides will improve connectivity and enhance the volume of rail freight.");
    expect(ms.map((m) => m.phrase)).toEqual(["improve connectivity", "enhance the volume of rail freight"]);
  });
  it("leaves out slogans about the whole world, but keeps a named global initiative", () => {
    const ms = run("The two sides will make greater contributions to world peace, safeguard the interests of developing countries and jointly implement the Global Development Initiative.");
    expect(ms.map((m) => m.phrase)).toEqual(["jointly implement the Global Development Initiative"]);
  });
  it("takes welcoming a guest to a place for hospitality, not a pledge", () => {
    expect(run("Muhriddin warmly welcomed Foreign Minister Wang Yi to Dushanbe. Tajikistan welcomes him and his delegation.")).toEqual([]);
    expect(run("Tajikistan welcomes Chinese companies to invest in mining.").map((m) => m.giver)).toEqual(["China"]);
  });
  it("leads a passive pledge with its subject, and titles it with the action", () => {
    const ms = run("Wang Yi said water cooperation should be deepened, with more to be done in irrigation. Cooperation on mining needs to be expanded, he said.");
    expect(ms.map((m) => m.phrase)).toEqual(["water cooperation should be deepened, with more to be done in irrigation", "Cooperation on mining"]);
    expect(ms.map((m) => m.title)).toEqual(["Deepen water cooperation with more to be done in irrigation", "Expand cooperation on mining"]);
  });
  it("takes bare frames for rhetoric", () => {
    expect(run("The two sides will join hands and tap potentials.")).toEqual([]);
  });
  it("takes manner words and slogans for rhetoric", () => {
    expect(run("The two sides will vigorously carry forward their permanent friendship and practice true multilateralism.")).toEqual([]);
  });
});

describe("one sentence, several pledges", () => {
  it("keeps the actions handed to a third party as one pledge about it, and splits what follows", () => {
    const ms = run("The two sides will encourage the Afghan authorities to form an inclusive government, fight drug production, and rebuild the economy, resolutely crack down on smuggling, and open a new border market.");
    expect(ms.map((m) => m.phrase)).toEqual([
      "encourage the Afghan authorities to form an inclusive government, fight drug production, and rebuild the economy",
      "resolutely crack down on smuggling",
      "open a new border market",
    ]);
  });
  it("splits a list of gerunds under one frame into actions", () => {
    const ms = run("China firmly supports Tajikistan in guarding its borders, choosing a development path of its own, and fighting drug trafficking.");
    expect(ms.map((m) => m.phrase)).toEqual([
      "firmly supports Tajikistan in guarding its borders",
      "choosing a development path of its own",
      "fighting drug trafficking",
    ]);
    expect(ms.every((m) => m.giver === "China")).toBe(true);
  });
  it("splits a list of named institutions, each with its own span", () => {
    const ms = run("The role of the Confucius Institutes, Luban Workshop and Center for Traditional Medicine should be fully leveraged, Wang said.");
    expect(ms.map((m) => m.phrase)).toEqual(["Confucius Institutes", "Luban Workshop", "Center for Traditional Medicine"]);
    expect(new Set(ms.map((m) => m.quote)).size).toBe(1);
    expect(ms.map((m) => m.topic)).toEqual(["education-culture", "education-culture", "health"]);
  });
  it("splits named initiatives listed under one verb", () => {
    const ms = run("Tajikistan is ready to take an active part in the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative.");
    expect(ms.map((m) => m.phrase)).toEqual(["Global Development Initiative", "Global Security Initiative", "Global Civilization Initiative"]);
  });
  it("keeps think tanks in a list of exchange partners: a noun, not a new action", () => {
    const ms = run("The two sides should support more exchanges between the youth, media, think tanks and universities of the two countries.");
    expect(ms.map((m) => m.phrase)).toEqual(["support more exchanges between the youth, media, think tanks and universities of the two countries"]);
  });
  it("keeps a list of generic areas under one verb as one pledge", () => {
    const ms = run("Wang called on the two sides to step up cooperation on green energy, digital economy and e-commerce.");
    expect(ms).toHaveLength(1);
    expect(ms[0].phrase).toBe("step up cooperation on green energy, digital economy and e-commerce");
  });
  it("splits coordinated verb phrases", () => {
    const ms = run("China is willing to increase its imports of quality agricultural products from Tajikistan and encourages capable Chinese enterprises to invest in Tajikistan.");
    expect(ms.map((m) => m.phrase)).toEqual(["increase its imports of quality agricultural products from Tajikistan", "encourages capable Chinese enterprises to invest in Tajikistan"]);
  });
});

describe("firmness and specificity", () => {
  it("rates vague pledges 0 and named, dated projects higher", () => {
    const [vague, named] = run("The two sides should deepen cooperation in connectivity. China will open a second Luban Workshop in Samarkand next year.");
    expect(vague.specificity).toBe(0);
    expect(named.specificity).toBe(3);
    expect(named.firmness).toBe(4);
  });
});

describe("titles", () => {
  it("writes short readable titles", () => {
    const ms = run("Xi expressed China's readiness to expand the import of high-quality Tajik farm products and accelerate the building of a Luban Workshop in Tajikistan. China welcomes more Chinese enterprises to invest in Tajikistan and opposes any external interference in Tajikistan's internal affairs under any pretext whatsoever and in any form or manner.");
    expect(ms.map((m) => m.title)).toEqual([
      "Expand the import of high-quality Tajik farm products",
      "Build a Luban Workshop in Tajikistan",
      "Welcome more Chinese enterprises to invest in Tajikistan",
      "Oppose any external interference in Tajikistan's internal affairs",
    ]);
  });
});

describe("coordinated actions found by their grammar", () => {
  it("splits a list of actions whose verbs are not in the cue vocabulary", () => {
    const text = "Talks\nPublished: 2021-03-04\n\nOn Wednesday the two foreign ministers held talks in Beijing. The two sides agreed to widen cooperation in culture and tourism, intensify cooperation in customs and quarantine, and revitalise the joint commission on navigation.";
    const phrases = extractMentions(text, parseReadout(text)).map((m) => m.phrase);
    expect(phrases.some((p) => /^widen cooperation in culture and tourism$/.test(p))).toBe(true);
    expect(phrases.some((p) => /^intensify cooperation in customs and quarantine$/.test(p))).toBe(true);
    expect(phrases.some((p) => /^revitalise the joint commission on navigation/.test(p))).toBe(true);
  });
  it("keeps coordinated nouns of one action together", () => {
    const text = "Talks\nPublished: 2021-03-04\n\nOn Wednesday the two foreign ministers held talks in Beijing. The two sides agreed to widen cooperation in culture, tourism and education.";
    const phrases = extractMentions(text, parseReadout(text)).map((m) => m.phrase);
    expect(phrases).toEqual(["widen cooperation in culture, tourism and education"]);
  });
});

describe("commitments told as nouns", () => {
  const text = (s: string) => `Talks\nPublished: 2021-03-04\n\nOn Wednesday Chinese Foreign Minister Wang Yi held talks with Kyrgyz Foreign Minister Ruslan Kazakbaev in Beijing. ${s}`;
  it("takes every action after 'underscored China's readiness to'", () => {
    const t = text("Wang underscored China's readiness to expand imports of Kyrgyz fruit, build a logistics hub in Osh and equip local laboratories.");
    const phrases = extractMentions(t, parseReadout(t)).map((m) => m.phrase);
    expect(phrases).toEqual(["expand imports of Kyrgyz fruit", "build a logistics hub in Osh", "equip local laboratories"]);
  });
  it("reads 'underlined the need to' and 'called for' as commitments", () => {
    const t = text("Kazakbaev underlined the need to simplify border crossing procedures. Wang called for closer cooperation on water resources.");
    const phrases = extractMentions(t, parseReadout(t)).map((m) => m.phrase);
    expect(phrases).toEqual(["simplify border crossing procedures", "closer cooperation on water resources"]);
  });
});

describe("the end of a commitment", () => {
  it("stops before a further predicate of the same subject and before the closing quote of the sentence", () => {
    const ms = run("Muhriddin said Tajikistan firmly adheres to the one-China principle and is committed to expanding fruit exports to China. The statement read: “The two sides reaffirmed support for each other on issues of core interest.”");
    const phrases = ms.map((m) => m.phrase);
    expect(phrases).toContain("firmly adheres to the one-China principle");
    expect(phrases.some((p) => /^support for each other on issues of core interest$/.test(p))).toBe(true);
    expect(ms.find((m) => m.phrase.startsWith("firmly adheres"))!.title).toBe("Adhere to the one-China principle");
  });

  it("takes an agreement that will enter into force as the pledge to bring it into force", () => {
    const ms = run("Wang Yi noted that the agreement on mutual visa exemption will take effect in June.");
    expect(ms).toHaveLength(1);
    expect(ms[0].phrase).toMatch(/^the agreement on mutual visa exemption$/);
    expect(ms[0].title).toBe("Bring the agreement on mutual visa exemption into force");
  });

  it("leaves out a reporting clause joined with 'and'", () => {
    const ms = run("Wang Yi said the two sides will jointly fight drug trafficking, and added that both countries value their friendship.");
    expect(ms[0].phrase).toBe("fight drug trafficking");
  });
});

describe("relationship rhetoric", () => {
  it("takes consolidating friendship, handing it down and setting an example as rhetoric", () => {
    const ms = run("Wang Yi said the two sides should consolidate their good-neighborly and friendly cooperation, pass on the traditional friendship from generation to generation and set a model for the broader neighborhood. China will build a clinic in Kulob.");
    expect(ms.map((m) => m.phrase)).toEqual(["build a clinic in Kulob"]);
  });
});

describe("commitments told as proposals, gerund lists and in the first person", () => {
  it("reads 'the two countries can …' after a reporting clause as a list of joint proposals", () => {
    const ms = run("Wang Yi said China is willing to import more lemons from Tajikistan, adding that the two countries can open a new bus route, step up youth exchanges, and advance the talks on a customs agreement.");
    expect(ms.map((m) => [m.phrase, m.giver])).toEqual([
      ["import more lemons from Tajikistan", "China"],
      ["open a new bus route", "joint"],
      ["step up youth exchanges", "joint"],
      ["advance the talks on a customs agreement", "joint"],
    ]);
  });

  it("does not read 'can' after a subject that is an activity as a proposal", () => {
    const ms = run("Wang Yi said that building roads between China and Tajikistan can not only help both economies grow but also set an example for the region.");
    expect(ms).toEqual([]);
  });

  it("splits gerunds listed after 'committed to', but not at 'including'", () => {
    const ms = run("Muhriddin said Tajikistan is committed to combating drug trafficking, expanding fruit exports and improving border checkpoints. Wang Yi stressed the importance of implementing the agreed power projects, including in the field of hydropower, where Tajikistan has great reserves.");
    expect(ms.map((m) => m.title)).toEqual(["Combat drug trafficking", "Expand fruit exports", "Improve border checkpoints", "Implement the agreed power projects"]);
  });

  it("takes a first-person promise", () => {
    const ms = run("Muhriddin said: I am ready to visit Beijing again next spring for the intergovernmental committee.");
    expect(ms).toHaveLength(1);
    expect(ms[0].giver).toBe("Tajikistan");
  });
});

describe("agreements, oppositions and trailing actions", () => {
  it("reads 'agreed on', 'opposes', a 'well'-led action and ', while' with a gerund as commitments", () => {
    const ms = run("The two sides agreed on further cooperation in hydropower. Wang Yi urged both sides to boost the alignment of their development strategies, well implement the agreed road projects, while promoting balanced trade. China firmly opposes any external interference in Tajikistan's internal affairs.");
    expect(ms.map((m) => m.title)).toEqual([
      "Pursue cooperation in hydropower",
      "Boost the alignment of their development strategies",
      "Implement the agreed road projects",
      "Promote balanced trade",
      "Oppose any external interference in Tajikistan's internal affairs",
    ]);
  });
});

describe("standing policies told in the present", () => {
  it("takes 'abides by' and 'upholds' as the speaker's side's commitment", () => {
    const ms = run("Muhriddin said Tajikistan firmly abides by the one-China principle and upholds the outcomes of the border talks.");
    expect(ms.map((m) => [m.title, m.giver])).toEqual([
      ["Abide by the one-China principle", "Tajikistan"],
      ["Uphold the outcomes of the border talks", "Tajikistan"],
    ]);
  });
});

describe("a participle that tells where a named thing came from", () => {
  it("ends the commitment before ', proposed by …' or ', announced in …'", () => {
    const ms = run("Muhriddin said Tajikistan supports the Global Development Initiative, proposed by President Xi in 2021.");
    expect(ms.map((m) => m.phrase)).toEqual(["supports the Global Development Initiative"]);
  });
});

describe("willingness in other words, editors' insertions, and who put a thing forward", () => {
  it("takes 'I am willing to' from a speaker whose subject is 'I'", () => {
    const ms = run("Muhriddin said the new road mattered to both countries. I am willing to open a trade office in Khorog and keep close contacts with you.");
    expect(ms.map((m) => [m.title, m.giver])).toEqual([
      ["Open a trade office in Khorog", "Tajikistan"],
      ["Keep close contacts with you", "Tajikistan"],
    ]);
  });

  it("reads gladness to act as willingness, but not gladness to see", () => {
    const ms = run("Tajikistan is pleased to expand cooperation with China in hydropower. Wang Yi is glad to see the progress of the bypass road. The ministries are speeding up their talks, hoping to sign a visa agreement within the year.");
    expect(ms.map((m) => m.title)).toEqual(["Expand cooperation with China in hydropower", "Sign a visa agreement within the year"]);
  });

  it("splits at an editor's '[and]' and at a manner adverb before a verb", () => {
    const ms = run('Wang Yi said: "China will support your reforms, help train engineers in Khujand, [and] categorically oppose interference in your internal affairs."');
    expect(ms.map((m) => m.title)).toEqual(["Support your reforms", "Help train engineers in Khujand", "Oppose interference in your internal affairs"]);
  });

  it("ends a listed action before 'announced by …' or 'reached by …', and goes on to the next", () => {
    const ms = run("Wang Yi said China supports the reforms announced by the Tajik President. China is ready to implement the agreements reached by the two heads of state, expand fruit imports and build a school in Kulob.");
    expect(ms.map((m) => m.phrase)).toEqual(["supports the reforms", "implement the agreements", "expand fruit imports", "build a school in Kulob"]);
  });
});

describe("promises told in the past, as offers, participles and hopes about the other side", () => {
  it("takes 'hoped to', 'reiterated X's offer to' and 'promising to'", () => {
    const ms = run("Wang Yi said China hoped to move ahead with the Vahdat road. Muhriddin reiterated Tajikistan's offer to send a team of engineers to Xinjiang. Tajikistan firmly sticks to the one-China principle, said Muhriddin, promising to spare no effort in ensuring the safety of Chinese staff in Tajikistan.");
    expect(ms.map((m) => m.title)).toEqual([
      "Move ahead with the Vahdat road",
      "Send a team of engineers to Xinjiang",
      "Stick to the one-China principle",
      "Spare no effort in ensuring the safety of Chinese staff in Tajikistan",
    ]);
  });

  it("reads support reaffirmed in a participle or next to a commitment, and titles mutual support as backing each other", () => {
    const ms = run("The two ministers noted the good state of relations, reaffirming their mutual support on core issues. They reaffirmed the unwavering support to each other on border security and expressed continued commitment and support for the Dushanbe–Kulma road.");
    expect(ms.map((m) => m.title)).toEqual([
      "Support each other on core issues",
      "Support each other on border security",
      "Support the Dushanbe–Kulma road",
    ]);
  });

  it("gives a hope about the other side to that side", () => {
    const ms = run("Wang Yi said he hopes that Tajikistan can enhance its efforts in protecting Chinese staff and their projects.");
    expect(ms).toHaveLength(1);
    expect(ms[0].giver).toBe("Tajikistan");
    expect(ms[0].phrase).toBe("enhance its efforts in protecting Chinese staff and their projects");
    expect(ms[0].antecedent).toBeUndefined();
  });

  it("keeps what a plan is for past a time, and ends at an appositive ', part of …'", () => {
    const ms = run("China and Tajikistan pledged to develop a plan by the end of the year to create a trade corridor, part of their efforts to deepen ties.");
    expect(ms.map((m) => m.phrase)).toEqual(["develop a plan by the end of the year to create a trade corridor"]);
  });

  it("keeps 'upgraded versions of' with the first named thing of a list", () => {
    const ms = run("China stands ready to work with Tajikistan to build upgraded versions of the Dushanbe Industrial Park and the Khatlon Free Trade Zone.");
    expect(ms.map((m) => m.phrase)).toEqual(["upgraded versions of the Dushanbe Industrial Park", "Khatlon Free Trade Zone"]);
  });
});

describe("lifting the relationship, grounds and forecasts", () => {
  it("drops lifting the relationship to a new level, and ends an action at 'based on …'", () => {
    const ms = run("China stands ready to push China-Tajikistan relations to a new high and expand cooperation in hydropower based on mutual trust. Wang Yi stressed China's commitment to taking the China-Tajikistan economic partnership to a new level.");
    expect(ms.map((m) => m.phrase)).toEqual(["expand cooperation in hydropower"]);
  });

  it("ends a commitment at a full stop inside a quotation", () => {
    const ms = run("Muhriddin said: “Tajikistan will open a trade house in Kashgar. Trade between our states is growing fast. We will simplify customs checks at Karamyk.”");
    expect(ms.map((m) => m.phrase)).toEqual(["open a trade house in Kashgar", "simplify customs checks at Karamyk"]);
  });

  it("reads a year that 'will open up prospects' as a forecast, whatever its relative clause names", () => {
    const ms = run("Muhriddin said 2025, which was declared the year of Tajik tourism in China, will open up great prospects for this sphere.");
    expect(ms).toEqual([]);
  });
});

describe("slogans that name nothing to track", () => {
  it("drops a verb with nothing but rhetoric after it, spirits, chapters and world slogans", () => {
    const ms = run("The two sides should uphold true multilateralism and further elevate the level of bilateral relations. China is ready to carry forward the Silk Road spirit with Tajikistan, write a new chapter of China-Tajikistan relations and make the pie of cooperation bigger. Both sides should enrich the content of the partnership and oppose hegemonism and power politics. China will build a hospital in Kulob.");
    expect(ms.map((m) => m.title)).toEqual(["Build a hospital in Kulob"]);
  });

  it("keeps the 'never' of a promise in its title", () => {
    const ms = run("Muhriddin said Tajikistan will never allow any force to use its territory against China.");
    expect(ms.map((m) => m.title)).toEqual(["Never allow any force to use its territory against China"]);
  });
});
