import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the API server's time goes: a V8 CPU profile (node --cpu-prof) taken under load, reduced
 * to self time per package (graphql, graphql-yoga, @pothos, neo4j-driver, Node internals, our
 * src/, garbage collection) and the hottest functions. Idle is time the event loop waited (on
 * Neo4j, on the network): the server had nothing to run.
 */

export interface ProfileSummary {
  sampledMs: number;
  idleMs: number;
  /** Busy time (not idle) per package, largest first, with its share of busy time. */
  byPackage: { name: string; ms: number; share: number }[];
  /** Hottest functions by self time. */
  topFunctions: { name: string; where: string; ms: number; share: number }[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `…/node_modules/@pothos/core/esm/…` → `@pothos/core`; `node:internal/…` → `node internals`. */
export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 / native (program)';
    return `native ${functionName || '(anonymous)'}`;
  }
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return `dossier ${url.slice(src + 1).split('/').slice(0, 2).join('/')}`;
  return url;
}

/** Monotonic microseconds, the clock V8's profiler stamps samples with (CLOCK_MONOTONIC on Linux). */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per function and package. `window` (monotonic µs) keeps only the samples taken under
 * load, leaving out start-up (module loading) and shutdown.
 */
export function summarizeProfile(profile: CpuProfile, window?: { start: number; end: number }, top = 12): ProfileSummary {
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.start || at > window.end)) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    if (pkg === '(idle)') {
      idle += us;
      continue;
    }
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const where = url ? `${pkg}:${lineNumber + 1}` : pkg;
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const busy = Math.max(1, total - idle);
  return {
    sampledMs: total / 1000,
    idleMs: idle / 1000,
    byPackage: [...packages]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busy })),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: f.us / busy })),
  };
}

/** Reads and removes the profile(s) node wrote into `directory` when the server exited. */
export async function readProfile(
  directory: string,
  window?: { start: number; end: number }): Promise<ProfileSummary | null> {
  // Node names them CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; worker threads (the
  // module loader's, extraction's) write their own: the main thread is thread 0.
  const files = (await readdir(directory).catch(() => [] as string[])).filter((file) => /\.0\.\d+\.cpuprofile$/.test(file));
  if (files.length === 0) return null;
  const profile = JSON.parse(await readFile(join(directory, files.sort().at(-1)!), 'utf8')) as CpuProfile;
  return summarizeProfile(profile, window);
}

export async function clearProfiles(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}
