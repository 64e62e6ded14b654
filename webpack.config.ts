import * as path from 'path';
import type { Configuration as WebpackConfiguration } from 'webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';

const isProduction = process.env.NODE_ENV === 'production';

const config: WebpackConfiguration = {
  mode: isProduction ? 'production' : 'development',
  // No entry of its own: ConsoleRemotePlugin adds the remote container entry.
  entry: {},
  context: path.resolve(__dirname, 'src'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: isProduction ? '[name]-bundle.[contenthash:8].min.js' : '[name]-bundle.js',
    chunkFilename: isProduction ? '[name]-chunk.[contenthash:8].min.js' : '[name]-chunk.js',
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
  },
  module: {
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: !isProduction },
            },
          },
        ],
      },
      {
        test: /\.css$/,
        use: ['style-loader', 'css-loader'],
      },
    ],
  },
  plugins: [
    new ConsoleRemotePlugin(),
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'locales'), to: 'locales' }],
    }),
  ],
  devtool: isProduction ? false : 'source-map',
  optimization: {
    chunkIds: isProduction ? 'deterministic' : 'named',
    minimize: isProduction,
  },
  performance: { hints: false },
};

export default config;
