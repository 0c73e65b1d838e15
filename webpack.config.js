// Task pane and commands bundles, as in Office-Addin-TaskPane-React.
// `npm run build` works offline without certificates; only `npm run dev-server`
// asks office-addin-dev-certs for a trusted localhost certificate.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const urlProd = 'https://localhost:3000/'; // change to the production host when deploying

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
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
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: dev } } },
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
          // The controllers' guide to TB Normdefinities, linked from help.html: shipped with the add-in, no network needed.
          {
            from: 'docs/normen.md',
            to: 'normen.html',
            transform(content) {
              const text = content.toString().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
              return `<!doctype html><html lang="nl"><head><meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" /><title>Toetsblad — normen zelf vastleggen</title></head><body style="font-family: 'Segoe UI', sans-serif; max-width: 52em; margin: 2em auto"><pre style="white-space: pre-wrap; font-family: inherit; line-height: 1.5">${text}</pre></body></html>`;
            },
          },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, 'g'), urlProd);
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
