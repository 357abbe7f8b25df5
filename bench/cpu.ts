// bench/cpu: where the CPU went during a measurement, for the case-chain benchmarks (not a script of
// its own). CpuMeter reads /proc: the whole machine's busy share, the PostgreSQL backends serving one
// database (matched by the database name in their process title) and this process. summarizeCpuProfile
// folds a V8 .cpuprofile (node --cpu-prof) into self time by package and by function.
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU ticks (user + system) of every process whose title names `database` (its postgres backends). */
function backendTicks(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres:') || !cmd.includes(` ${database} `)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(pid), Number(f[11]) + Number(f[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

export class CpuMeter {
  private readonly t0 = performance.now();
  private readonly machine0 = machineTicks();
  private readonly backends0: Map<number, number>;
  private readonly self0 = process.cpuUsage();

  constructor(private readonly database: string) {
    this.backends0 = backendTicks(database);
  }

  /** Since construction: wall time, the machine's busy share, CPU of the database's backends and of this process. */
  read(): { wallMs: number; machineBusyPct: number; backendMs: number; selfMs: number } {
    const m = machineTicks();
    let backend = 0;
    for (const [pid, ticks] of backendTicks(this.database)) backend += ticks - (this.backends0.get(pid) ?? 0);
    const self = process.cpuUsage(this.self0);
    return {
      wallMs: performance.now() - this.t0,
      machineBusyPct: (100 * (m.busy - this.machine0.busy)) / Math.max(1, m.total - this.machine0.total),
      backendMs: backend * TICK_MS,
      selfMs: (self.user + self.system) / 1000,
    };
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, node's internals, or a folder of this repository. */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const repo = /\/(apps\/server\/src\/(?:modules|platform)\/[^/]+|apps\/server\/src\/[^/]+|packages\/[^/]+)/.exec(url);
  return repo ? repo[1]! : url;
}

/** Self time by owner and the heaviest functions, as printable lines. */
export function summarizeCpuProfile(p: CpuProfile, top = 25): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[k] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((a, [, v]) => a + v, 0);
  const busy = total - idle;
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)') continue;
    const o = owner(f.url, f.functionName);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const name = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*?(node_modules\/|\/work\/main\/)/, '')}:${f.lineNumber + 1}` : ''}`;
    byFn.set(name, (byFn.get(name) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  const lines = [
    `${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s on CPU (not idle); self time by owner:`,
  ];
  for (const [o, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${share(us)}  ${o}`);
  lines.push(`heaviest functions (self time):`);
  for (const [fn, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${share(us)}  ${fn}`);
  return lines;
}
