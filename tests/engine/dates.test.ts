import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseReadout } from "@/server/engine/parse-readout";
import { dateFromUrl, lastWeekdayOnOrBefore } from "@/server/engine/dates";

const seedDir = path.resolve(import.meta.dirname, "../../seeds");

describe("meeting date", () => {
  it("resolves all five seeds", () => {
    const want: Record<string, string> = { "000": "2025-11-22", "001": "2022-08-01", "002": "2024-07-05", "003": "2025-06-17", "004": "2022-02-05" };
    for (const f of readdirSync(seedDir).filter((x) => x.endsWith(".txt"))) {
      expect(parseReadout(readFileSync(path.join(seedDir, f), "utf8")).meetingDate, f).toBe(want[f.slice(0, 3)]);
    }
  });
  it("takes an explicit date", () => {
    const p = parseReadout("Talks held\nUpdated: November 25, 2025 10:00\n\nOn the afternoon of November 22, 2025 local time, the ministers held talks in Dushanbe.");
    expect(p.meetingDate).toBe("2025-11-22");
    expect(p.dateEvidence).toContain("On the afternoon of November 22, 2025 local time");
  });
  it("takes the day the text says the meeting was held over a later dateline", () => {
    const p = parseReadout("Leaders meet\n\nDushanbe, 12 March 2024 (Agency): President Xi Jinping met President Emomali Rahmon during his state visit. The talks were held on the evening of March 11 at the palace.\n\nThe two sides agreed to build a new school.");
    expect(p.meetingDate).toBe("2024-03-11");
    expect(p.dateEvidence).toContain("dateline");
    const same = parseReadout("Leaders meet\n\nDushanbe, 12 March 2024 (Agency): President Xi Jinping met President Emomali Rahmon on Tuesday.\n\nThe two sides agreed to build a new school.");
    expect(same.meetingDate).toBe("2024-03-12");
  });
  it("takes the dated day of the meeting after a dateline without a year, over a later weekday", () => {
    const p = parseReadout("Ministers speak by phone\n\nDushanbe (Agency), Mar. 12 – At 16:00 of 11 March 2024, the foreign ministers held a telephone conversation.\nAccording to a statement issued on Tuesday, the two sides agreed to build a new school.", { sourceUrl: "https://example.org/news/2024-03-12-ministers.html" });
    expect(p.meetingDate).toBe("2024-03-11");
    expect(p.dateEvidence).toContain("before the dateline");
  });
  it("reads a weekday against a dateline in parentheses", () => {
    const p = parseReadout("Leaders speak by phone\n\nMOSCOW (Agency - 12th June, 2020) President Xi Jinping on Thursday during phone talks with President Emomali Rahmon said China will send doctors to Dushanbe.");
    expect(p.meetingDate).toBe("2020-06-11");
  });
  it("reads a long first line wrapped mid-sentence as article text, not as the title", () => {
    const p = parseReadout("Chinese President Xi Jinping met with Tajik President Emomali Rahmon in Dushanbe on Friday, agreeing to promote cooperation in various fields including the Belt and Road\nInitiative.\nUpdated: 2019-06-15\n\nThe two leaders agreed to build a new school.");
    expect(p.sentences[0].text).toMatch(/^Chinese President Xi Jinping met/);
    expect(p.meetingDate).toBe("2019-06-14");
  });
  it("never reads a day without a year as most of a year before publication", () => {
    const p = parseReadout("China, Tajikistan sign deal\nUpdated: 2014-01-20 18:31\n\nChina and Tajikistan agreed on a five-year cooperation roadmap on Jan 20. The prime minister's visit will continue until Jan 23.");
    expect(p.meetingDate).toBe("2014-01-20");
  });
  it("reads a day without a year before the years the text looks ahead to", () => {
    const ahead = parseReadout("Leaders meet\n\nPrime Minister Kokhir Rasulzoda held talks with Premier Li Qiang in Beijing on May 17. Rasulzoda invited Li to visit Dushanbe in 2019. Li said trade will reach US$3 billion by 2021.");
    expect(ahead.meetingDate).toBe("2018-05-17");
    expect(ahead.dateEvidence).toContain("looks ahead");
    const past = parseReadout("Leaders meet\n\nPrime Minister Kokhir Rasulzoda held talks with Premier Li Qiang in Beijing on May 17. The two countries established ties in 1992 and signed a treaty in 2013. Rasulzoda invited Li to visit Dushanbe in 2019.");
    expect(past.meetingDate).toBe("2013-05-17");
  });
  it("resolves a weekday against the publication date", () => {
    const p = parseReadout("Talks\nPublished: 19 May 2023\n\nOn Wednesday, the minister received the ambassador for a meeting.");
    expect(p.meetingDate).toBe("2023-05-17");
    expect(p.dateEvidence).toMatch(/weekday "On Wednesday" before publication 2023-05-19/);
    expect(lastWeekdayOnOrBefore("2025-06-17", 2)).toBe("2025-06-17");
  });
  it("prefers a caption date that agrees with the weekday", () => {
    const t = "Xi meets Rahmon\n\nRelease Date:2022-02-14 10:08:06\n\nXi meets Rahmon in Beijing, Feb. 5, 2022. (Xinhua/Li Xiang)\n\nXi on Saturday met with Rahmon.";
    expect(parseReadout(t).meetingDate).toBe("2022-02-05");
  });
  it("ignores a caption date on a different weekday", () => {
    const t = "Xi meets Rahmon\n\nRelease Date:2022-02-14 10:08:06\n\nXi meets Rahmon in Beijing, Feb. 4, 2022. (Xinhua/Li Xiang)\n\nXi on Saturday met with Rahmon.";
    expect(parseReadout(t).meetingDate).toBe("2022-02-12");
  });
  it("returns null without any date, unless the caller gives one", () => {
    const t = "Talks\n\nThe two sides held talks and agreed to build a road.";
    expect(parseReadout(t).meetingDate).toBeNull();
    expect(parseReadout(t, { meetingDate: "2024-01-02" }).meetingDate).toBe("2024-01-02");
  });
});

