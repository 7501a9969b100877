// showcases.test.mjs: a real Chromium on a showcase carousel: with JavaScript the prev/next
// buttons scroll the row and turn off at its ends; without it the row is there, focusable and
// without buttons; a card click opens the product with the creator carried. No CSP violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage as openPageOf, useChromium } from './lib/chromium.mjs';

const browser = useChromium();

// A narrow window, so that lena's demo showcase ("Desk favourites") overflows its row.
const openPage = (t, { javaScriptEnabled = true } = {}) => openPageOf(browser(), t, {
	context: { viewport: { width: 640, height: 900 }, javaScriptEnabled }, warnings: false, failedLoads: false, errorResponses: false });

const ROW = 'section.showcase:has(h2:text-is("Desk favourites")) ul.showcase-row';

test('next and previous scroll the carousel and turn off at its ends', async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/@lena');
	const section = page.locator('section.showcase', { has: page.locator('h2', { hasText: 'Desk favourites' }) });
	const row = section.locator('ul.showcase-row');
	assert.ok(await row.locator('li.showcase-item').count() >= 3, 'the demo showcase has cards');
	const prev = section.getByRole('button', { name: 'Previous products' });
	const next = section.getByRole('button', { name: 'Next products' });
	await next.waitFor();
	assert.equal(await prev.isDisabled(), true, 'at the start there is nothing before');
	assert.equal(await next.isDisabled(), false);
	const scrollLeft = () => row.evaluate((el) => el.scrollLeft);
	const rowSel = `#${await row.getAttribute('id')}`;
	await next.click();
	await page.waitForFunction((sel) => document.querySelector(sel).scrollLeft > 50, rowSel);
	assert.ok(await scrollLeft() > 50);
	await page.waitForFunction((sel) => !document.querySelector(`[aria-controls="${sel.slice(1)}"]`).disabled, rowSel);
	// A smooth scroll may reach the end (and disable the button) between the check and the click.
	for (let i = 0; i < 20 && !(await next.isDisabled()); i++) {
		await next.click({ timeout: 1000 }).catch(() => {});
		await page.waitForTimeout(300);
	}
	assert.equal(await next.isDisabled(), true, 'at the end there is nothing after');
	await prev.click();
	await page.waitForFunction((sel) => {
		const el = document.querySelector(sel);
		return el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
	}, rowSel);
	await clean();
});

test('without JavaScript the row is there, focusable, with no buttons', async (t) => {
	const { page } = await openPage(t, { javaScriptEnabled: false });
	await page.goto('/@lena');
	const row = page.locator(ROW);
	assert.equal(await row.getAttribute('tabindex'), '0');
	assert.match(await row.getAttribute('aria-label'), /Desk favourites/);
	assert.ok(await row.locator('li.showcase-item').count() >= 3);
	assert.equal(await page.locator('.showcase-button').count(), 0);
});

test('a card click opens the product, with the creator carried for attribution', async (t) => {
	const { page, problems } = await openPage(t);
	await page.goto('/@lena');
	const card = page.locator(`${ROW} a.card-link`).first();
	const title = (await card.locator('.card-title').innerText()).trim();
	const href = await card.getAttribute('href');
	assert.match(href, /^\/p\/[a-z0-9-]+\/[a-z0-9-]+\?via=lena$/);
	await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/p/')), card.click()]);
	assert.equal(await page.locator('h1').innerText(), title);
	assert.equal(await page.locator('text=Picked by').innerText(), 'Picked by Lena Park');
	assert.deepEqual(problems, []);
});
