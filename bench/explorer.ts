/**
 * `npx tsx bench/explorer.ts [--url http://127.0.0.1:4000] [--runs 5] [--sizes 500,2000,5000]`:
 * the explorer page in the same headless Chromium as the browser tests (software rendering:
 * slower than a desktop browser with a GPU), against a running server (`npm start`, seed graph).
 * Prints time to first paint and to the seed graph drawn, the time of an expansion (request,
 * merge, layout and the next frame), and frame times while dragging the view of synthetic graphs
 * of each size (the page's own merge, thinning and drawing; the graph is generated in the page).
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.js';

const HELP = `Usage: npx tsx bench/explorer.ts [--url URL] [--runs N] [--sizes 500,2000,5000]
Needs a running server (npm start) and Chromium (scripts/install-chromium.sh).`;

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '500,2000,5000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const base = values.url!.replace(/\/$/, '');
const runs = Number(values.runs);
const sizes = values.sizes!.split(',').map(Number);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

type Explorer = {
  graph: { order: number; size: number; nodes(): string[]; clear(): void };
  addView(view: unknown): unknown;
  expand(id: string): Promise<void>;
};
const explorer = (page: Page) => page.evaluate(() => (window as unknown as { explorer: Explorer }).explorer.graph.order);

async function openFresh(page: Page): Promise<{ firstPaint: number; graphReady: number }> {
  await page.goto('about:blank');
  await page.goto(`${base}/explore`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  return page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    graphReady: performance.getEntriesByName('graph-ready')[0]?.startTime ?? NaN,
  }));
}

/** A synthetic view: a few hubs and many small nodes, ~2 edges per node, every type present. */
function syntheticView(nodes: number) {
  const types = ['AGENCY', 'LAW', 'TACTIC', 'TARGET_GROUP', 'EVENT'];
  const relations = ['ISSUED', 'WARNS', 'USES', 'TARGETS', 'INVOLVES'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const edges = new Map<string, { id: string; source: string; target: string; type: string; weight: number }>();
  const degree = new Array<number>(nodes).fill(0);
  for (let i = 1; i < nodes; i++) {
    for (let k = 0; k < 2; k++) {
      // Preferential-ish: square of a uniform draw favours early (hub) nodes.
      const j = Math.floor(random() ** 2 * i);
      const type = relations[(i + k) % relations.length]!;
      const id = `n${i}|${type}|n${j}`;
      if (edges.has(id)) continue;
      edges.set(id, { id, source: `n${i}`, target: `n${j}`, type, weight: 1 + Math.floor(random() ** 4 * 6) });
      degree[i]!++;
      degree[j]!++;
    }
  }
  return {
    truncated: false,
    nodes: degree.map((d, i) => ({ id: `n${i}`, type: types[i % types.length], name: `Entity ${i}`, degree: d, generic: false })),
    edges: [...edges.values()],
  };
}

/** Intervals between animation frames, and sigma's own drawing time per render, while dragging. */
async function dragFrames(page: Page): Promise<{ intervals: number[]; renders: number[] }> {
  const box = (await page.locator('#stage').boundingBox())!;
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    const frames = [];
    window.frames_ = frames;
    const tick = (time) => {
      frames.push(time);
      if (window.frames_ === frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const renderer = window.explorer.renderer;
    const renders = [];
    let started = 0;
    window.renders_ = renders;
    window.before_ = () => { started = performance.now(); };
    window.after_ = () => { renders.push(performance.now() - started); };
    renderer.on('beforeRender', window.before_);
    renderer.on('afterRender', window.after_);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 3; i++) {
    await page.mouse.move(x - 200, y - 120, { steps: 40 });
    await page.mouse.move(x + 200, y + 120, { steps: 40 });
  }
  await page.mouse.up();
  const { times, renders } = (await page.evaluate(`(() => {
    const frames = window.frames_ ?? [];
    delete window.frames_;
    window.explorer.renderer.off('beforeRender', window.before_);
    window.explorer.renderer.off('afterRender', window.after_);
    return { times: frames, renders: window.renders_ };
  })()`)) as { times: number[]; renders: number[] };
  return { intervals: times.slice(1).map((time, i) => time - times[i]!), renders };
}

const session = await launchChromium({ viewport: { width: 1440, height: 900 } });
try {
  const page = session.page;
  const paints: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { firstPaint, graphReady } = await openFresh(page);
    paints.push(firstPaint);
    ready.push(graphReady);
  }
  const seedNodes = await explorer(page);
  console.log(`explorer bench: ${base}/explore, headless Chromium (${await session.context.browser()?.version() ?? 'chromium'}), software WebGL`);
  console.log(`first contentful paint: median ${ms(quantile(paints, 0.5))}, max ${ms(Math.max(...paints))} (${runs} fresh loads)`);
  console.log(`seed graph drawn (${seedNodes} nodes): median ${ms(quantile(ready, 0.5))}, max ${ms(Math.max(...ready))}`);

  // Expansions: each node of the opening view once, on a fresh load (request + merge + layout + frame).
  await openFresh(page);
  const ids = await page.evaluate(() => (window as unknown as { explorer: Explorer }).explorer.graph.nodes().slice(0, 12));
  for (const id of ids) await page.evaluate((node) => (window as unknown as { explorer: Explorer }).explorer.expand(node), id);
  const expansions = await page.evaluate(() => performance.getEntriesByName('expand').map((entry) => entry.duration));
  console.log(
    `expansion (${expansions.length} nodes): median ${ms(quantile(expansions, 0.5))}, p90 ${ms(quantile(expansions, 0.9))}, max ${ms(Math.max(...expansions))}; view grew to ${await explorer(page)} nodes`,
  );

  console.log('\nframe times while dragging the view (6 sweeps of 40 mouse moves):');
  console.log(
    '| nodes | edges | edges drawn | load+layout+draw | renders | render median | render p95 | frame interval median | p95 | max |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    await page.locator('#clear-graph').click();
    const view = syntheticView(size);
    const loadMs = await page.evaluate((v) => {
      const started = performance.now();
      (window as unknown as { explorer: Explorer }).explorer.addView(v);
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - started)));
    }, view);
    const drawn = await page.evaluate(() => {
      const { graph, renderer } = (window as unknown as {
        explorer: Explorer & { graph: { edges(): string[] }; renderer: { getEdgeDisplayData(e: string): { hidden?: boolean } | undefined } };
      }).explorer;
      return graph.edges().filter((edge) => !renderer.getEdgeDisplayData(edge)?.hidden).length;
    });
    await page.waitForTimeout(500);
    const { intervals, renders } = await dragFrames(page);
    console.log(
      `| ${size} | ${view.edges.length} | ${drawn} | ${ms(loadMs)} | ${renders.length} | ${ms(quantile(renders, 0.5))} | ` +
        `${ms(quantile(renders, 0.95))} | ${ms(quantile(intervals, 0.5))} | ${ms(quantile(intervals, 0.95))} | ${ms(Math.max(...intervals))} |`,
    );
  }
} finally {
  await session.close();
}
