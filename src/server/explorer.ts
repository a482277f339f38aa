import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/**
 * The explorer page (src/explorer) at /explore. Its TypeScript is bundled with esbuild, with every
 * library from node_modules (no CDN): `npm run build` (and so `npm start`) writes dist/explorer for
 * `node dist/main.js`; `npm run dev` (source, through tsx) bundles afresh at each start into
 * node_modules/.cache, so the page always matches the code. The page's libraries and esbuild are
 * build-time (dev) dependencies: a production install serves the built bundle.
 */

export const EXPLORER_PATH = '/explore';
// src/explorer when this runs from source; dist/explorer (the bundle) when it runs compiled.
const EXPLORER_DIR = fileURLToPath(new URL('../explorer/', import.meta.url));
const STATIC_FILES = ['index.html', 'explorer.css'];

/** Bundles src/explorer into `outDir` (index.html, explorer.css, explorer.js and its source map). */
export async function buildExplorer(outDir: string): Promise<void> {
  // esbuild is only needed to bundle, not to serve a built dist/.
  const esbuild = await import('esbuild');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(EXPLORER_DIR, 'main.ts')],
    outfile: join(outDir, 'explorer.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const file of STATIC_FILES) await copyFile(join(EXPLORER_DIR, file), join(outDir, file));
}

/**
 * The folder to serve: dist/explorer when this runs compiled (built by `npm run build`), else a
 * fresh bundle of the sources.
 */
export async function prepareExplorer(): Promise<string> {
  if (!import.meta.url.endsWith('.ts')) return EXPLORER_DIR;
  const outDir = fileURLToPath(new URL('../../node_modules/.cache/dossier-explorer/', import.meta.url));
  await buildExplorer(outDir);
  return outDir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Same-origin only: scripts, styles and API calls come from this server. ForceAtlas2's layout
 * worker starts from a blob: URL, and PNG exports are blob: downloads.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the bundled explorer from memory: the files are read once, and only those names are
 * answered (no path from the URL reaches the file system).
 */
export async function loadExplorerPlugin(dir: string): Promise<Plugin> {
  const files = new Map<string, { body: string; type: string }>();
  for (const name of await readdir(dir)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) files.set(name, { body: await readFile(join(dir, name), 'utf8'), type });
  }
  if (!files.has('index.html') || !files.has('explorer.js')) {
    throw new Error(`${dir} holds no built explorer (index.html and explorer.js): run \`npm run build\``);
  }
  return {
    onRequest({ url, request, endResponse }) {
      if (url.pathname !== EXPLORER_PATH && !url.pathname.startsWith(`${EXPLORER_PATH}/`)) return;
      const name = url.pathname.slice(EXPLORER_PATH.length + 1) || 'index.html';
      const file = files.get(name);
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      endResponse(
        new Response(request.method === 'HEAD' ? null : file.body, {
          status: 200,
          headers: {
            'content-type': file.type,
            'cache-control': 'no-cache',
            'x-content-type-options': 'nosniff',
            'content-security-policy': CONTENT_SECURITY_POLICY,
          },
        }),
      );
    },
  };
}
