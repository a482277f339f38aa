import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds a process has used so far (Linux; NaN elsewhere or when it is gone). */
export function cpuSeconds(pid: number | null): number {
  if (pid === null) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields count from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of this process (the load generator, or the floor's driver). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The built-in Neo4j's JVM, found by the Bolt port on its command line; null if not found. */
export function findNeo4jPid(port: number): number | null {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      const args = cmdline.split('\0');
      const portAt = args.indexOf('--port');
      if (args.some((arg) => arg.endsWith('Launcher') || arg.endsWith('Launcher.java')) && args[portAt + 1] === String(port)) {
        return Number(entry);
      }
    }
  } catch {
    // not Linux
  }
  return null;
}

export interface CpuMeter {
  /** CPU milliseconds each process spent since start(), per request. */
  stop(requests: number): CpuShare;
}

export interface CpuShare {
  /** The API server (null for floor cells). */
  serverMsPerRequest: number | null;
  neo4jMsPerRequest: number;
  /** This process: autocannon for API cells, the driver for floor cells. */
  clientMsPerRequest: number;
}

export function startCpuMeter(pids: { server: number | null; neo4j: number | null }): CpuMeter {
  const server0 = cpuSeconds(pids.server);
  const neo4j0 = cpuSeconds(pids.neo4j);
  const own0 = ownCpuSeconds();
  return {
    stop: (requests) => {
      const per = (seconds: number) => (seconds * 1000) / Math.max(1, requests);
      return {
        serverMsPerRequest: pids.server === null ? null : per(cpuSeconds(pids.server) - server0),
        neo4jMsPerRequest: per(cpuSeconds(pids.neo4j) - neo4j0),
        clientMsPerRequest: per(ownCpuSeconds() - own0),
      };
    },
  };
}
