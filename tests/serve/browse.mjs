#!/usr/bin/env node
// Drives Debian's Chromium (headless, through puppeteer) to a served app's page and
// reads what the app draws from the page's websocket frames (Chrome DevTools protocol:
// the terminal is a canvas, so the page itself holds no text).
//
// Usage: node browse.mjs URL SHOT_BEFORE SHOT_AFTER FIRST_TEXT [AFTER_TEXT] [KEYS]
//   Opens URL (1200x700), waits until FIRST_TEXT is drawn, types KEYS (puppeteer key
//   names, comma-separated; optional; "@TEXT" waits until TEXT is drawn after the key
//   before it), takes SHOT_BEFORE and prints "READY".
//   With AFTER_TEXT it then waits (60 s at most) until that text is drawn, prints
//   "SEEN", lets the page settle and takes SHOT_AFTER.
//   Without AFTER_TEXT but with BROWSE_HOLD=SECONDS it takes SHOT_AFTER that much later.
//   Last line: JSON {"requests": [every URL the page asked for], "frames": N}.
//   BROWSE_VIEWPORT=WIDTHxHEIGHT: another page size (pixels).
// Tools as for render.mjs: KUNDEREJSE_TOOLS (default <repo>/.tools), CHROMIUM.

import fs from "node:fs";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const toolsDir = process.env.KUNDEREJSE_TOOLS || path.resolve(here, "..", "..", ".tools");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const [target, shotBefore, shotAfter, firstText, afterText, keys] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`browse.mjs: ${message}\n`);
  process.exit(2);
}

function plain(bytes) {
  // The terminal's bytes as text without escape sequences (a word may be split by them).
  return bytes.toString("utf8").replace(/\x1b\[[0-9;?<>]*[A-Za-z]|\x1b[()][A-Z0-9]/g, "");
}

async function main() {
  const entry = path.join(toolsDir, "node_modules", "puppeteer", "lib/esm/puppeteer/puppeteer.js");
  if (!fs.existsSync(entry)) fail(`puppeteer is not installed in ${toolsDir}`);
  if (!fs.existsSync(chromium)) fail(`no browser at ${chromium}`);
  const { default: puppeteer } = await import(url.pathToFileURL(entry).href);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const requests = [];
  let drawn = "";
  let frames = 0;
  try {
    const page = await browser.newPage();
    const [width, height] = (process.env.BROWSE_VIEWPORT || "1200x700").split("x").map(Number);
    await page.setViewport({ width, height });
    page.on("request", (request) => requests.push(request.url()));
    const cdp = await page.createCDPSession();
    await cdp.send("Network.enable");
    cdp.on("Network.webSocketCreated", (event) => requests.push(event.url));
    cdp.on("Network.webSocketFrameReceived", (event) => {
      const { opcode, payloadData } = event.response;
      if (opcode === 2) {
        frames += 1;
        drawn += plain(Buffer.from(payloadData, "base64"));
        if (drawn.length > 4_000_000) drawn = drawn.slice(-1_000_000);
      }
    });
    async function waitFor(text, seconds) {
      const end = Date.now() + seconds * 1000;
      while (!drawn.includes(text)) {
        if (Date.now() > end) fail(`${JSON.stringify(text)} never drawn`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    async function settle() {
      // Until no frame came for half a second (the app has drawn what it had to).
      let seen = -1;
      while (seen !== frames) {
        seen = frames;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await page.goto(target, { waitUntil: "load" });
    await waitFor(firstText, 60);
    await settle();
    // Keys go to the terminal's hidden textarea, as a person's typing does.
    await page.focus(".xterm-helper-textarea");
    for (const key of (keys || "").split(",").filter(Boolean)) {
      if (key.startsWith("@")) {
        await waitFor(key.slice(1), 60);
        continue;
      }
      drawn = "";
      await page.keyboard.press(key);
      await new Promise((r) => setTimeout(r, 150));
    }
    await settle();
    await page.screenshot({ path: shotBefore });
    drawn = "";
    process.stdout.write("READY\n");
    if (afterText) {
      await waitFor(afterText, 60);
      process.stdout.write("SEEN\n");
      await settle();
      await page.screenshot({ path: shotAfter });
    } else if (process.env.BROWSE_HOLD) {
      // For a picture some seconds on (the closing note's screenshots), no test needs it.
      await new Promise((r) => setTimeout(r, 1000 * Number(process.env.BROWSE_HOLD)));
      await settle();
      await page.screenshot({ path: shotAfter });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ requests, frames }) + "\n");
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
