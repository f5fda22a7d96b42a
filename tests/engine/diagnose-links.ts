import { evaluate, loadGold } from "@/server/bench/gold";
for (const name of ["seeds", "generalisation"]) {
  const g = loadGold(name);
  const f = evaluate(g);
  console.log("=====", name);
  for (const p of f.result.pledges) {
    if (p.mentions.length < 2) continue;
    const rows = p.mentions.map((x) => {
      const gr = g.readouts.find((r) => r.file === x.readoutId)!;
      const text = f.result.readouts.find((r) => r.id === x.readoutId)!.text;
      const gm = gr.mentions.find((m) => { const s = text.indexOf(m.phrase); return s < x.mention.phraseEnd && x.mention.phraseStart < s + m.phrase.length; });
      return { file: x.readoutId.slice(0, 3), key: gm?.key ?? "-", phrase: x.mention.phrase.slice(0, 90), conf: x.confidence, reason: x.reason.slice(0, 120) };
    });
    const keys = new Set(rows.map((r) => r.key));
    if (keys.size > 1) { console.log(`\n# ${p.title}`); rows.forEach((r) => console.log(`   ${r.file} [${r.key}] ${r.phrase}  (${r.conf}: ${r.reason})`)); }
  }
}
