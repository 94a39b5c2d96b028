// npm run screenshots [-- --no-build] [--dist DIR] [--port N]
//
// Pictures of every view of the production build (scripts/lib/app-views.mjs) for the README:
// 1000 x 700 CSS px in Debian's Chromium, each reduced to a palette PNG, into docs/screenshots/.
//
//   --no-build    picture the last build in --dist
//   --dist DIR    the build folder (default: $TMPDIR/localread-screenshots-dist, outside the repository)
//   --port N      the port `vite preview` serves on (default 4395)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_VIEWS } from './lib/app-views.mjs';
import { openAppSession, sessionOptions } from './lib/app-session.mjs';
import { decodePng, encodePalettePng } from './lib/png-palette.mjs';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const options = sessionOptions(process.argv.slice(2), { dist: 'localread-screenshots-dist', port: 4395 });

mkdirSync(OUT, { recursive: true });
const session = await openAppSession({ ...options, viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
try {
  for (const view of APP_VIEWS) {
    await session.page.goto(`${session.origin}/#/`);
    await view.open(session.page);
    // Focus and the caret would show where the script clicked last.
    await session.page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    const png = encodePalettePng(decodePng(await session.page.screenshot({ caret: 'hide', animations: 'disabled' })));
    writeFileSync(`${OUT}${view.name}.png`, png);
    console.log(`docs/screenshots/${view.name}.png  ${(png.length / 1024).toFixed(0)} KB`);
  }
} finally {
  await session.close();
}
