#!/usr/bin/env node
/**
 * Opens the HTML report of the test fixture in headless Chromium, fails on any console error,
 * page error or request for an external asset, checks that the heat map fits an A4 landscape page
 * when printed, and saves a screenshot to docs/report-screenshot.png.
 *
 * Not part of `npm test` (CI has no browser). Needs Chromium at /usr/bin/chromium (on Debian:
 * apt-get install -y chromium fonts-noto-cjk) and `npm run build` first:
 *
 *   node test/browser/render-report.mjs [--lang en] [--period 2026-Q3] [--as-of 2026-09-15]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const lang = option('--lang', 'zh-CN');
const period = option('--period', '2026-Q3');
const asOf = option('--as-of', '2026-09-15');
const screenshot = path.resolve(ROOT, option('--screenshot', 'docs/report-screenshot.png'));

const work = mkdtempSync(path.join(os.tmpdir(), 'dangjian-browser-'));
const htmlFile = path.join(work, 'report.html');
try {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'bin/dangjian.cjs'), 'report', '--period', period, '--as-of', asOf, '--lang', lang, '--format', 'html', '--output', htmlFile, 'test/fixtures/report/logs'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
} catch (error) {
  // Exit status 1 only says that the fixture has a file that could not be counted, on purpose.
  if (error.status !== 1) throw error;
}

const problems = [];
// A persistent context is how Playwright takes --user-data-dir: a fresh, throwaway profile.
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'dangjian-chromium-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1360, height: 900 },
  deviceScaleFactor: 1,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    problems.push(`external request: ${url}`);
    return route.abort();
  });
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });

  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    scripts: document.querySelectorAll('script').length,
    rows: document.querySelectorAll('table.heat tr.branch').length,
    marks: document.querySelectorAll('table.heat .m').length,
  }));
  if (facts.lang !== lang) problems.push(`html lang is "${facts.lang}", expected "${lang}"`);
  if (facts.scripts !== 0) problems.push(`the page has ${facts.scripts} scripts`);
  if (facts.rows === 0 || facts.marks === 0) problems.push('the heat map is empty');

  mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });

  // Printed on A4 landscape (297 mm less the 8 mm margins, at 96 px per inch) the table must fit.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor(((297 - 16) / 25.4) * 96), height: 700 });
  const print = await page.evaluate(() => ({
    table: Math.ceil(document.querySelector('table.heat').getBoundingClientRect().width),
    page: document.documentElement.clientWidth,
    overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
  if (print.overflow || print.table > print.page) problems.push(`printed, the table is ${print.table}px wide on a ${print.page}px page`);
  const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
  writeFileSync(path.join(work, 'report.pdf'), pdf);

  console.log(`rendered ${facts.rows} branches, ${facts.marks} marks; printed table ${print.table}px of ${print.page}px`);
  console.log(`screenshot: ${path.relative(ROOT, screenshot)}; PDF: ${path.join(work, 'report.pdf')}`);
} finally {
  await context.close();
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✖ ${problem}`);
  process.exit(1);
}
