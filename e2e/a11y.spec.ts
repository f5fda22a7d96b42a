import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const SCREENSHOTS = path.join("e2e", "artifacts", "screenshots");
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
];

let pages: { name: string; path: string }[] = [];

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const pledge = await client.query<{ id: number }>(
      `select id from "Pledge" where "mergedIntoId" is null order by "meetingCount" desc, "mentionCount" desc, id limit 1`,
    );
    const meeting = await client.query<{ id: number }>(
      `select "meetingId" as id from "Mention" group by 1 order by count(*) desc, 1 limit 1`,
    );
    pages = [
      { name: "overview", path: "/" },
      { name: "pledges", path: "/pledges" },
      { name: "pledge", path: `/pledges/${pledge.rows[0].id}` },
      { name: "meetings", path: "/meetings" },
      { name: "meeting", path: `/meetings/${meeting.rows[0].id}` },
      { name: "trends", path: "/trends" },
      { name: "not-found", path: "/pledges/2147483000" },
    ];
  } finally {
    await client.end();
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

for (const size of WIDTHS) {
  test(`every page has no serious or critical accessibility violation at ${size.name} width`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const target of pages) {
      await page.goto(target.path);
      await expect(page.locator("main h1").first()).toBeVisible();
      // Charts draw after hydration; wait for them so they are part of the check and the picture.
      if (target.name === "trends" || target.name === "overview") {
        await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary, `${target.path} at ${size.width}px`).toEqual([]);

      // No sideways page scroll on a phone: wide tables scroll inside their own box.
      const overflow = await page.evaluate(() => {
        const width = window.innerWidth;
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .slice(-5)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} "${(el.textContent ?? "").slice(0, 40)}"`);
        return { by: document.documentElement.scrollWidth - width, wide };
      });
      expect(overflow.by, `${target.path} scrolls sideways at ${size.width}px: ${overflow.wide.join("; ")}`).toBeLessThanOrEqual(0);

      const file = path.join(SCREENSHOTS, `${target.name}-${size.width}.png`);
      const shot = await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${target.name}-${size.width}`, { body: shot, contentType: "image/png" });
    }
  });
}
