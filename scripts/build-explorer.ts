import { fileURLToPath } from 'node:url';
import { buildExplorer } from '../src/server/explorer.js';

/** `npm run build`'s second half: bundles the explorer page into dist/explorer for `node dist/main.js`. */
const outDir = fileURLToPath(new URL('../dist/explorer/', import.meta.url));
await buildExplorer(outDir);
process.stderr.write(`wrote ${outDir}\n`);
