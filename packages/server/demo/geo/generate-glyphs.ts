/**
 * Builds the glyph PBFs the offline basemap uses for its labels, so MapLibre can draw text with
 * no third-party glyph server: signed distance fields (SDF) of DejaVu Sans at 24 px, in the
 * Mapbox/MapLibre glyph protobuf (llmr.glyphs: 3 px border, radius 8, cutoff 0.25), for the
 * ranges our place and road names need: Latin-1 (0-255), Latin Extended-A (256-511, with
 * Welsh ŵ and ŷ) and General Punctuation (8192-8447: ’ “ ” –).
 *
 *   pnpm exec tsx packages/server/demo/geo/generate-glyphs.ts [path/to/DejaVuSans.ttf]
 *
 * The font comes from Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core); the
 * output is committed, so the server needs neither the font nor this script. A small TrueType
 * reader (cmap 4, glyf with composites, hmtx) is here rather than a font library: it is all we
 * need and keeps the server free of build-time dependencies.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FONT_PATH = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_NAME = 'DejaVu Sans';
const SIZE = 24;
const BORDER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
const RANGES = [0, 256, 8192];

// ---------------------------------------------------------------------------------------------
// TrueType reading (https://learn.microsoft.com/typography/opentype/spec/)
// ---------------------------------------------------------------------------------------------
type Point = { x: number; y: number; on: boolean };
type Contour = Point[];

class TrueType {
  private readonly view: DataView;
  private readonly tables = new Map<string, number>();
  readonly unitsPerEm: number;
  readonly ascender: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;
  private readonly cmap = new Map<number, number>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const numTables = this.u16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
      this.tables.set(tag, this.u32(rec + 8));
    }
    const head = this.table('head');
    this.unitsPerEm = this.u16(head + 18);
    this.longLoca = this.i16(head + 50) === 1;
    const hhea = this.table('hhea');
    this.ascender = this.i16(hhea + 4);
    this.numberOfHMetrics = this.u16(hhea + 34);
    this.readCmap();
  }

  private u16 = (o: number) => this.view.getUint16(o);
  private i16 = (o: number) => this.view.getInt16(o);
  private u32 = (o: number) => this.view.getUint32(o);
  private table(tag: string): number {
    const offset = this.tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  }

  /** Format 4 (BMP) subtable of the Windows Unicode cmap. */
  private readCmap() {
    const cmap = this.table('cmap');
    const count = this.u16(cmap + 2);
    for (let i = 0; i < count; i++) {
      const platform = this.u16(cmap + 4 + i * 8);
      const encoding = this.u16(cmap + 6 + i * 8);
      const sub = cmap + this.u32(cmap + 8 + i * 8);
      if (platform !== 3 || encoding !== 1 || this.u16(sub) !== 4) continue;
      const segX2 = this.u16(sub + 6);
      const ends = sub + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = this.u16(ends + s * 2);
        const start = this.u16(starts + s * 2);
        const delta = this.i16(deltas + s * 2);
        const ro = this.u16(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (ro === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + ro + (c - start) * 2;
            glyph = this.u16(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph) this.cmap.set(c, glyph);
        }
      }
      return;
    }
    throw new Error('font has no Windows Unicode BMP cmap (format 4)');
  }

  glyphIndex(codePoint: number): number | undefined {
    return this.cmap.get(codePoint);
  }

  advance(glyph: number): number {
    const hmtx = this.table('hmtx');
    return this.u16(hmtx + Math.min(glyph, this.numberOfHMetrics - 1) * 4);
  }

  private glyphOffset(glyph: number): [number, number] {
    const loca = this.table('loca');
    const glyf = this.table('glyf');
    const at = (i: number) => (this.longLoca ? this.u32(loca + i * 4) : this.u16(loca + i * 2) * 2);
    return [glyf + at(glyph), glyf + at(glyph + 1)];
  }

  /** Bounding box in font units, or null for an empty glyph (space). */
  bbox(glyph: number): { xMin: number; yMin: number; xMax: number; yMax: number } | null {
    const [start, end] = this.glyphOffset(glyph);
    if (start === end) return null;
    return { xMin: this.i16(start + 2), yMin: this.i16(start + 4), xMax: this.i16(start + 6), yMax: this.i16(start + 8) };
  }

  /** Contours in font units, composites resolved. */
  contours(glyph: number, depth = 0): Contour[] {
    const [start, end] = this.glyphOffset(glyph);
    if (start === end || depth > 8) return [];
    const numberOfContours = this.i16(start);
    let p = start + 10;
    if (numberOfContours >= 0) {
      const endPts: number[] = [];
      for (let i = 0; i < numberOfContours; i++, p += 2) endPts.push(this.u16(p));
      const count = endPts.length ? endPts[endPts.length - 1]! + 1 : 0;
      p += 2 + this.u16(p); // skip instructions
      const flags: number[] = [];
      while (flags.length < count) {
        const flag = this.view.getUint8(p++);
        flags.push(flag);
        if (flag & 8) {
          const repeat = this.view.getUint8(p++);
          for (let r = 0; r < repeat; r++) flags.push(flag);
        }
      }
      const coords = (shortBit: number, sameBit: number) => {
        const out: number[] = [];
        let v = 0;
        for (const flag of flags) {
          if (flag & shortBit) {
            const d = this.view.getUint8(p++);
            v += flag & sameBit ? d : -d;
          } else if (!(flag & sameBit)) {
            v += this.i16(p);
            p += 2;
          }
          out.push(v);
        }
        return out;
      };
      const xs = coords(2, 16);
      const ys = coords(4, 32);
      const contours: Contour[] = [];
      let first = 0;
      for (const last of endPts) {
        const contour: Contour = [];
        for (let i = first; i <= last; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
        contours.push(contour);
        first = last + 1;
      }
      return contours;
    }
    // Composite: components placed by offsets and an optional 2×2 transform.
    const out: Contour[] = [];
    for (;;) {
      const flags = this.u16(p);
      const component = this.u16(p + 2);
      p += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 1) {
        dx = flags & 2 ? this.i16(p) : 0;
        dy = flags & 2 ? this.i16(p + 2) : 0;
        p += 4;
      } else {
        dx = flags & 2 ? this.view.getInt8(p) : 0;
        dy = flags & 2 ? this.view.getInt8(p + 1) : 0;
        p += 2;
      }
      const f2dot14 = (o: number) => this.i16(o) / 16384;
      let [a, b, c, d] = [1, 0, 0, 1];
      if (flags & 8) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      for (const contour of this.contours(component, depth + 1)) {
        out.push(contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, on: pt.on })));
      }
      if (!(flags & 0x20)) break;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Outline → line segments (quadratic B-splines flattened) → signed distance field
