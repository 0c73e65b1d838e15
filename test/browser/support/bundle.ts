// Compiles a test-only browser script (the fake host) with webpack, in memory.
// The fake host runs behind Microsoft's Excel client library: its Node loader
// (librarySource.ts) is swapped for the browser one, which gets the library
// wrapped at bundle time by officeLibraryLoader.js (no eval under the pane's CSP).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

const OFFICE_LIBRARY_LOADER = path.join(__dirname, '..', '..', 'support', 'fakeExcel', 'officeLibraryLoader.js');

export async function bundleForBrowser(entry: string): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fake-bundle-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    entry,
    output: { path: outDir, filename: 'bundle.js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: false } } } },
        { test: /excel-web-16\.00\.debug\.js$/, use: { loader: OFFICE_LIBRARY_LOADER } },
      ],
    },
    plugins: [new webpack.NormalModuleReplacementPlugin(/[\\/]librarySource$|^\.\/librarySource$/, './librarySource.browser')],
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return fs.readFileSync(path.join(outDir, 'bundle.js'), 'utf8');
}
