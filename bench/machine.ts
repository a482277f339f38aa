import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { GraphStore } from '../src/store/graph-store.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  neo4jDriver: string;
  /** 1-minute load average when the bench started: a shared machine shows here. */
  loadAverage: number;
}

export interface RevisionInfo {
  commit: string;
  /** Files changed and not committed when the bench ran (none for a clean checkout). */
  dirty: boolean;
}

/** What the figures were measured on: cores, memory, Node, Neo4j and driver versions. */
export async function describeMachine(store: GraphStore): Promise<MachineInfo> {
  const components = await store.read('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
  const neo4j = components[0]
    ? `${String(components[0].name)} ${(components[0].versions as string[]).join(', ')} ${String(components[0].edition)}`
    : 'unknown';
  const driverPackage = JSON.parse(readFileSync(new URL('../node_modules/neo4j-driver/package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    neo4j,
    neo4jDriver: driverPackage.version,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export function describeRevision(): RevisionInfo {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return { commit, dirty: status.length > 0 };
  } catch {
    return { commit: 'unknown (not a git checkout)', dirty: false };
  }
}
