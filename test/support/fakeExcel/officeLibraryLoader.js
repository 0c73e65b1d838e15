// Microsoft's Excel client library as the body of `function (__win) { ... }`
// (see officeLibrary.ts): every top-level name it declares becomes a property
// of the private window `__win`, and the script runs `with (__win)` (sloppy
// mode). Plain JS, because it doubles as the webpack loader of the browser
// test bundle, where it yields `module.exports = function (__win) { ... }`.

function wrapBody(source) {
  const names = new Set();
  for (const m of source.matchAll(/^(?:var|function) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  return [
    `var __names = ${JSON.stringify([...names])};`,
    'for (var __i = 0; __i < __names.length; __i++) if (!(__names[__i] in __win)) __win[__names[__i]] = undefined;',
    'with (__win) {',
    source,
    '}',
  ].join('\n');
}

module.exports = function officeLibraryLoader(source) {
  return `module.exports = function (__win) {\n${wrapBody(source)}\n};`;
};
module.exports.wrapBody = wrapBody;
