// Loads every page of the examples' published site in Debian's chromium
// (puppeteer-core, no browser download) from disk, and checks what a reader
// gets: no console error, no failed or non-file request, charts drawn with
// the expected number of series, every jury draw verified in the page and
// equal to the runtime's draw (`concord run --format json`), a tampered draw
// reported as a mismatch, and no serious or critical axe-core violation.
// Screenshots of the main pages go to OUT/screenshots for review.
//
//   node tests/publish/browser_test.mjs --concord build/dev/concord --root . --out build/dev
// Exit 0 when all pass, 1 on a failure, 77 (skip) when tests/tools is not installed.
import {execFileSync} from "node:child_process";
import fs from "node:fs";
import {createRequire} from "node:module";
import os from "node:os";
import path from "node:path";

const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, word, i, all) =>
        (word.startsWith("--") ? pairs.concat([[word.slice(2), all[i + 1]]]) : pairs), []));
const root = path.resolve(args.root || ".");
const concord = path.resolve(args.concord || "build/dev/concord");
const out = path.resolve(args.out || "build/dev");
const chromium = args.chromium || "/usr/bin/chromium";

const tools = path.join(root, "tests/tools/node_modules");
if (!fs.existsSync(path.join(tools, "puppeteer-core")) || !fs.existsSync(path.join(tools, "axe-core"))) {
  console.log("skip: run `npm ci --prefix tests/tools` first");
  process.exit(77);
}
if (!fs.existsSync(chromium)) {
  console.error(`FAIL: ${chromium} is missing; scripts/setup.sh installs Debian's chromium`);
  process.exit(1);
}
const require = createRequire(path.join(tools, "noop.js"));
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const failures = [];
function fail(where, what) {
  failures.push(`${where}: ${what}`);
  console.error(`FAIL ${where}: ${what}`);
}

// The site and the runtime's own account of the same runs.
const examples = fs.readdirSync(path.join(root, "examples"))
    .filter((f) => f.endsWith(".concord")).sort().map((f) => path.join("examples", f));
const site = path.join(out, "publish_browser_site");
fs.rmSync(site, {recursive: true, force: true});
execFileSync(concord, ["publish", ...examples, "--out", site], {cwd: root, stdio: "inherit"});
let runtime;
try {
  runtime = execFileSync(concord, ["run", ...examples, "--format", "json"],
                         {cwd: root, maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"]}).toString();
} catch (error) {
  runtime = error.stdout.toString();  // exit 1: refused events are part of the examples' history
}
const runtimeRuns = [].concat(JSON.parse(runtime));
const runtimeDraws = new Map();  // "scenario/dispute/role" -> members, as the runtime drew them
for (const run of runtimeRuns) {
  for (const entry of run.timeline) {
    if (!entry.jury) continue;
    if (entry.jury.jury_verification) {
      runtimeDraws.set(`${run.scenario}/${entry.jury.dispute}/jury`, entry.jury.jurors);
    }
    if (entry.jury.delegate_verification) {
      runtimeDraws.set(`${run.scenario}/${entry.jury.dispute}/external delegates`,
                       entry.jury.delegates);
    }
  }
}

const shots = path.join(out, "screenshots");
fs.mkdirSync(shots, {recursive: true});
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "concord-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  protocolTimeout: 300000,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         `--user-data-dir=${profile}`],
});

