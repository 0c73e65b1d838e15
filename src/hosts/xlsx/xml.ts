// Just enough XML for SpreadsheetML parts: attributes, element lookup by
// local name under any namespace prefix, text content (entities, CDATA,
// Excel's _xHHHH_ escapes) and escaping. Sheet data is scanned with indexOf
// rather than a general parser, which is what makes reading 100.000 rows fast.

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = decode(m[2] ?? m[3]);
  return out;
}

/** One attribute of a start tag by its exact (qualified) name, without building the whole map. */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decode(m[1] ?? m[2]) : undefined;
}

/** An attribute by local name under any prefix, e.g. "id" finds r:id, x:id or ns1:id (not sheetId). */
export function prefixedAttr(a: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decode(raw: string): string {
  // XML end-of-line handling: a literal CR LF or CR reads as LF (an escaped &#13; stays).
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e] ?? m;
  });
}

/** Character data of an element: entities decoded, CDATA sections taken literally. */
export function textContent(raw: string): string {
  if (raw.indexOf('<![CDATA[') < 0) return decode(raw);
  let out = '';
  let p = 0;
  for (;;) {
    const c = raw.indexOf('<![CDATA[', p);
    if (c < 0) break;
    out += decode(raw.slice(p, c));
    const end = raw.indexOf(']]>', c + 9);
    const stop = end < 0 ? raw.length : end;
    out += raw.slice(c + 9, stop).replace(/\r\n?/g, '\n');
    p = end < 0 ? raw.length : end + 3;
  }
  return out + decode(raw.slice(p));
}

/** Excel's escapes for characters XML cannot carry (ST_Xstring): _x000D_ is a carriage return, _x005F_ a literal underscore. */
export function unescapeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The namespace prefix of a part's root element, with its colon ("x:"), or "" when unprefixed. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])(?:([\w.-]+):)?[\w.-]+[\s/>]/.exec(xml);
  return m?.[1] ? `${m[1]}:` : '';
}

/** A local name under any prefix, as a regular-expression source: `<x:sheet`, `<sheet`. */
function open(local: string): string {
  return `<(?:([\\w.-]+):)?${local}(?=[\\s/>])`;
}

/** Every element with this local name (any prefix): its start tag and, unless empty, its content. */
export function* elements(xml: string, local: string): Generator<{ tag: string; body: string | null; whole: string; index: number }> {
  const re = new RegExp(`${open(local)}[^>]*?(/?)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    if (m[2] === '/') {
      yield { tag, body: null, whole: tag, index: m.index };
      continue;
    }
    const close = `</${m[1] ? `${m[1]}:` : ''}${local}>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) return;
    yield { tag, body: xml.slice(re.lastIndex, end), whole: xml.slice(m.index, end + close.length), index: m.index };
    re.lastIndex = end + close.length;
  }
}

/** The first element with this local name, or null. */
export function element(xml: string, local: string): { tag: string; body: string | null; whole: string; index: number } | null {
  for (const e of elements(xml, local)) return e;
  return null;
}

/** Text of a string item (<si>, <is>): every <t> outside phonetic runs (<rPh>), escapes decoded. */
export function stringItemText(xml: string): string {
  const body = xml.indexOf('rPh') < 0 ? xml : xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const t of elements(body, 't')) if (t.body !== null) out += textContent(t.body);
  return unescapeXstring(out);
}

/** Give generated markup the prefix a part uses for its namespace ("" leaves it as it is). */
export function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`) : xml;
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
