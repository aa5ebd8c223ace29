// The scripts of a site written by `concord publish` (docs/publish.md): the
// timeline's filters, the charts (uPlot) and the verification of jury draws.
// Plain JavaScript, no framework, no network: everything a page needs is its
// own data block (<script type="application/json" id="page-data">).
"use strict";

// Read at every use, so the data a button checks is the data the page holds now.
function pageData() {
  return JSON.parse(document.getElementById("page-data").textContent);
}

// --- the timeline's filters -------------------------------------------------

function setUpFilters() {
  const table = document.getElementById("timeline-table");
  if (!table) return;
  const polity = document.getElementById("filter-polity");
  const kind = document.getElementById("filter-kind");
  const count = document.getElementById("filter-count");
  function apply() {
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const polities = row.dataset.polities ? row.dataset.polities.split(" ") : [];
      const visible = (!polity.value || polities.includes(polity.value)) &&
                      (!kind.value || row.dataset.kind === kind.value);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = shown + (shown === 1 ? " entry" : " entries");
  }
  polity.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  apply();
}

// --- charts -----------------------------------------------------------------

const PALETTE = ["#1f5fa8", "#b3400b", "#2a7a2a", "#7a2a8c", "#8a6d00", "#0b7285", "#a61e4d",
                 "#495057"];

function drawCharts() {
  window.concordCharts = [];
  const data = pageData();
  if (!data.charts || typeof uPlot === "undefined") return;
  for (const chart of data.charts) {
    const target = document.querySelector('.chart-canvas[data-chart="' + chart.id + '"]');
    if (!target) continue;
    const xs = chart.x.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
    const status = chart.kind === "status";
    const series = [{label: "date"}];
    chart.series.forEach((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      series.push({
        label: s.label + (s.unit ? " (" + s.unit + ")" : ""),
        stroke: colour,
        width: 2,
        fill: status ? colour + "33" : undefined,
        paths: status ? uPlot.paths.stepped({align: 1}) : undefined,
        value: status ? (u, v) => (v == null ? "—" : chart.categories[v - 1]) : undefined,
      });
    });
    const axes = [{}, {}];
    if (status) {
      axes[1] = {
        splits: () => chart.categories.map((_, i) => i + 1),
        values: (u, splits) => splits.map((v) => chart.categories[v - 1] || ""),
        size: 80,
      };
    }
    const options = {
      width: Math.max(320, Math.min(target.clientWidth || 720, 960)),
      height: 260,
      series: series,
      axes: axes,
      scales: status ? {y: {range: [0, chart.categories.length + 0.5]}} : {},
    };
    const values = [xs].concat(chart.series.map((s) => s.values));
    const plot = new uPlot(options, values, target);
    window.concordCharts.push({id: chart.id, expected: chart.series.length, plot: plot});
  }
}

// --- verifying a jury draw (docs/reference-lottery.md) ---------------------

const encoder = new TextEncoder();

// Ascending order of UTF-8 bytes, a proper prefix first: code point order.
function compareUtf8(a, b) {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return x.length - y.length;
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

// The documented draw: NFC, dedupe, sort by UTF-8 bytes, then Fisher–Yates
// from the last index down, each index from SHA-256(seed \n domain \n counter)
// with rejection of the biased tail.
async function redraw(seed, domain, names, k) {
  const pool = Array.from(new Set(names.map((n) => n.normalize("NFC")))).sort(compareUtf8);
  const first = hex(await sha256(seed + "\n" + domain + "\n0"));
  if (k > pool.length) return {members: null, hashes: 0, first: first};
  const two64 = 1n << 64n;
  let counter = 0;
  for (let i = pool.length - 1; i >= 1; i -= 1) {
    const m = BigInt(i + 1);
    const limit = (two64 / m) * m;
    let x;
    do {
      const digest = await sha256(seed + "\n" + domain + "\n" + counter);
      counter += 1;
      x = 0n;
      for (let b = 0; b < 8; b += 1) x = (x << 8n) | BigInt(digest[b]);
    } while (x >= limit);
    const j = Number(x % m);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return {members: pool.slice(0, k), hashes: counter, first: first};
}

async function verify(article) {
  const output = article.querySelector(".verify-result");
  output.textContent = "Verifying…";
  output.className = "verify-result";
  try {
    const draw = pageData().draws.find((d) => d.id === article.dataset.draw);
    const v = draw.verification;
    const again = await redraw(v.seed, v.domain, v.pool, v.k);
    const problems = [];
    if (again.first !== v.first_digest) problems.push("the first SHA-256 differs");
    if (!again.members) {
      problems.push("the pool is smaller than k");
    } else {
      if (again.hashes !== v.hashes_used) problems.push("the number of hashes differs");
      if (again.members.join("\n") !== draw.members.join("\n")) {
        problems.push("recomputed " + again.members.join(", ") + " but the page shows " +
                      draw.members.join(", "));
      }
    }
    const ok = problems.length === 0;
    output.textContent = ok ? "✓ Matches: recomputed " + again.members.join(", ") + "."
                            : "✗ Does not match: " + problems.join("; ") + ".";
    output.className = "verify-result " + (ok ? "verify-match" : "verify-mismatch");
    article.dataset.verified = ok ? "match" : "mismatch";
  } catch (error) {
    output.textContent = "✗ Cannot verify here: " + error.message;
    output.className = "verify-result verify-mismatch";
    article.dataset.verified = "error";
  }
}

function setUpDraws() {
  for (const article of document.querySelectorAll("article.draw")) {
    article.querySelector("button.verify").addEventListener("click", () => verify(article));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpFilters();
  setUpDraws();
  drawCharts();
});
