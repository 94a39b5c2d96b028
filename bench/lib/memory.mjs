// Peak memory of Chromium's renderer processes (the page, its workers and the service worker),
// sampled from /proc: resident set size, summed over every renderer of our browser.
import { readFileSync, readdirSync } from 'node:fs';

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function processTable() {
  const table = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    const cmdline = readProc(entry, 'cmdline');
    if (!stat || cmdline === null) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readProc(entry, 'status') ?? '')?.[1];
    table.push({ pid: Number(entry), ppid, cmdline: cmdline.replace(/\0/g, ' '), rssKb: Number(rss ?? 0) });
  }
  return table;
}

/** Total RSS (bytes) of the renderer processes descending from the browser with `profileDir`. */
export function rendererBytes(profileDir) {
  const table = processTable();
  const root = table.find((p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='));
  if (!root) return 0;
  const descendants = new Set([root.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) {
      if (!descendants.has(p.pid) && descendants.has(p.ppid)) {
        descendants.add(p.pid);
        grew = true;
      }
    }
  }
  return table
    .filter((p) => descendants.has(p.pid) && p.cmdline.includes('--type=renderer'))
    .reduce((sum, p) => sum + p.rssKb * 1024, 0);
}

/** Samples renderer memory every `intervalMs`; `peak()` returns the peak since the last reset. */
export function memorySampler(profileDir, intervalMs = 100) {
  let peak = 0;
  let peakTime = Date.now();
  const sample = () => {
    const bytes = rendererBytes(profileDir);
    if (bytes > peak) [peak, peakTime] = [bytes, Date.now()];
  };
  const timer = setInterval(sample, intervalMs);
  return {
    peak: () => {
      sample();
      return peak;
    },
    /** When (Date.now()) the peak was sampled. */
    peakTime: () => peakTime,
    reset: () => {
      [peak, peakTime] = [rendererBytes(profileDir), Date.now()];
    },
    stop: () => clearInterval(timer),
  };
}
