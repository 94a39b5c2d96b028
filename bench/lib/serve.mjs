// Builds the app and serves the production bundle with `vite preview`, as a user would run it.
import { spawn, spawnSync } from 'node:child_process';

/** Runs `vite build` into `outDir`; throws when it fails. */
export function build(outDir) {
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

/** Starts `vite preview` on `port`; resolves with the origin and a stop function once it answers. */
export async function serve(outDir, port) {
  const server = spawn('npx', ['vite', 'preview', '--strictPort', '--port', String(port), '--outDir', outDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { origin, stop };
}