let verifiedDraws = 0;
let tamperChecks = 0;
let chartsChecked = 0;
try {
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
  for (const file of pages) {
    const page = await browser.newPage();
    page.setDefaultTimeout(120000);
    await page.setViewport({width: 1280, height: 900});
    page.on("console", (m) => { if (m.type() === "error") fail(file, `console error: ${m.text()}`); });
    page.on("pageerror", (e) => fail(file, `script error: ${e.message}`));
    page.on("requestfailed", (r) => fail(file, `request failed: ${r.url()}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file://")) fail(file, `request outside the site: ${r.url()}`);
    });
    await page.goto("file://" + path.join(site, file), {waitUntil: "load", timeout: 120000});
    const data = await page.evaluate(() => JSON.parse(document.getElementById("page-data").textContent));

    if (data.page === "run") {
      await page.waitForFunction(() => Array.isArray(window.concordCharts), {timeout: 120000});
      const charts = await page.evaluate(() => window.concordCharts.map((c) => {
        const canvas = c.plot.ctx.canvas;
        const pixels = c.plot.ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted += 1;
        const box = document.querySelector(`.chart-canvas[data-chart="${c.id}"]`);
        return {id: c.id, expected: c.expected, drawn: c.plot.series.length - 1,
                attribute: Number(box.dataset.series), painted};
      }));
      if (charts.length !== data.charts.length) {
        fail(file, `${charts.length} charts drawn, the data has ${data.charts.length}`);
      }
      for (const c of charts) {
        const want = data.charts.find((d) => d.id === c.id).series.length;
        if (c.drawn !== want || c.attribute !== want) {
          fail(file, `chart ${c.id}: ${c.drawn} series drawn, ${want} in the data`);
        }
        if (c.painted === 0) fail(file, `chart ${c.id}: the canvas is empty`);
        chartsChecked += 1;
      }

      for (const draw of data.draws) {
        const key = `${data.name}/${draw.verification.domain.split("/")[0]}/${draw.role}`;
        const expected = runtimeDraws.get(key);
        if (!expected) {
          fail(file, `${draw.id}: the runtime reports no draw ${key}`);
        } else if (expected.join(",") !== draw.members.join(",")) {
          fail(file, `${draw.id}: page shows ${draw.members}, the runtime drew ${expected}`);
        }
        const verdict = await verify(page, draw.id);
        if (verdict !== "match") fail(file, `${draw.id}: the verify button says ${verdict}`);
        verifiedDraws += 1;
      }
      if (data.draws.length > 0) {
        // Tamper with the page's data: another seed, then other members.
        const id = data.draws[0].id;
        const tampered = [
          (d) => { d.verification.seed += "!"; },
          (d) => { d.members = d.members.slice().reverse(); d.members.push("mallory"); },
        ];
        for (const change of tampered) {
          await page.evaluate((id, source) => {
            const block = document.getElementById("page-data");
            const data = JSON.parse(block.textContent);
            (0, eval)(source)(data.draws.find((d) => d.id === id));
            block.textContent = JSON.stringify(data);
          }, id, change.toString());
          const verdict = await verify(page, id);
          if (verdict !== "mismatch") fail(file, `${id} tampered: the verify button says ${verdict}`);
          tamperChecks += 1;
          await page.evaluate((original) => {
            document.getElementById("page-data").textContent = original;
          }, JSON.stringify(data));
        }
      }
    }

    // preload: false: axe would fetch the stylesheets again, which file:// forbids
    // (a request of the audit, not of the page).
    await page.addScriptTag({content: axeSource});
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {resultTypes: ["violations"], preload: false});
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} element(s), e.g. ${v.nodes[0].target}`);
    });
    for (const v of violations) fail(file, `axe: ${v}`);

    await page.screenshot({path: path.join(shots, file.replace(/\.html$/, ".png"))});
    await page.close();
  }
  if (verifiedDraws === 0) fail("site", "no jury draw was verified: the examples draw juries");
  if (chartsChecked === 0) fail("site", "no chart was checked: the examples report metrics");
  console.log(`${pages.length} pages, ${chartsChecked} charts, ${verifiedDraws} draws verified, ` +
              `${tamperChecks} tampered draws refused; screenshots in ${shots}`);
} finally {
  await browser.close();
  fs.rmSync(profile, {recursive: true, force: true});
}

async function verify(page, id) {
  await page.evaluate((id) => {
    const article = document.getElementById(id);
    delete article.dataset.verified;
    article.querySelector("button.verify").click();
  }, id);
  await page.waitForFunction((id) => document.getElementById(id).dataset.verified,
                             {timeout: 120000}, id);
  return page.evaluate((id) => document.getElementById(id).dataset.verified, id);
}

if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
