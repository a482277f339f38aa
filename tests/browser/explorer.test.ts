import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Page } from 'playwright-core';
import type Sigma from 'sigma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { listDocumentFiles, readDocumentFile } from '../../src/ingestion/document-files.js';
import { SEEDS_DIR } from '../../src/ingestion/seed.js';
import { buildExplorer, loadExplorerPlugin } from '../../src/server/explorer.js';
import { closeServer, listen } from '../../src/server/server.js';
import { createApp } from '../../src/server/yoga.js';
import { isLocal, launchChromium, type BrowserSession } from '../support/browser.js';
import { createTestApp, execute, ingestInputOf, uniqueTag, type TestApp } from '../support/services.js';

/**
 * The explorer page in a real headless Chromium, against the real server and Neo4j with the seed
 * documents: search → expand → the panel's evidence → shortest path → exports → loading a
 * document with the write key. Screenshots of each step go to test-artifacts/explorer/.
 */

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'explorer');
const WRITE_KEY = `key-${uniqueTag()}`;
const MSS = 'agency:ministry-of-state-security-china';
const NATIONALS = 'target-group:chinese-nationals-posted-abroad';

const IngestSeed = graphql(`
  mutation ExplorerTestIngest($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      created
      document {
        id
      }
    }
  }
`);

