// chromium.mjs: what every browser test starts from: the site under test, the screenshot folder,
// Debian's Chromium launched with the flags that work on these machines, and pages that record
// everything that would mean a broken page for the test's final assertion.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export { eventually } from '../../http/lib/eventually.mjs';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8370').replace(/\/+$/, '');
export const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

// playwright's own browser download does not work here; without the background-networking flags
// Chromium's own connections are refused by the machine's closed network, many at a time.
export function launchChromium(extraArgs = []) {
	return chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
	});
}

// One Chromium for the test file: launched (and the screenshot folder made) before its tests,
// closed after them; launch() gives every run a fresh temporary profile, removed on close.
// Returns a getter: the browser exists once the before hook has run.
export function useChromium(extraArgs = []) {
	let browser;
	before(async () => {
		fs.mkdirSync(SHOTS, { recursive: true });
		browser = await launchChromium(extraArgs);
	});
	after(async () => {
		await browser?.close();
	});
	return () => browser;
}

// Leaving a page aborts its favicon fetch if it is still under way; that is not a failure.
export const isFavicon = (request) => /\/favicon(\.[0-9a-f]{16})?\.svg$/.test(request.url());

// A fresh context (closed after test t) and page that record in `problems` what would mean a
// broken page: console errors (and warnings, unless warnings: false), page errors, dialogs (when
// dialogs: true; they are dismissed either way), failed loads and responses >= 400 (unless turned
// off), and CSP violations (reported to the page; the init script runs outside the page's CSP).
// What a test causes on purpose is named by expectConsole (regexes), expectFailedLoad(request)
// and expectResponse(response). clean(where) is the assertion: nothing was recorded.
export async function openPage(browser, t, {
	context: contextOptions = {}, warnings = true, expectConsole = [], dialogs = false,
	failedLoads = true, expectFailedLoad = () => false, errorResponses = true, expectResponse = () => false, csp = true,
} = {}) {
	const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 900 }, ...contextOptions });
	t.after(() => context.close());
	const page = await context.newPage();
	const problems = [];
	page.on('console', (m) => {
		if ((m.type() === 'error' || (warnings && m.type() === 'warning')) && !expectConsole.some((re) => re.test(m.text())))
			problems.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	if (dialogs)
		page.on('dialog', (d) => {
			problems.push(`dialog (${d.type()}): ${d.message()}`);
			d.dismiss().catch(() => {});
		});
	if (failedLoads)
		page.on('requestfailed', (r) => {
			// An image or the favicon (type "other") still loading when a click leaves the page is
			// cancelled by the browser (net::ERR_ABORTED): that is navigation, not a fault; a missing
			// one is a 404 below.
			if (['image', 'other'].includes(r.resourceType()) && r.failure()?.errorText === 'net::ERR_ABORTED')
				return;
			if (!expectFailedLoad(r))
				problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
		});
	if (errorResponses)
		page.on('response', (r) => {
			if (r.status() >= 400 && !expectResponse(r))
				problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
		});
	if (csp)
		await page.addInitScript(() => {
			window.__csp = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
		});
	const clean = async (where) => {
		const violations = csp ? await page.evaluate(() => window.__csp ?? []) : [];
		assert.deepEqual([...problems, ...violations.map((v) => `CSP: ${v}`)], [], where && `${where}: nothing went wrong in the browser`);
	};
	return { context, page, problems, clean };
}
