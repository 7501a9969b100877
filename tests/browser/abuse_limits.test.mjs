// abuse_limits.test.mjs: a question refused because the viewer's address has spent its budget
// reads as a clear message in the browser, with JavaScript (live.js shows it in place, the page
// stays) and without (the live page comes back, 429, the message above its forms, on a 390 px
// phone). The browser's asks are sent on from an address whose budget a flood of fresh cookies
// spent, so the refusal is the server's own and no other test's address is touched.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { test } from 'node:test';
import { Client, csrfFor } from '../http/lib/http.mjs';
import { liveSession } from '../http/lib/live.mjs';
import { openPage, useChromium } from './lib/chromium.mjs';

const browser = useChromium();
const MESSAGE = /Too many questions are coming from your network right now\. Please wait/;

// An address of 127/8 whose live-question budget is spent: 30 questions, a fresh cookie each.
async function spentAddress(id) {
	const address = `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
	for (let i = 0; i < 30; i++) {
		const c = new Client({ address });
		const csrf = csrfFor((await c.get(`/live/${id}`)).body, `/live/${id}/ask`);
		const res = await c.post(`/live/${id}/ask`, { csrf, text: `Flood ${i}`, name: `Flooder ${i}` });
		assert.equal(res.status, 303, `question ${i + 1}`);
	}
	return address;
}

// The page's asks leave from `address`, with the browser's own cookie and body.
async function askFrom(page, id, address) {
	await page.route(`**/live/${id}/ask`, async (route) => {
		const req = route.request();
		const h = await req.allHeaders();
		const res = await new Client({ address }).request('POST', `/live/${id}/ask`, {
			headers: { cookie: h.cookie ?? '', 'content-type': h['content-type'] }, body: req.postData() ?? '' });
		const headers = Object.fromEntries(Object.entries(res.headers)
			.filter(([k]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k))
			.map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : String(v)]));
		await route.fulfill({ status: res.status, headers, body: res.raw });
	});
}

const refusedOnPurpose = { expectConsole: [/status of 429/], expectResponse: (r) => r.status() === 429 };

test('with JavaScript, a question refused for the address shows the message in place', async (t) => {
	const { id } = await liveSession();
	const address = await spentAddress(id);
	const { page, clean } = await openPage(browser(), t, refusedOnPurpose);
	await page.goto(`/live/${id}`);
	await askFrom(page, id, address);
	await page.locator('#ask-name').fill('Browser Viewer');
	await page.locator('#ask-text').fill('Is this one too many?');
	await page.getByRole('button', { name: 'Ask' }).click();
	await page.locator('#live-status', { hasText: MESSAGE }).waitFor({ timeout: 5000 });
	assert.equal(new URL(page.url()).pathname, `/live/${id}`);
	await clean('the refused question');
});

test('without JavaScript, a refused question brings the live page back with the message, on a phone', async (t) => {
	const { id } = await liveSession();
	const address = await spentAddress(id);
	const { page, clean } = await openPage(browser(), t, {
		...refusedOnPurpose, context: { javaScriptEnabled: false, viewport: { width: 390, height: 844 } } });
	await page.goto(`/live/${id}`);
	await askFrom(page, id, address);
	await page.locator('#ask-name').fill('Phone Viewer');
	await page.locator('#ask-text').fill('Is this one too many?');
	const [response] = await Promise.all([page.waitForResponse(`**/live/${id}/ask`),
		page.getByRole('button', { name: 'Ask' }).click()]);
	assert.equal(response.status(), 429);
	assert.match(response.headers()['retry-after'] ?? '', /^\d+$/);
	await page.waitForLoadState('load');
	const error = page.locator('#live-error');
	assert.match(await error.textContent(), MESSAGE);
	assert.ok(await error.isVisible());
	const box = await error.boundingBox();
	assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the message fits the phone's width: ${JSON.stringify(box)}`);
	assert.ok(await page.locator('#live-ask').isVisible(), 'the form is there to try again');
	await clean('the refused question without JavaScript');
});