describe("numeric dates and pages that name no day", () => {
  it("reads year-first numeric dates", () => {
    const p = parseReadout("Talks\n\nOn 2018/4/27 the two foreign ministers held talks in Beijing.");
    expect(p.meetingDate).toBe("2018-04-27");
  });
  it("reads day-first dotted dates, and a second number over 12 as the day", () => {
    expect(parseReadout("Talks\n\nOn 14.03.2017 the ministers held talks in Astana.").meetingDate).toBe("2017-03-14");
    expect(parseReadout("Talks\n\nOn 03.14.2017 the ministers held talks in Astana.").meetingDate).toBe("2017-03-14");
  });
  it("reads an ambiguous numeric date in the page's own order, and says what the other reading was", () => {
    const monthFirst = "Talks\nPosted 12/25/2019\n\nOn 12/05/2019 the ministers held talks in Tashkent.";
    const p = parseReadout(monthFirst);
    expect(p.meetingDate).toBe("2019-12-05");
    expect(p.dateEvidence).toMatch(/month-first because the page also writes 12\/25\/2019, the other reading is 2019-05-12/);
    const dayFirst = parseReadout("Talks\n\nOn 05.12.2019 the ministers held talks in Tashkent.");
    expect(dayFirst.meetingDate).toBe("2019-12-05");
    expect(dayFirst.dateEvidence).toMatch(/day-first because no date on the page decides/);
  });
  it("takes an unlabelled numeric header date as the publication date, and that date when the text names no day", () => {
    const p = parseReadout("The president met the premier\n\n9-06-2018, 15:47.\n\nOn the sidelines of the summit in Qingdao the president had a meeting with the premier.");
    expect(p.publishedAt).toBe("2018-06-09");
    expect(p.meetingDate).toBe("2018-06-09");
    expect(p.dateEvidence).toMatch(/names no day of its own; publication date 2018-06-09 assumed/);
  });
  it("dates a day without a year from the page's address, else the latest year the text names, and says so", () => {
    const text = "Talks\n\nOn May 18 the two presidents held talks in the capital.";
    const byAddress = parseReadout(text, { sourceUrl: "https://example.org/eng/zgyw/202305/t20230520_11080742.htm" });
    expect(byAddress.publishedAt).toBe("2023-05-20");
    expect(byAddress.meetingDate).toBe("2023-05-18");
    expect(byAddress.dateEvidence).toMatch(/publication date from the page's address \(20230520\)/);
    const byMonth = parseReadout(text, { sourceUrl: "https://example.org/2021/05/presidents-hold-talks/" });
    expect(byMonth.meetingDate).toBe("2021-05-18");
    expect(byMonth.dateEvidence).toMatch(/year from the page's address/);
    const byText = parseReadout(`${text} They agreed to review the 2019 agreement in 2020.`);
    // "the 2019 agreement" has been signed; its review "in 2020" is still to come.
    expect(byText.meetingDate).toBe("2019-05-18");
    expect(byText.dateEvidence).toMatch(/"May 18", year from the year before 2020, the first year the text looks ahead to/);
    const bare = parseReadout(text);
    expect(bare.meetingDate).not.toBeNull();
    expect(bare.dateEvidence).toMatch(/the text names no year/);
  });
  it("dates a day without a year from the multilateral meeting the talks were held at, by host city and month or by ordinal", () => {
    const at = (day: string, where: string) => parseReadout(`Talks\n\nThe two presidents held talks on ${day} on the sidelines of ${where}.\n\nThey agreed to expand trade.`);
    const qingdao = at("12 June", "the summit of the Shanghai Cooperation Organization in Qingdao");
    expect(qingdao.meetingDate).toBe("2018-06-12");
    expect(qingdao.dateEvidence).toMatch(/year from the SCO summit in Qingdao it names, held in 2018/);
    // The SCO met in Astana twice: the day's month tells which.
    expect(at("June 9", "the SCO summit in Astana").meetingDate).toBe("2017-06-09");
    expect(at("July 3", "the SCO summit in Astana").meetingDate).toBe("2024-07-03");
    expect(at("September 5", "the 4th Eastern Economic Forum in the port city").meetingDate).toBe("2018-09-05");
    expect(at("November 4", "the second China International Import Expo").meetingDate).toBe("2019-11-04");
    // A meeting months away from the day, or a city in another sentence, gives no year.
    expect(at("December 2", "the SCO summit in Qingdao").dateEvidence).toMatch(/the text names no year/);
    const elsewhere = parseReadout("Talks\n\nThe two presidents held talks on June 12 at the SCO summit. Qingdao is a port city.");
    expect(elsewhere.dateEvidence).toMatch(/the text names no year/);
  });
  it("completes a year-less dateline from the weekday the meeting is told on", () => {
    // April 14 fell on a Thursday in 2022, and does again only in 2033.
    const p = parseReadout("Talks\n\nASTANA, April 14: The foreign minister held talks with his visiting counterpart on Thursday in the capital.");
    expect(p.meetingDate).toBe("2022-04-14");
    expect(p.dateEvidence).toMatch(/weekday it names/);
  });
  it("reads the publication day from the address forms news and ministry sites use", () => {
    const cases: [string, string | null][] = [
      ["http://en.example.cn/n3/2021/0908/c90000-9893279.html", "2021-09-08"],
      ["http://www.example.com.cn/world/2014-05/19/content_17516217.htm", "2014-05-19"],
      ["http://en.example.cn/China/201606/t20160623_8177220.htm", "2016-06-23"],
      ["http://www.example.net/20130910/31611.aspx", "2013-09-10"],
      ["https://example.com/2025/02/05/presidents-discuss/", "2025-02-05"],
      ["http://www.example.cn/2018/04-26/300505.shtml", "2018-04-26"],
      ["https://www.example.com.pk/03-Nov-2022/president-says", "2022-11-03"],
      ["https://www.example.com/news/Presidency-2018-10-13-Premier-meets-27420711/", "2018-10-13"],
      ["https://www.example.cn/a/201908/28/WS5d661be3a310cf3e35568586.html", "2019-08-28"],
      ["https://www.example.gov.cn/eng/zgxw/t1077575.htm", null],
      ["https://example.kg/english/319009_Talks_between_leaders/", null],
      ["not an address", null],
    ];
    for (const [url, want] of cases) expect(dateFromUrl(url)?.precision === "day" ? dateFromUrl(url)!.iso : null, url).toBe(want);
  });
  it("takes last week as a week before publication, and says the day is assumed", () => {
    const p = parseReadout("Talks\nPublished: 12 March 2024\n\nThe ministers held talks in Beijing last week.");
    expect(p.meetingDate).toBe("2024-03-05");
    expect(p.dateEvidence).toMatch(/"last week" before publication 2024-03-12 \(the text names no day/);
  });
  it("prefers the page's printed date to its address", () => {
    const p = parseReadout("Talks\nPublished: 21 May 2023\n\nThe ministers held talks in Beijing.", { sourceUrl: "https://example.org/2023/05/18/talks/" });
    expect(p.publishedAt).toBe("2023-05-21");
  });
  it("dates an arrival sentence", () => {
    const p = parseReadout("Visit\nPublished: 2022-09-15\n\nThe president arrived in Astana on September 14 for talks.\n\nOn September 15 the two leaders will sign documents.");
    expect(p.meetingDate).toBe("2022-09-14");
  });
});
