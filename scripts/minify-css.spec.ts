// The CDN build minifies lit's css`…` templates (scripts/lib/minify-css.mjs, a vite plugin in
// vite.config.ts): what it may change and what it must leave exactly as written.
import { describe, expect, it } from 'vitest';
import { minifyCssTemplates } from './lib/minify-css.mjs';

describe('minifyCssTemplates', () => {
  it('drops indentation, comments and spaces next to punctuation, keeping every line', () => {
    const source = 'const s = css`\n  /* the box */\n  .a,\n  .b > .c {\n    margin: 0 auto;\n    color: red;\n  }\n`;';
    const out = minifyCssTemplates(source);
    expect(out).toBe('const s = css`\n\n.a,\n.b>.c{\nmargin:0 auto;\ncolor:red\n}\n`;');
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('keeps the spaces that mean something: between words, before a pseudo-class, next to an expression', () => {
    expect(minifyCssTemplates('css`.a :hover { border: 2px solid ${color.error}; outline: ${w} solid ${c} }`')).toBe(
      'css`.a :hover{border:2px solid ${color.error};outline:${w} solid ${c}}`',
    );
  });

  it('copies quoted strings and expressions as they are', () => {
    expect(minifyCssTemplates("css`.x::before { content: ' :  { ' } .y { font: ${fonts({ a: 1 })} }`")).toBe(
      "css`.x::before{content:' :  { '}.y{font:${fonts({ a: 1 })}}`",
    );
  });

  it('leaves everything outside css`…` alone, and "css`" in a comment or string', () => {
    const source = "// lit's css`…` keeps its text\nconst t = html`<p>  a ;  b </p>`;\nconst s = css` a { b: c } `;\nconst u = 'css` x { }';";
    expect(minifyCssTemplates(source)).toBe("// lit's css`…` keeps its text\nconst t = html`<p>  a ;  b </p>`;\nconst s = css`a{b:c}`;\nconst u = 'css` x { }';");
  });
});
