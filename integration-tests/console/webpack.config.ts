import * as fs from 'fs';
import * as path from 'path';
import type { Configuration } from 'webpack';
import {
  generateModuleSource,
  installedVersion,
  listDynamicModules,
} from './build/pf-dynamic-modules';

const root = path.resolve(__dirname, '..', '..');
const tmp = path.join(root, 'integration-tests', '.tmp');
const generated = path.join(tmp, 'console-generated', 'pf-dynamic-modules.ts');

fs.mkdirSync(path.dirname(generated), { recursive: true });
const nodeModules = path.join(root, 'node_modules');
/** Versions the host registers its singletons under: the installed ones, as the console's build does. */
const sharedVersions = Object.fromEntries(
  [
    'react',
    'react-i18next',
    'react-router',
    'react-redux',
    'redux',
    'redux-thunk',
    '@openshift/dynamic-plugin-sdk',
  ].map((pkg) => [pkg, installedVersion(nodeModules, pkg)]),
);
const source = generateModuleSource(listDynamicModules(nodeModules), sharedVersions);
if (!fs.existsSync(generated) || fs.readFileSync(generated, 'utf8') !== source) {
  fs.writeFileSync(generated, source);
}

/** The stand-in console's own bundle: host page, its SDK implementation and every shared module. */
const config: Configuration = {
  mode: 'development',
  context: __dirname,
  entry: { host: './src/index.tsx' },
  output: {
    path: path.join(tmp, 'console-dist'),
    filename: '[name].js',
    chunkFilename: 'host-[name].js',
    publicPath: '/',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    alias: { 'console-host-pf-dynamic-modules$': generated },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(root, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: false },
            },
          },
        ],
      },
      // PatternFly's dynamic modules import their component CSS: the host injects it, as the console loads it.
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(svg|png|jpe?g|gif|woff2?|ttf|eot)$/, type: 'asset/resource' },
    ],
  },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};

export default config;
