// keyboard_collection.test.mjs: a creator makes a collection with the keyboard alone, as someone
// who cannot use a pointer: names it, adds a pick with a note, publishes it, and finds
// it on their storefront; only Tab, typing, Space and Enter, on a 390 px phone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { Client, newAccount, unique } from '../http/lib/http.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';

const browser = useChromium();

// Tabs forward until the focused element matches `selector` (at most `max` presses).
async function tabTo(page, selector, max = 120) {
	await page.waitForLoadState();
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
			return;
		await page.keyboard.press('Tab');
	}
	const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
	assert.fail(`Tab never reached ${selector} on ${page.url()}; focus on ${at}`);
}

// Presses Enter and waits for the page it leads to (a POST may answer with the same address).
async function enterAndLoad(page) {
	await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

// The focused element is drawn with a visible outline (the keyboard user sees where they are).
async function focusShows(page) {
	return page.evaluate(() => {
		const s = getComputedStyle(document.activeElement);
		return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
	});
}

test('a creator makes a collection with the keyboard alone', async (t) => {
	const account = await newAccount(new Client(), 'creator');
	const [[creatorId]] = sql(`SELECT c.id FROM creators c JOIN users u ON u.id = c.user_id WHERE u.email = ${lit(account.email)}`);
	const p = makeProduct({ price: 1800 });
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${creatorId}, ${p.productId}, 1000, 'approved', 1, UTC_TIMESTAMP())`);
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } } });

	await page.goto('/login?next=/studio/creator/collections');
	await tabTo(page, '#email');
	await page.keyboard.type(account.email);
	await tabTo(page, '#password');
	await page.keyboard.type(account.password);
	await enterAndLoad(page);
	assert.equal(new URL(page.url()).pathname, '/studio/creator/collections');

	const title = `Keyboard kit ${unique()}`;
	await tabTo(page, '#title');
	assert.ok(await focusShows(page), 'the focused field is outlined');
	await page.keyboard.type(title);
	await tabTo(page, '#description');
	await page.keyboard.type('Made without a mouse.');
	await tabTo(page, 'form[action="/studio/creator/collections"] button[type=submit]');
	assert.ok(await focusShows(page), 'the focused button is outlined');
	await enterAndLoad(page);

	// the new collection opens, ready for its products
	const [[id]] = sql(`SELECT id FROM collections WHERE creator_id = ${creatorId} AND title = ${lit(title)}`);
	assert.equal(new URL(page.url()).pathname, `/studio/creator/collections/${id}`);

	// add the pick: a <select> takes its choice from typing
	await tabTo(page, '#product_id');
	await page.keyboard.type(p.title);
	assert.equal(await page.locator('#product_id').inputValue(), String(p.productId));
	await tabTo(page, `form[action="/studio/creator/collections/${id}/items"] button[type=submit]`);
	await enterAndLoad(page);

	// a note on it
	await tabTo(page, `#note-${p.productId}`);
	await page.keyboard.type('Sits by my keyboard.');
	await enterAndLoad(page);
	assert.equal(await page.locator(`#note-${p.productId}`).inputValue(), 'Sits by my keyboard.');

	// publish it
	await tabTo(page, 'input[name=published]');
	await page.keyboard.press('Space');
	assert.ok(await page.locator('input[name=published]').isChecked());
	await tabTo(page, `form[action="/studio/creator/collections/${id}"] button[type=submit]`);
	await enterAndLoad(page);

	const [[slug, published]] = sql(`SELECT slug, published FROM collections WHERE id = ${Number(id)}`);
	assert.equal(published, '1');
	await page.goto(`/@${account.handle}/${slug}`);
	assert.match(await page.locator('main').innerText(), /Sits by my keyboard\./);
	assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'the collection fits the phone');
	await clean('the keyboard collection flow');
});
