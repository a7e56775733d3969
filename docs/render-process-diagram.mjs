// Renders a BPMN file to SVG (and optionally a PNG screenshot) with bpmn-js's
// prebuilt viewer in Debian's headless Chromium. Run via render-process-diagram.sh,
// which puts this file next to its node_modules in a temp dir.
// Usage: node render-process-diagram.mjs IN.bpmn OUT.svg [OUT.png]
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [input, svgOut, pngOut] = process.argv.slice(2);
if (!input || !svgOut) { console.error('usage: IN.bpmn OUT.svg [OUT.png]'); process.exit(2); }
const here = dirname(fileURLToPath(import.meta.url));

// A minimal page that loads the viewer bundle from node_modules via file://.
const html = join(here, 'viewer.html');
writeFileSync(html, `<!doctype html><meta charset="utf-8">
<style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style>
<div id="canvas"></div>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>`);

// Debian's Chromium only (nothing downloads a browser of its own), started with exactly
// these flags plus a fresh profile and the pipe Playwright talks over; Playwright's own
// default switches are left out (ignoreDefaultArgs) so the flag set stays minimal.
const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  ignoreDefaultArgs: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
         `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
});
try {
  // Wide viewport so "fit-viewport" keeps the whole (wide) diagram readable.
  const page = await browser.newPage({ viewport: { width: 3000, height: 900 } });
  await page.goto(pathToFileURL(html).href);
  const { svg, warnings } = await page.evaluate(async (xml) => {
    const viewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const { svg } = await viewer.saveSVG();
    return { svg, warnings: warnings.map((w) => w.message) };
  }, readFileSync(input, 'utf8'));
  // Import warnings mean missing or broken DI: fail loudly rather than draw a half picture.
  if (warnings.length) { console.error('import warnings:\n' + warnings.join('\n')); process.exitCode = 1; }
  writeFileSync(resolve(svgOut), svg);
  if (pngOut) await page.locator('#canvas').screenshot({ path: resolve(pngOut) });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
