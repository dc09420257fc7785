/**
 * The HTML part of an email, made from its plain text so both always say the same thing.
 * Deliberately simple (what mail clients and screen readers handle best): one column, system
 * fonts, paragraphs from blank-line-separated blocks, line breaks kept, and addresses as links
 * whose text is the address itself. Everything is escaped, so nothing a resident typed (a
 * description, a name) can become markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// Only http(s) addresses become links; a trailing full stop or bracket stays text.
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    out += escape(line.slice(last, match.index));
    const url = escape(match[0]);
    out += `<a href="${url}" style="color:#1d70b8">${url}</a>`;
    last = match.index + match[0].length;
  }
  return out + escape(line.slice(last));
}

/** The HTML version of `text`, in language `lang`, titled `subject`. */
export function htmlFromText(text: string, subject: string, lang = 'en'): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '')
    .map((block) => `<p style="margin:0 0 16px">${block.split('\n').map(linkify).join('<br>\n')}</p>`);
  return `<!doctype html>
<html lang="${escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;background:#ffffff">
<div role="article" aria-label="${escape(subject)}" style="max-width:580px">
${paragraphs.join('\n')}
</div>
</body>
</html>`;
}
