/**
 * The production plugin build (webpack.config.ts, NODE_ENV=production), written to a directory of
 * its own so that measuring never replaces the dist/ other tests serve, plus a map of which source
 * modules went into which emitted file (`bench-modules.json`, read by measure.ts).
 *
 * Env: BENCH_PLUGIN_DIST (output directory).
 */
import * as path from 'path';
import type { Compiler, Configuration } from 'webpack';
import baseConfig from '../../webpack.config';
import { MODULE_MAP_FILE } from './module-map';
import type { EmittedFile } from './module-map';

class ModuleMapPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap('ModuleMapPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'ModuleMapPlugin',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT,
        },
        () => {
          const files: EmittedFile[] = [];
          for (const chunk of compilation.chunks) {
            const modules = compilation.chunkGraph.getChunkModules(chunk).flatMap((m) => {
              // Concatenated modules hold the real ones: list those.
              const inner = (m as { modules?: (typeof m)[] }).modules ?? [m];
              return inner.map((x) => ({
                name: x.readableIdentifier(compilation.requestShortener),
                size: x.size(),
              }));
            });
            for (const file of chunk.files) {
              if (file.endsWith('.js')) {
                files.push({ file, chunkNames: chunk.name ? [chunk.name] : [], modules });
              }
            }
          }
          files.sort((a, b) => a.file.localeCompare(b.file));
          compilation.emitAsset(
            MODULE_MAP_FILE,
            new compiler.webpack.sources.RawSource(JSON.stringify(files)),
          );
        },
      );
    });
  }
}

const outputPath = path.resolve(
  process.env.BENCH_PLUGIN_DIST ?? path.join(__dirname, '..', '.tmp', 'bench', 'plugin-dist'),
);

const config: Configuration = {
  ...baseConfig,
  output: { ...baseConfig.output, path: outputPath, clean: true },
  plugins: [...(baseConfig.plugins ?? []), new ModuleMapPlugin()],
};

export default config;
