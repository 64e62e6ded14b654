/** The map of emitted files to the modules in them, written by the bench build (webpack.config.ts). */
export const MODULE_MAP_FILE = 'bench-modules.json';

/** One emitted script and the modules webpack put into it. */
export interface EmittedFile {
  file: string;
  chunkNames: string[];
  /** Readable module identifiers (e.g. `../node_modules/react-dom/...`, `consume shared module ...`). */
  modules: { name: string; size: number }[];
}
