// Just enough XML for SpreadsheetML parts: attribute parsing, entity
// decoding and escaping. Sheet data is scanned with indexOf rather than a
// general parser, which is what makes reading 100.000 rows fast.

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = decode(m[2] ?? m[3]);
  return out;
}

/** One attribute of a start tag, without building the whole map. */
export function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}=`);
  if (i < 0) return undefined;
  const q = tag[i + name.length + 2];
  const end = tag.indexOf(q, i + name.length + 3);
  return decode(tag.slice(i + name.length + 3, end));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decode(raw: string): string {
  // XML end-of-line handling: a literal CR LF or CR reads as LF (an escaped &#13; stays).
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? m;
  });
}

// XML 1.0 forbids most control characters even as references; Excel drops them too.
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(s: string): string {
  return s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Text content of every <t> inside a string item, skipping phonetic runs (<rPh>). */
export function stringItemText(xml: string): string {
  let out = '';
  let p = 0;
  for (;;) {
    const t = xml.indexOf('<t', p);
    if (t < 0) break;
    const c = xml[t + 2];
    if (c !== '>' && c !== ' ' && c !== '/') {
      p = t + 2;
      continue;
    }
    const rph = xml.lastIndexOf('<rPh', t);
    if (rph >= 0 && xml.indexOf('</rPh>', rph) > t) {
      p = xml.indexOf('</rPh>', rph) + 6;
      continue;
    }
    const gt = xml.indexOf('>', t);
    if (xml[gt - 1] === '/') {
      p = gt + 1;
      continue;
    }
    const end = xml.indexOf('</t>', gt);
    out += decode(xml.slice(gt + 1, end));
    p = end + 4;
  }
  return out;
}
