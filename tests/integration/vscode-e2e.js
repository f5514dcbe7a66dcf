// Drives a code-server (VS Code in the browser) that has the prfaq extension installed, with
// headless Chromium through playwright-core; run by vscode-e2e.sh, which sets the environment:
//   E2E_URL       code-server's address, with ?folder= the workspace
//   E2E_EXPECT    {"errors":N,"warnings":N,"infos":N} from `prfaq lint --format json`
//   E2E_SHOT      the screenshot to write (PNG)
//   E2E_WS        the workspace folder (holds flawed-launchpad.md)
//   E2E_CHROME    a fresh Chromium profile directory
// Prints one "PASS: ..." or "FAIL: ..." line a check; exits 1 if any failed.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const url = env('E2E_URL');
const expect = JSON.parse(env('E2E_EXPECT'));
const shot = env('E2E_SHOT');
const workspace = env('E2E_WS');
const FILE = 'flawed-launchpad.md';
const STATUS = '[id="prfaq.prfaq.prfaq.status"]';

let failures = 0;
function report(ok, name, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures++;
  return ok;
}
const squash = (s) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

/** Polls fn until it returns a truthy value or the time runs out; returns the last value. */
async function until(fn, ms = 30000, step = 250) {
  const end = Date.now() + ms;
  let v;
  for (;;) {
    try {
      v = await fn();
    } catch {
      v = undefined;
    }
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, step));
  }
}

async function statusCounts(page) {
  const text = squash(await page.locator(STATUS).innerText({ timeout: 2000 }));
  const m = /prfaq (\d+) (\d+) (\d+)/.exec(text);
  return m ? { errors: +m[1], warnings: +m[2], infos: +m[3], text } : { text };
}

async function editorText(page) {
  return squash(await page.locator('.monaco-editor .view-lines').first().innerText());
}