// ---------------------------------------------------------------------------------------------
type Segment = [number, number, number, number];

function flatten(contours: Contour[], transform: (x: number, y: number) => [number, number]): Segment[] {
  const segments: Segment[] = [];
  for (const contour of contours) {
    if (contour.length < 2) continue;
    // Expand implied on-curve points between two off-curve points, start on an on-curve point.
    const pts: Point[] = [];
    for (let i = 0; i < contour.length; i++) {
      const cur = contour[i]!;
      const next = contour[(i + 1) % contour.length]!;
      pts.push(cur);
      if (!cur.on && !next.on) pts.push({ x: (cur.x + next.x) / 2, y: (cur.y + next.y) / 2, on: true });
    }
    const startIndex = pts.findIndex((pt) => pt.on);
    const ring = [...pts.slice(startIndex), ...pts.slice(0, startIndex)];
    let [px, py] = transform(ring[0]!.x, ring[0]!.y);
    for (let i = 1; i <= ring.length; i++) {
      const pt = ring[i % ring.length]!;
      if (pt.on) {
        const [x, y] = transform(pt.x, pt.y);
        segments.push([px, py, x, y]);
        [px, py] = [x, y];
      } else {
        const end = ring[(i + 1) % ring.length]!;
        const [cx, cy] = transform(pt.x, pt.y);
        const [ex, ey] = transform(end.x, end.y);
        const steps = 8;
        for (let s = 1; s <= steps; s++) {
          const t = s / steps;
          const x = (1 - t) * (1 - t) * px + 2 * (1 - t) * t * cx + t * t * ex;
          const y = (1 - t) * (1 - t) * py + 2 * (1 - t) * t * cy + t * t * ey;
          segments.push([px, py, x, y]);
          [px, py] = [x, y];
        }
        // The loop's own bookkeeping: `end` has been consumed.
        i++;
        [px, py] = [ex, ey];
      }
    }
  }
  return segments;
}

function distanceToSegment(x: number, y: number, [x1, y1, x2, y2]: Segment): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2)) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Non-zero winding (TrueType's fill rule). */
function inside(x: number, y: number, segments: Segment[]): boolean {
  let winding = 0;
  for (const [x1, y1, x2, y2] of segments) {
    if (y1 <= y) {
      if (y2 > y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) > 0) winding++;
    } else if (y2 <= y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) < 0) winding--;
  }
  return winding !== 0;
}

