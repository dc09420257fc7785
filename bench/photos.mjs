#!/usr/bin/env node
// What a phone photo costs the reference server: a 12-megapixel JPEG of about 10 MB (made here
// with sharp: 4032×3024, fine noise, EXIF orientation 6) uploaded to POST /open311/v2/media, one
// at a time and then `burst` at once. Reports the wall time per upload and the server process's
// CPU time per photo (from /proc, so another agent's load on the machine does not inflate it),
// and how many uploads of a burst were refused with 503 + Retry-After (the photo queue).
//   node bench/photos.mjs [uploads one at a time, default 5] [burst, default 12] [port, default 9800]
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, root, startServer } from './lib/harness.mjs';

const [single = 5, burst = 12, port = 9800] = process.argv.slice(2).map(Number);
const sharp = createRequire(join(root, 'packages/server/package.json'))('sharp');

const w = 4032;
const h = 3024;
const raw = Buffer.alloc(w * h * 3);
let seed = 1;
for (let i = 0; i < raw.length; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  raw[i] = ((i / 3) % w) / 16 + (seed >> 24);
}
const photo = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).withMetadata({ orientation: 6 }).jpeg({ quality: 93 }).toBuffer();

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
};
const upload = async () => {
  const form = new FormData();
  form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'phone.jpg');
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/open311/v2/media`, { method: 'POST', body: form });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.get('retry-after') };
};

const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-photos-'));
const server = await startServer({ port, dataDir });
try {
  await upload(); // warm-up: loads sharp
  const pid = server.child.pid;
  const c0 = cpuSeconds(pid);
  const times = [];
  for (let i = 0; i < single; i++) times.push((await upload()).ms);
  const perPhotoCpu = (cpuSeconds(pid) - c0) / single;
  const b0 = performance.now();
  const results = await Promise.all(Array.from({ length: burst }, upload));
  const burstMs = performance.now() - b0;
  const stored = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status === 503);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nA ${(photo.length / 1e6).toFixed(1)} MB 4032×3024 JPEG, load average ${load()}\n`);
  console.log('| measure | value |');
  console.log('| --- | ---: |');
  console.log(`| server CPU per photo (one at a time, ${single} photos) | ${perPhotoCpu.toFixed(2)} s |`);
  console.log(`| wall time per upload, median of ${single} (includes waiting for a core on a loaded machine) | ${(median(times) / 1000).toFixed(2)} s |`);
  console.log(`| ${burst} at once: stored / refused with 503 (Retry-After ${refused[0]?.retryAfter ?? '–'}) / other | ${stored.length} / ${refused.length} / ${burst - stored.length - refused.length} |`);
  console.log(`| ${burst} at once: slowest stored upload, whole burst | ${(Math.max(...stored.map((r) => r.ms)) / 1000).toFixed(1)} s, ${(burstMs / 1000).toFixed(1)} s |`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