const DocumentsByTitle = graphql(`
  query ExplorerTestDocuments($first: Int) {
    documents(first: $first) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const DeleteDocument = graphql(`
  mutation ExplorerTestDelete($id: ID!) {
    deleteDocument(id: $id) {
      documentId
    }
  }
`);

/** What the page exposes as `window.explorer` (src/explorer/main.ts), as far as the tests read it. */
interface NodeAttributes {
  x: number;
  y: number;
  label: string;
  entityType: string;
  generic: boolean;
  date: string | null;
}
declare global {
  interface Window {
    explorer: {
      graph: MultiDirectedGraph<NodeAttributes>;
      renderer: Sigma<NodeAttributes>;
      expand(id: string): Promise<void>;
    };
  }
}

/** Viewport position of a node as drawn, for real mouse clicks. */
async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  // Show the whole graph (the camera may have zoomed on a picked node), then wait for it to settle.
  await page.locator('#fit').click();
  await page.waitForFunction(() => !window.explorer.renderer.getCamera().isAnimated());
  const position = await page.evaluate((node) => {
    const { graph, renderer } = window.explorer;
    if (!graph.hasNode(node) || renderer.getNodeDisplayData(node)?.hidden) return null;
    const point = renderer.graphToViewport(graph.getNodeAttributes(node));
    const box = renderer.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, id);
  if (!position) throw new Error(`${id} is not drawn`);
  return position;
}

const order = (page: Page) => page.evaluate(() => [window.explorer.graph.order, window.explorer.graph.size]);

describe('explorer page in Chromium', () => {
  let app: TestApp;
  let server: Server;
  let url: string;
  let bundleDir: string;
  let browser: BrowserSession;
  let page: Page;
  const createdDocuments: string[] = [];
  const tag = uniqueTag('ex');

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    app = await createTestApp({ API_KEY: WRITE_KEY });
    for (const file of await listDocumentFiles([SEEDS_DIR])) {
      const input = await readDocumentFile(file);
      const result = await execute(
        app.yoga,
        IngestSeed,
        {
          input: ingestInputOf(input),
        },
        { authorization: `Bearer ${WRITE_KEY}` },
      );
      expect(result.errors).toBeUndefined();
      if (result.data!.ingestDocument.created) createdDocuments.push(result.data!.ingestDocument.document.id);
    }
    bundleDir = await mkdtemp(join(tmpdir(), 'dossier-explorer-'));
    await buildExplorer(bundleDir);
    const yoga = createApp(app.services, { explorer: await loadExplorerPlugin(bundleDir) });
    server = await listen(yoga, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await closeServer(server);
    // The documents this file loaded (seeds new to this database, and the one loaded from the page).
    const listed = await execute(app.yoga, DocumentsByTitle, { first: 100 });
    for (const edge of listed.data?.documents.edges ?? []) {
      if (edge.node.title?.includes(tag)) createdDocuments.push(edge.node.id);
    }
    for (const id of createdDocuments) {
      await execute(app.yoga, DeleteDocument, { id }, { authorization: `Bearer ${WRITE_KEY}` });
    }
    await app.close();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  it('opens on the seed graph, drawn with WebGL', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${url}/explore`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    const [nodes, edges] = await order(page);
    expect(nodes).toBeGreaterThan(5);
    expect(edges).toBeGreaterThan(3);
    expect(await page.evaluate((id) => window.explorer.graph.hasNode(id), MSS)).toBe(true);
    // sigma draws into WebGL canvases.
    expect(await page.locator('#stage canvas').count()).toBeGreaterThan(1);
    expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(true);
    // The legend names every entity type with its colour and count.
    await expect.poll(() => page.locator('#entity-filters label').count()).toBe(5);
    await shot('01-overview');
    expect(errors).toEqual([]);
  });

  it('finds an agency by its French name without accents, and opens its neighbourhood and panel', async () => {
    await page.locator('button#clear-graph').click();
    expect(await order(page)).toEqual([0, 0]);
    await page.locator('#search').fill("securite d'etat");
    const hit = page.locator(`#search-results li[data-id="${MSS}"]`);
    await hit.waitFor();
    await shot('02-search');
    await hit.click();
    await page.waitForFunction((id) => window.explorer.graph.hasNode(id), NATIONALS);
    await page.locator('#panel [data-testid="panel-title"]').waitFor();
    expect(await page.locator('#panel [data-testid="panel-title"]').textContent()).toBe('Ministry of State Security (China)');
    // Names with their languages, the documents, the sentences with the mention marked.
    const panelText = await page.locator('#panel').textContent();
    expect(panelText).toContain("ministère chinois de la Sécurité d'État fr");
    expect(panelText).toContain('Ministry of State Security en');
    expect(await page.locator('#panel blockquote.evidence mark').count()).toBeGreaterThan(0);
    await shot('03-expanded-with-panel');
  });

  it('expands a node on click, merging by id without duplicates', async () => {
    await page.waitForSelector('body[data-busy="false"]', { state: 'attached' });
    const before = await order(page);
    const expansions = () => page.evaluate(() => performance.getEntriesByName('expand').length);
    const expandedBefore = await expansions();
    const position = await nodePosition(page, NATIONALS);
    await page.mouse.click(position.x, position.y);
    await page.waitForFunction(
      () => document.querySelector('#panel [data-testid="panel-title"]')?.textContent === 'Chinese nationals posted abroad',
    );
    await expect.poll(expansions).toBe(expandedBefore + 1);
    await page.waitForSelector('body[data-busy="false"]', { state: 'attached' });
    const after = await order(page);
    expect(after[0]).toBeGreaterThanOrEqual(before[0]!);
    // The same neighbourhood again adds nothing: nodes and edges are keyed by their stable ids.
    await page.evaluate((id) => window.explorer.expand(id), MSS);
    await page.evaluate((id) => window.explorer.expand(id), NATIONALS);
    expect(await order(page)).toEqual(after);
    const measures = await page.evaluate(() => performance.getEntriesByName('expand').map((entry) => entry.duration));
    expect(measures.length).toBeGreaterThan(0);
  });

  it('shows the sentences behind an edge, with both ends marked', async () => {
    const edge = `${MSS}|WARNS|${NATIONALS}`;
    expect(await page.evaluate((id) => window.explorer.graph.hasEdge(id), edge)).toBe(true);
    const from = await nodePosition(page, MSS);
    const to = await nodePosition(page, NATIONALS);
    // A real click on the edge; other edges may cross it, so a few points along it are tried.
    // The selection is known at once; the panel then waits for the server (slow under load).
    const title = page.locator('#panel [data-testid="panel-title"]');
    let hit = false;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      await page.mouse.click(from.x + t * (to.x - from.x), from.y + t * (to.y - from.y));
      hit = await page.evaluate(() => document.body.dataset.selected).then((selected) => selected === edge);
      if (hit) break;
    }
    expect(hit).toBe(true);
    await title.filter({ hasText: ' warns ' }).waitFor();
    expect(await page.locator('#panel [data-testid="panel-title"]').textContent()).toMatch(
      /^Ministry of State Security \(China\) warns .*nationals/i,
    );
    expect(await page.locator('#panel blockquote.evidence').count()).toBeGreaterThan(0);
    expect(await page.locator('#panel blockquote.evidence mark').count()).toBeGreaterThan(1);
    expect(await page.locator('#panel a[href^="https://example.org/seeds/"]').count()).toBeGreaterThan(0);
    await shot('04-edge-evidence');
  });

  it('filters by entity type and by the timeline brush', async () => {
    const events = await page.evaluate(() => window.explorer.graph.filterNodes((_n, a) => a.entityType === 'EVENT'));
    expect(events.length).toBeGreaterThan(0);
    const hidden = (ids: string[]) =>
      page.evaluate((list) => list.filter((id) => window.explorer.renderer.getNodeDisplayData(id)?.hidden).length, ids);
    await page.locator('input[data-filter="EVENT"]').uncheck();
    expect(await hidden(events)).toBe(events.length);
    await page.locator('input[data-filter="EVENT"]').check();
    expect(await hidden(events)).toBe(0);
    // Dated events appear on the strip; brushing a narrow band at its left end hides later ones.
    await expect.poll(() => page.locator('#timeline circle').count()).toBeGreaterThan(0);
    const box = (await page.locator('#timeline').boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 30, box.y + 20, { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector('body[data-date-range="on"]', { state: 'attached' });
    const dated = await page.evaluate(() => window.explorer.graph.filterNodes((_n, a) => a.date !== null));
    expect(dated.length).toBeGreaterThan(0);
    expect(await hidden(dated)).toBeGreaterThan(0);
    await shot('05-timeline-brush');
    await page.locator('#timeline-clear').click();
    expect(await hidden(dated)).toBe(0);
  });

  it('highlights the shortest path between two shift-clicked nodes', async () => {
    const ends = await page.evaluate((seed) => {
      const { graph } = window.explorer;
      // Two nodes two hops apart through the seed.
      const neighbours = graph.neighbors(seed).filter((n) => !graph.getNodeAttribute(n, 'generic'));
      return [neighbours[0], neighbours[neighbours.length - 1]];
    }, MSS);
    expect(ends[0]).not.toBe(ends[1]);
    for (const end of ends) {
      const position = await nodePosition(page, end!);
      await page.keyboard.down('Shift');
      await page.mouse.click(position.x, position.y);
      await page.keyboard.up('Shift');
    }
    await page.waitForSelector('body[data-path]', { state: 'attached' });
    const hops = Number(await page.evaluate(() => document.body.dataset.path));
    expect(hops).toBeGreaterThanOrEqual(1);
    expect(hops).toBeLessThanOrEqual(2);
    // Path edges are drawn in the path colour, the rest faded.
    const colours = await page.evaluate(() => {
      const { graph, renderer } = window.explorer;
      return graph.edges().map((edge) => renderer.getEdgeDisplayData(edge)?.color);
    });
    expect(colours.filter((colour) => colour === '#e67e22')).toHaveLength(hops);
    await shot('06-shortest-path');
  });

  it('exports the view as PNG, GraphML and JSON', async () => {
    const save = async (button: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const path = join(ARTIFACTS, name);
      await download.saveAs(path);
      return readFile(path);
    };
    const png = await save('#export-png', 'export.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    const json = JSON.parse((await save('#export-json', 'export.json')).toString('utf8')) as SerializedGraph;
    const graph = MultiDirectedGraph.from(json);
    const [nodes, edges] = await order(page);
    expect(graph.order).toBe(nodes);
    expect(graph.size).toBe(edges);
    expect(graph.getNodeAttribute(MSS, 'label')).toBe('Ministry of State Security (China)');
    const graphml = (await save('#export-graphml', 'export.graphml')).toString('utf8');
    // Parsed by the browser's own XML parser: well-formed, with every node and edge.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        nodes: doc.getElementsByTagName('node').length,
        edges: doc.getElementsByTagName('edge').length,
      };
    }, graphml);
    expect(parsed).toEqual({ error: 0, nodes, edges });
  });

  it('loads a dropped document: asks for the write key, dry run, then load', async () => {
    const text =
      `Test note ${tag}. On 14 February 2025 the Ministry of State Security warned Chinese students abroad ` +
      'about recruiters who offer paid internships in exchange for reports on their laboratories. ' +
      'The ministry said such offers often arrive through professional networking sites.';
    await page.locator('#open-load').click();
    const dataTransfer = await page.evaluateHandle(
      ([content, name]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content!], name!, { type: 'text/plain' }));
        return transfer;
      },
      [text, `note ${tag}.txt`],
    );
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
    await expect.poll(() => page.locator('#load-text').inputValue()).toBe(text);
    expect(await page.locator('#load-title').inputValue()).toBe(`note ${tag}`);
    await page.locator('#load-published').fill('2025-02-15');
    await page.locator('#load-language').selectOption('EN');
    // Without the key the server refuses, and the page says what to do.
    await page.locator('#load-dry-run').click();
    await page.locator('[data-testid="load-error"]').waitFor();
    expect(await page.locator('[data-testid="load-error"]').textContent()).toContain('write key');
    await page.locator('#load-key').fill(WRITE_KEY);
    await page.locator('#load-dry-run').click();
    await page.locator('[data-testid="dry-run-result"]').waitFor();
    expect(await page.locator('#load-result').textContent()).toContain('Ministry of State Security');
    await shot('07-load-dry-run');
    // A dry run writes nothing.
    const before = await execute(app.yoga, DocumentsByTitle, { first: 100 });
    expect(before.data!.documents.edges.some((edge) => edge.node.title?.includes(tag))).toBe(false);
    await page.locator('#load-commit').click();
    await page.locator('[data-testid="load-done"]').waitFor();
    const after = await execute(app.yoga, DocumentsByTitle, { first: 100 });
    expect(after.data!.documents.edges.some((edge) => edge.node.title?.includes(tag))).toBe(true);
    await shot('08-loaded');
    await page.locator('#load-cancel').click();
    await page.waitForSelector('body[data-busy="false"]', { state: 'attached' });
    await shot('09-graph-after-load');
  });

  it('serves only the bundled files, same-origin only', async () => {
    const page = await fetch(`${url}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const script = await fetch(`${url}/explore/explorer.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    for (const path of ['/explore/nothing.js', '/explore/%2e%2e/package.json', '/explore/..%2fpackage.json']) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${url}/explore`, { method: 'POST' })).status).toBe(404);
  });

  it('asked for nothing beyond this server', () => {
    expect(browser.requests.length).toBeGreaterThan(5);
    expect(browser.requests.filter((request) => !isLocal(request))).toEqual([]);
  });
});
