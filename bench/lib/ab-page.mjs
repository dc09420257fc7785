#!/usr/bin/env node
// Is a change to the widgets faster or slower? One page from two builds, loaded in turn in one run
// with the plain form, as bench/page-cost.mjs loads them. On this machine one run's medians move by
// ±10% from one minute to the next (the plain form alone took 1.23–1.75 s within an hour), far
// more than most changes: comparing two page-cost runs, one per build, mostly compares the minutes.
// Here each round loads A, B and the plain form back to back (the order reversed every other
// round) and the report gives each round's B − A, whose median is the change's effect.
//
//   pnpm exec vite build && mkdir -p /tmp/a/dist && cp -r dist/cdn /tmp/a/dist/ && cp -a examples /tmp/a/
//   (make the change) && pnpm docs:sri        # builds B and rewrites the pages' modulepreload lines
//   node bench/lib/ab-page.mjs --a /tmp/a [--rounds 8] [--page /report-a-pothole.html] [--heading]
//
// A is read from the site root given by --a (its dist/cdn, and a copy of examples/ made with it:
// the pages' modulepreload lines name that build's files), B from this checkout. For finding
// what helps, not for the figures in bench/README.md, which come from page-cost.mjs.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { firstQuestion, median, startPageServer } from './demo-page.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rootA = arg('a');
if (!rootA) {
  console.error('usage: node bench/lib/ab-page.mjs --a <site root of build A> [--rounds 8] [--page /report-a-pothole.html]');
  process.exit(1);
}
const rounds = Number(arg('rounds', 8));
const path = arg('page', '/report-a-pothole.html');
// `--heading`: a page with no control (published results) is timed by the widget's first h2.
const watch = process.argv.includes('--heading') ? { selector: 'h2', inWidget: true } : {};
const plain = '/examples/plain-form/report-a-pothole.html';

const loadBefore = loadavg().map((n) => n.toFixed(1)).join(' ');
const [a, b] = await Promise.all([startPageServer(4181, rootA), startPageServer(4182)]);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const times = { plain: [], a: [], b: [] };
try {
  // One warm-up load each, so neither server's first answers are counted.
  await firstQuestion(browser, a.url + path, { watch });
  await firstQuestion(browser, b.url + path, { watch });
  for (let round = 0; round < rounds; round++) {
    const loads = [
      ['plain', a.url + plain, {}],
      ['a', a.url + path, watch],
      ['b', b.url + path, watch],
    ];
    for (const [which, url, how] of round % 2 ? loads.reverse() : loads) times[which].push((await firstQuestion(browser, url, { watch: how })).first);
    process.stderr.write('.');
  }
} finally {
  await browser.close();
  a.stop();
  b.stop();
}
process.stderr.write('\n');

const base = median(times.plain);
const ms = (x) => `${Math.round(x)} ms`;
console.log(`${path}, ${rounds} rounds; load average ${loadBefore} before, ${loadavg().map((n) => n.toFixed(1)).join(' ')} after`);
for (const which of ['plain', 'a', 'b']) {
  console.log(`${which.padEnd(5)} median ${ms(median(times[which]))} (${(median(times[which]) / base).toFixed(2)} × plain)   ${times[which].map(Math.round).join(' ')}`);
}
const diffs = times.b.map((t, i) => t - times.a[i]);
console.log(`B − A per round: median ${ms(median(diffs))}; B faster in ${diffs.filter((d) => d < 0).length} of ${rounds}`);
