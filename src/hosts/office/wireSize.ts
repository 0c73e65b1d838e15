// How many bytes a write operation adds to an Office.js request, measured
// by running it against a recorder instead of Excel. Office.js serializes
// every object an operation touches as an object path plus an "instantiate"
// action, and every property set or method call as an action carrying its
// arguments as JSON (see test/support/fakeExcel/richApi.ts for the format).
// The recorder counts exactly those, whatever the operation does, so new
// kinds of operation (charts, page layout) are measured without an estimate
// of their own.
//
// The per-path and per-action allowances are upper bounds checked against
// Microsoft's serializer (test/unit/office/wireSize.test.ts): ids of up to
// seven digits, the property or method name, and the list of referenced
// paths Office.js adds to some actions.

/** Bytes of one object path and its instantiate action, besides its name and arguments. */
export const PATH_BYTES = 190;
/** Bytes of one property-set or method action, besides its name and arguments. */
export const ACTION_BYTES = 140;

/** Above this many cells, Office.js splits an array write into row slices (setRangePropertiesInBulk). */
const BULK_CELLS = 1500;

export interface WireCount {
  bytes: number;
  paths: number;
  actions: number;
}

/** UTF-8 bytes of an argument's JSON as Office.js would send it (undefined is left out). */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  // A UTF-16 unit above ASCII takes at most 3 bytes in UTF-8 ('€' in a number format does).
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

/**
 * Run `fn` against a recorder standing in for an Excel object (a worksheet)
 * and return what it would put on the wire.
 */
export function measureWire(fn: (target: never) => void): WireCount {
  const count: WireCount = { bytes: 0, paths: 0, actions: 0 };
  const make = (): unknown => {
    const cache = new Map<PropertyKey, unknown>();
    let counted = false;
    const use = () => {
      if (!counted) {
        counted = true;
        count.paths++;
        count.bytes += PATH_BYTES;
      }
    };
    const handler: ProxyHandler<() => void> = {
      get(_t, prop) {
        if (prop === 'then' || typeof prop === 'symbol') return undefined;
        use();
        if (!cache.has(prop)) {
          // A member: either a navigation property (a child object) or a method to call.
          const child = make();
          // A call is an action (a void method) or the path of the object it returns, which is
          // counted again when that object is used: an upper bound either way.
          const method = (...args: unknown[]) => {
            count.actions++;
            count.bytes += ACTION_BYTES + String(prop).length + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
            return make();
          };
          cache.set(prop, new Proxy(method, { get: (_m, p) => (child as Record<PropertyKey, unknown>)[p], set: (_m, p, v) => (((child as Record<PropertyKey, unknown>)[p] = v), true) }));
        }
        return cache.get(prop);
      },
      set(_t, prop, value) {
        use();
        count.actions++;
        count.bytes += ACTION_BYTES + String(prop).length + jsonBytes(value);
        // Office.js sends an array over 1.500 cells as row slices, each addressed by three more
        // paths (getRow, getRow, getBoundingRect), after one size check.
        if (Array.isArray(value) && Array.isArray(value[0]) && value.length * value[0].length > BULK_CELLS) {
          const slices = Math.ceil(value.length / Math.max(1, Math.round(BULK_CELLS / value[0].length)));
          count.paths += slices * 3;
          count.actions += slices + 1;
          count.bytes += slices * (3 * PATH_BYTES + ACTION_BYTES + 60 + String(prop).length) + ACTION_BYTES;
        }
        return true;
      },
    };
    return new Proxy(() => undefined, handler);
  };
  fn(make() as never);
  return count;
}
