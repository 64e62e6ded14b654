import { buildForBench } from '../bench/stand-in';

export default function globalSetup(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const t = buildForBench();
  console.log(
    `budget: built the plugin (${String(t.pluginMs)} ms) and the stand-in console (${String(t.consoleMs)} ms)`,
  );
}
