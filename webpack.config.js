// Task pane and commands bundles, as in Office-Addin-TaskPane-React.
// `npm run build` works offline without certificates; only `npm run dev-server`
// asks office-addin-dev-certs for a trusted localhost certificate.
//
//   npm run build -- --env url=https://addins.gemeente.nl/toetsblad/
//
// writes dist/ for that address, manifest.xml included (see README, "The add-in in Excel").
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const urlDev = 'https://localhost:3000/';

/**
 * The JavaScript language level of the pane's bundles: what WebView2, Safari on the Mac and
 * every browser Excel on the web supports. Internet Explorer and EdgeHTML (Office 2016/2019)
 * are not supported; src/taskpane/bootstrap.js (ES5) tells their users so.
 */
const LANGUAGE_LEVEL = 'ES2017';

/** The https address the add-in is served from, ending in "/", from `--env url=…` (or TOETSBLAD_URL). */
function productionUrl(env) {
  const raw = (env && env.url) || process.env.TOETSBLAD_URL || urlDev;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--env url: not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`--env url: Office only loads add-ins over https, not ${raw}`);
  if (url.search || url.hash) throw new Error(`--env url: no query or fragment, please: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest for a deployment address: every URL and the app domain point there. */
function manifestFor(content, url) {
  const origin = new URL(url).origin;
  return content
    .replace(new RegExp(urlDev.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), url)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/, `<AppDomain>${origin}</AppDomain>`);
}

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const urlProd = productionUrl(env);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    // webpack's own runtime code at the same level.
    target: ['web', LANGUAGE_LEVEL.toLowerCase()],
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/ also holds the CLI build (tsc); fixed file names keep it tidy without cleaning.
      clean: false,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.html'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: dev, target: LANGUAGE_LEVEL } },
          },
        },
        {
          // Third-party code down to the same level (Fluent UI's helpers use ?. and ??=).
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: { loader: path.resolve(__dirname, 'scripts/transpileLoader.js'), options: { target: LANGUAGE_LEVEL } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext][query]' } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext][query]' },
          { from: 'src/taskpane/bootstrap.js', to: 'bootstrap.js' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : manifestFor(content.toString(), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
};

module.exports.LANGUAGE_LEVEL = LANGUAGE_LEVEL;
module.exports.manifestFor = manifestFor;
module.exports.productionUrl = productionUrl;
