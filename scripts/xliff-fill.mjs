#!/usr/bin/env node
// Fills Welsh (or any) targets into an XLIFF file written by `lit-localize extract`.
// Usage: node scripts/xliff-fill.mjs packages/core/xliff/cy.xlf packages/core/xliff/cy.json
// The JSON maps message id → translation; `{0}`, `{1}`… stand for the source's placeholders
// (the <x id="N" …/> elements), so translators can move them where Welsh word order needs.
import { readFileSync, writeFileSync } from 'node:fs';

const [xlfPath, jsonPath] = process.argv.slice(2);
if (!xlfPath || !jsonPath) {
  console.error('usage: xliff-fill.mjs <file.xlf> <translations.json>');
  process.exit(2);
}
const translations = JSON.parse(readFileSync(jsonPath, 'utf8'));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let missing = 0;
const xlf = readFileSync(xlfPath, 'utf8').replace(
  /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target>[\s\S]*?<\/target>)?/g,
  (whole, id, source) => {
    const text = translations[id];
    if (text === undefined) {
      missing++;
      console.warn(`no translation for ${id}: ${source}`);
      return whole;
    }
    const placeholders = [...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
    const target = escape(text).replace(/\{(\d+)\}/g, (_, n) => placeholders[Number(n)] ?? '');
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>`;
  },
);
writeFileSync(xlfPath, xlf);
console.log(`${xlfPath}: ${missing ? `${missing} missing` : 'all translated'}`);