interface Glyph {
  id: number;
  bitmap: Uint8Array | null;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

function renderGlyph(font: TrueType, codePoint: number): Glyph | null {
  const index = font.glyphIndex(codePoint);
  if (index === undefined) return null;
  const scale = SIZE / font.unitsPerEm;
  const ascender = Math.round(font.ascender * scale);
  const advance = Math.round(font.advance(index) * scale);
  const box = font.bbox(index);
  if (!box) return { id: codePoint, bitmap: null, width: 0, height: 0, left: 0, top: -ascender, advance };
  const width = Math.round((box.xMax - box.xMin) * scale);
  const height = Math.round((box.yMax - box.yMin) * scale);
  const left = Math.round(box.xMin * scale);
  const topBearing = Math.round(box.yMax * scale);
  // Font units (y up) → grid pixels (y down), the box's corner at (BORDER, BORDER).
  const transform = (x: number, y: number): [number, number] => [(x - box.xMin) * scale + BORDER, (box.yMax - y) * scale + BORDER];
  const segments = flatten(font.contours(index), transform);
  const w = width + 2 * BORDER;
  const h = height + 2 * BORDER;
  const bitmap = new Uint8Array(w * h);
  for (let gy = 0; gy < h; gy++) {
    for (let gx = 0; gx < w; gx++) {
      const [x, y] = [gx + 0.5, gy + 0.5];
      let d = Infinity;
      for (const s of segments) d = Math.min(d, distanceToSegment(x, y, s));
      if (inside(x, y, segments)) d = -d;
      bitmap[gy * w + gx] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  }
  return { id: codePoint, bitmap, width, height, left, top: topBearing - ascender, advance };
}

// ---------------------------------------------------------------------------------------------
// Protobuf (glyphs.proto: glyphs { repeated fontstack stacks = 1 }) written by hand: varints,
// zigzag sint32 and length-delimited fields are all it takes.
// ---------------------------------------------------------------------------------------------
class Writer {
  private readonly bytes: number[] = [];
  varint(value: number) {
    let v = value >>> 0;
    while (v > 127) {
      this.bytes.push((v & 127) | 128);
      v >>>= 7;
    }
    this.bytes.push(v);
    return this;
  }
  tag(field: number, wire: number) {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, value: number) {
    return this.tag(field, 0).varint(value);
  }
  sint(field: number, value: number) {
    return this.tag(field, 0).varint((value << 1) ^ (value >> 31));
  }
  bytesField(field: number, data: Uint8Array | number[]) {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, text: string) {
    return this.bytesField(field, [...Buffer.from(text, 'utf8')]);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function encodeRange(name: string, start: number, glyphs: Glyph[]): Uint8Array {
  const stack = new Writer().string(1, name).string(2, `${start}-${start + 255}`);
  for (const g of glyphs) {
    const m = new Writer().uint(1, g.id);
    if (g.bitmap) m.bytesField(2, g.bitmap);
    m.uint(3, g.width).uint(4, g.height).sint(5, g.left).sint(6, g.top).uint(7, g.advance);
    stack.bytesField(3, m.finish());
  }
  return new Writer().bytesField(1, stack.finish()).finish();
}

// ---------------------------------------------------------------------------------------------
if (!existsSync(FONT_PATH)) {
  console.error(`generate-glyphs: ${FONT_PATH} not found. Install it with: apt-get install fonts-dejavu-core (or pass a .ttf path)`);
  process.exit(1);
}
const font = new TrueType(readFileSync(FONT_PATH));
const out = join(dirname(fileURLToPath(import.meta.url)), 'fonts');
mkdirSync(out, { recursive: true });
let total = 0;
for (const start of RANGES) {
  const glyphs: Glyph[] = [];
  for (let c = start; c < start + 256; c++) {
    const g = renderGlyph(font, c);
    if (g) glyphs.push(g);
  }
  const bytes = encodeRange(FONT_NAME, start, glyphs);
  writeFileSync(join(out, `${start}-${start + 255}.pbf`), bytes);
  total += bytes.length;
  console.log(`${start}-${start + 255}: ${glyphs.length} glyphs, ${bytes.length} bytes`);
}
writeFileSync(join(out, 'fontstack.txt'), `${FONT_NAME}\n`);
const license = '/usr/share/doc/fonts-dejavu-core/copyright';
if (existsSync(license)) copyFileSync(license, join(out, 'LICENSE-DejaVu.txt'));
console.log(`total ${total} bytes`);
