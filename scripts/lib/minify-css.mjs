// Minifies the CSS in lit's css`…` templates for the CDN build. lit keeps a style's text as
// written (indentation, comments), and neither vite nor rolldown minifies CSS inside JavaScript.
// Only the template's static text changes: `${…}` expressions and quoted strings are copied as
// they are, and line breaks are kept, so the module's lines (and its source map) stay where they
// were.

/**
 * The CSS text between two expressions of a template, smaller. `first` and `last`: the text
 * begins or ends the template (else an expression stands there, and a space next to it stays).
 */
export function minifyCssText(text, first = true, last = true) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // A quoted string (content: '‹ '): as it is.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      // A comment: gone, but its line breaks stay.
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? text.length : end + 2;
      out += text.slice(i, j).replace(/[^\n]/g, '');
      i = j;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      const run = text.slice(i, j);
      // One space where a space means something (between words, `a .b`); none next to
      // punctuation that needs none, or at either end of the text.
      const before = out.replace(/\n+$/, '').slice(-1) || (i === 0 && !first ? 'x' : '');
      const after = text[j] ?? (last ? '' : 'x');
      const needed = before !== '' && after !== '' && !/[{};,:>]/.test(before) && !/[{};,>]/.test(after);
      // A line break is whitespace too: keep the breaks (and so the lines), and a space only
      // where it is needed and there is no break.
      const breaks = run.split('\n').length - 1;
      out += breaks ? '\n'.repeat(breaks) : needed ? ' ' : '';
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  // `;` before `}` is not needed.
  return out.replace(/;(\n*)}/g, '$1}');
}

/** `code` with the static text of every css`…` template minified (the same string if none). */
export function minifyCssTemplates(code) {
  let out = '';
  let copied = 0;
  // A tagged template where an expression starts (not "css`" in a comment or a string).
  for (const match of code.matchAll(/(?<=(?:^|[=(,:[{?]|\breturn)\s*)\bcss`/gm)) {
    let i = match.index + match[0].length;
    if (i < copied) continue;
    out += code.slice(copied, i);
    const start = i;
    let part = i;
    for (;;) {
      const c = code[i];
      if (c === undefined) return code; // unterminated: leave the module alone
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        out += minifyCssText(code.slice(part, i), part === start, true) + '`';
        copied = i + 1;
        break;
      } else if (c === '$' && code[i + 1] === '{') {
        out += minifyCssText(code.slice(part, i), part === start, false);
        // The expression, copied as it is (ours are plain: tokens, unsafeCSS(…), other styles).
        let depth = 0;
        let j = i + 1;
        do {
          if (code[j] === '{') depth++;
          else if (code[j] === '}') depth--;
          else if (code[j] === '`') return code; // a template inside: leave the module alone
          j++;
        } while (depth > 0 && j < code.length);
        out += code.slice(i, j);
        i = part = j;
      } else {
        i++;
      }
    }
  }
  return out + code.slice(copied);
}