async function goTo(page, lineCol) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 5000 });
  await page.keyboard.type(`:${lineCol}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** Opens the quick fix menu (Ctrl+.) until it lists an action matching `want`; its rows. */
async function quickFixes(page, want) {
  return until(async () => {
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
    const t = (await rows.allInnerTexts()).map(squash);
    if (t.some((r) => want.test(r))) return t;
    await page.keyboard.press('Escape'); // not (yet) there: close and ask again
    await page.waitForTimeout(500);
    return undefined;
  }, 20000, 0);
}

async function main() {
  const context = await chromium.launchPersistentContext(env('E2E_CHROME'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    await page.locator('.explorer-folders-view, .welcome-view').first().waitFor({ timeout: 60000 });

    // Open the document with Quick Open.
    await until(async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 3000 });
      return true;
    }, 30000, 1000);
    await page.keyboard.type(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: FILE }).waitFor();
    await page.locator('.monaco-editor .view-lines').first().waitFor();

    // 1. Diagnostics: squiggles in the editor.
    const squiggles = await until(async () => {
      const n = await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').count();
      return n > 0 ? n : 0;
    }, 90000);
    report(squiggles > 0, 'diagnostics from prfaq show as squiggles in the editor', `${squiggles} squiggles`);

    // 2. The extension's status-bar item: the same counts as `prfaq lint`.
    const counts = await until(async () => {
      const c = await statusCounts(page);
      return c.errors === expect.errors && c.warnings === expect.warnings && c.infos === expect.infos ? c : undefined;
    }, 30000);
    const seen = counts ?? (await statusCounts(page).catch(() => ({ text: 'no status item' })));
    report(counts !== undefined, 'the status bar shows the finding counts of prfaq lint',
      `status "${seen.text}", prfaq lint ${expect.errors}/${expect.warnings}/${expect.infos}`);

    // 3. The Problems panel lists prfaq's findings with their rule codes.
    await page.keyboard.press('Control+Shift+M');
    const problems = await until(async () => {
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      const text = squash(rows.join(' | '));
      // The list is virtual: only the rows in view are in the page, errors first, so any hype
      // finding in view is taken, not one of them.
      return /prfaq/.test(text) && /PF503/.test(text) && /Hype '/.test(text) ? rows.length : 0;
    }, 30000);
    report(problems > 0, "the Problems panel lists prfaq's findings (a PF503 Hype row among them)", `${problems} rows in view`);

    // 4. Hover on a finding: the rule's explanation.
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await goTo(page, '3:27'); // inside "world-class"
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The hover holds the diagnostics' own lines first, then the server's hover (rule summary,
    // why, help, "More: prfaq explain PF503"): wait for the latter.
    const hover = await until(async () => {
      const t = squash(await page.locator('.monaco-hover:visible').first().innerText({ timeout: 1000 }));
      return /prfaq explain PF503/.test(t) ? t : undefined;
    }, 15000);
    const explained = hover === undefined ? '' : hover.slice(hover.indexOf('PF503 hype'));
    report(
      hover !== undefined && /PF503 hype \(warning\)/.test(hover) && /world-class/.test(explained) && /Help:/.test(explained),
      'hover on a finding explains the rule (PF503 hype, its message, help, prfaq explain PF503)',
      hover !== undefined ? `"${explained.slice(0, 200)}..."` : 'no hover from the server',
    );
    await page.waitForTimeout(1000); // the hover fades in
    await page.screenshot({ path: shot });
    report(fs.existsSync(shot) && fs.statSync(shot).size > 10000, 'screenshot written', shot);
    await page.keyboard.press('Escape');

    // 5. Quick fix on a finding: the light bulb menu offers prfaq's fixes; apply one.
    await goTo(page, '3:8'); // inside "revolutionary"
    const menu = await quickFixes(page, /Disable PF503 \(hype\) for this line/);
    report(menu !== undefined && menu.some((r) => /Disable PF503 \(hype\) for this file/.test(r)),
      'a quick fix is offered (Disable PF503 (hype) for this line / for this file)',
      menu ? menu.join('; ') : 'no prfaq quick fix in the menu');
    if (menu) {
      // Down to the action, then Enter (the menu takes the keyboard).
      for (let i = 0; i < menu.length; i++) {
        const focused = squash(await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => ''));
        if (/Disable PF503 \(hype\) for this line/.test(focused)) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      const applied = await until(async () => {
        const t = await editorText(page);
        const c = await statusCounts(page);
        return /prfaq-disable-line PF503/.test(t) && c.warnings < expect.warnings ? c : undefined;
      }, 15000);
      report(applied !== undefined, 'applying the quick fix adds the comment and the warnings drop',
        applied ? applied.text : (await statusCounts(page)).text);
    }

    // 6. A misspelling: the quick fix menu offers to add the word to the vocabulary; the
    // command "prfaq: Add Word to Project Vocabulary" does it for the word at the cursor (the
    // server writes a new .prfaq.toml at the workspace root) and the finding goes.
    await goTo(page, '9:66'); // inside "siloed"
    const spelling = await quickFixes(page, /Add 'siloed' to the project vocabulary/);
    report(spelling !== undefined, "a misspelling's quick fixes include Add 'siloed' to the project vocabulary",
      spelling ? spelling.join('; ') : 'not offered');
    await page.keyboard.press('Escape');
    const beforeWord = await statusCounts(page);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('prfaq: Add Word');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'prfaq: Add Word to Project Vocabulary' }).first().waitFor();
    await page.keyboard.press('Enter');
    const prefilled = await until(async () => {
      const v = await page.locator('.quick-input-widget input').inputValue({ timeout: 1000 });
      return v === 'siloed' ? v : undefined;
    }, 10000);
    await page.keyboard.press('Enter');
    const toml = path.join(workspace, '.prfaq.toml');
    const added = await until(async () => {
      const c = await statusCounts(page);
      return fs.existsSync(toml) && /siloed/.test(fs.readFileSync(toml, 'utf8')) && c.warnings < beforeWord.warnings ? c : undefined;
    }, 20000);
    report(prefilled !== undefined && added !== undefined,
      "prfaq: Add Word to Project Vocabulary adds the word at the cursor ('siloed' in .prfaq.toml, the finding gone)",
      `input "${prefilled ?? 'not siloed'}", ${beforeWord.text} -> ${(added ?? (await statusCounts(page))).text}`);

    // 7. The commands in the palette; "Fix All Safe Findings" applies the safe fixes.
    const before = await statusCounts(page);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('prfaq: ');
    const palette = await until(async () => {
      const rows = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(squash);
      const want = ['Fix All Safe Findings', 'Add Word to Project Vocabulary', 'Restart Server', 'Show Output'];
      return want.every((w) => rows.some((r) => r.includes(`prfaq: ${w}`))) ? rows : undefined;
    }, 15000);
    report(palette !== undefined, 'the command palette has the prfaq commands',
      palette ? palette.filter((r) => r.startsWith('prfaq')).join('; ') : 'missing');
    await page.keyboard.type('Fix All');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'prfaq: Fix All Safe Findings' }).first().waitFor();
    await page.keyboard.press('Enter');
    const fixed = await until(async () => {
      const t = await editorText(page);
      const c = await statusCounts(page);
      return !/leverages/.test(t) && c.warnings < before.warnings ? c : undefined;
    }, 20000);
    report(fixed !== undefined, "prfaq: Fix All Safe Findings applies the safe fixes ('leverages' replaced, warnings drop)",
      `${before.text} -> ${(fixed ?? (await statusCounts(page))).text}`);

    // 8. A broken .prfaq.toml: the server cannot lint the document; the status bar says so.
    fs.writeFileSync(toml, '[spelling]\naccept = ["siloed"\n');
    const broken = await until(async () => {
      const t = squash(await page.locator(STATUS).innerText({ timeout: 1000 }));
      return /configuration error/.test(t) ? t : undefined;
    }, 30000);
    report(broken !== undefined, 'a broken .prfaq.toml shows "prfaq: configuration error" in the status bar',
      broken ?? (await statusCounts(page)).text);

    // 9. The settings in the Settings editor; a prfaq.path that points nowhere gives the error
    // with the install hint and "prfaq: not found" in the status bar.
    await page.keyboard.press('Control+,');
    await page.locator('.settings-editor').waitFor();
    await page.waitForTimeout(500);
    await page.keyboard.type('@ext:prfaq.prfaq');
    // prfaq.path and prfaq.args are machine-overridable: in code-server (a remote window) the
    // Settings editor shows them under the Remote tab, prfaq.trace.server under User too.
    const user = await until(async () => {
      const t = squash((await page.locator('.settings-editor .setting-item-contents').allInnerTexts()).join(' | '));
      return /Trace: Server/.test(t) ? t : undefined;
    }, 15000);
    await page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: 'Remote' }).first().click();
    const listed = await until(async () => {
      const t = squash((await page.locator('.settings-editor .setting-item-contents').allInnerTexts()).join(' | '));
      return /Path/.test(t) && /Args/.test(t) && /The prfaq executable/.test(t) ? t : undefined;
    }, 15000);
    report(user !== undefined && listed !== undefined,
      'the Settings editor lists prfaq.trace.server (User) and prfaq.path, prfaq.args (Remote)',
      listed ? `"${listed.slice(0, 120)}..."` : 'not listed');
    const pathInput = page.locator('.settings-editor .setting-item-contents', { hasText: 'The prfaq executable' }).locator('input').first();
    await pathInput.fill('/nonexistent/prfaq');
    await pathInput.press('Tab');
    const toast = await until(async () => {
      const t = squash((await page.locator('.notifications-toasts .notification-list-item').allInnerTexts()).join(' | '));
      return /cannot find the prfaq executable/.test(t) ? t : undefined;
    }, 30000);
    const status = squash(await page.locator(STATUS).innerText().catch(() => ''));
    report(toast !== undefined && /apt-get install \.\/prfaq_\*\.deb/.test(toast) && /not found/.test(status),
      'a prfaq.path that points nowhere: an error with the install hint, "prfaq: not found" in the status bar',
      toast ? `"${toast.slice(0, 200)}", status "${status}"` : `no such notification, status "${status}"`);
    await page.screenshot({ path: shot.replace(/\.png$/, '') + '-not-found.png' });
  } catch (e) {
    report(false, 'the browser session ran to its end', String(e && e.message ? e.message : e).split('\n')[0]);
    await page.screenshot({ path: shot.replace(/\.png$/, '') + '-failure.png' }).catch(() => {});
  } finally {
    await context.close();
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

const timer = setTimeout(() => {
  console.log('FAIL: the browser session finished within 10 minutes');
  process.exit(1);
}, 10 * 60 * 1000);
timer.unref();
main().catch((e) => {
  console.log(`FAIL: the browser session ran (${e})`);
  process.exit(1);
});
