#!/usr/bin/env node
// Renders many Mermaid diagrams with ONE browser start, through mermaid-cli's own API
// (renderMermaid), so the tests see exactly what `mmdc` would produce.
//
// Input (a file named by the first argument, or stdin): JSON [{"id": "...", "definition": "..."}].
// Output (the file named by the second argument, or stdout): JSON
//   {"mermaidVersion": "...", "results": [{"id", "svg"} | {"id", "error"}]}
// A diagram Mermaid rejects is reported as that diagram's error; the harness itself only
// fails (exit 2) when the tools or the browser are missing.
//
// Tools come from KUNDEREJSE_TOOLS (default: <repo>/.tools), installed by
// .ci/install-render-tools; the browser is CHROMIUM (default: /usr/bin/chromium).

import fs from "node:fs";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const toolsDir = process.env.KUNDEREJSE_TOOLS || path.resolve(here, "..", "..", ".tools");
const modules = path.join(toolsDir, "node_modules");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";

function fail(message) {
  process.stderr.write(`render.mjs: ${message}\n`);
  process.exit(2);
}

async function importFrom(pkg, entry) {
  const file = path.join(modules, pkg, entry);
  if (!fs.existsSync(file)) fail(`${pkg} is not installed in ${modules} (run .ci/install-render-tools)`);
  return import(url.pathToFileURL(file).href);
}

function readInput() {
  const source = process.argv[2] && process.argv[2] !== "-" ? process.argv[2] : 0;
  return JSON.parse(fs.readFileSync(source, "utf8"));
}

async function main() {
  if (!fs.existsSync(chromium)) fail(`no browser at ${chromium}`);
  const diagrams = readInput();
  const { renderMermaid } = await importFrom("@mermaid-js/mermaid-cli", "src/index.js");
  const { default: puppeteer } = await importFrom("puppeteer", "lib/esm/puppeteer/puppeteer.js");
  const mermaidVersion = JSON.parse(
    fs.readFileSync(path.join(modules, "mermaid", "package.json"), "utf8"),
  ).version;

  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  // Each renderMermaid call opens its own page, so a few can run side by side in the
  // one browser; results keep the input order.
  const concurrency = Math.max(1, Number(process.env.RENDER_CONCURRENCY || 2));
  const results = new Array(diagrams.length);
  let next = 0;
  async function worker() {
    while (next < diagrams.length) {
      const index = next++;
      const { id, definition } = diagrams[index];
      try {
        const { data } = await renderMermaid(browser, definition, "svg", {
          // The same id for every diagram keeps the SVGs comparable between runs.
          svgId: "diagram",
        });
        results[index] = { id, svg: new TextDecoder().decode(data) };
      } catch (err) {
        results[index] = { id, error: String(err && err.message ? err.message : err) };
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await browser.close();
  }
  const out = JSON.stringify({ mermaidVersion, results });
  if (process.argv[3] && process.argv[3] !== "-") fs.writeFileSync(process.argv[3], out);
  else process.stdout.write(out);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
