// webpack loader: brings third-party JavaScript down to the task pane's
// declared language level (webpack.config.js LANGUAGE_LEVEL) with the
// TypeScript compiler the project already has, so `?.`, `??=` and friends in
// Fluent UI's dependencies cannot reach a webview that does not parse them.
// test/browser/bundleSyntax.test.ts parses the built bundle at that level.
const ts = require('typescript');

module.exports = function transpileLoader(source) {
  const { target } = this.getOptions();
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath.replace(/\.[cm]?js$/, '.js'),
    compilerOptions: { target: ts.ScriptTarget[target], module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: false, removeComments: false, importHelpers: false },
  });
  return out.outputText;
};
