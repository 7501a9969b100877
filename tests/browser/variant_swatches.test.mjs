// variant_swatches.test.mjs: the product page's picker with a radio group per option and colour
// swatches, on a 390 px phone: without JavaScript the cart finds the variant from the chosen
// values (and says so beside the picker when that combination is not made); with it, the price
// and stock follow the choice and a value that cannot go with the others is marked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { lit, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 } };

// Size x Colour, every variant in stock, but no Large in Moss; Large costs more.
function optionProduct() {
	const handle = `t-sw-${unique()}`;
	sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, 'Swatch test tote', '', 'active', 3400, currency, 60 FROM brands WHERE slug = 'northwind';
		SET @p = LAST_INSERT_ID();
		INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, 'Size'), (@p, 2, 'Colour');
		INSERT INTO variants (product_id, position, sku, option1, option2, price, currency, stock, inventory_policy) VALUES
		  (@p, 1, ${lit(`${handle}-1`)}, 'Medium', 'Charcoal', 3400, 'USD', 20, 'deny'),
		  (@p, 2, ${lit(`${handle}-2`)}, 'Medium', 'Moss', 3400, 'USD', 20, 'deny'),
		  (@p, 3, ${lit(`${handle}-3`)}, 'Large', 'Charcoal', 4200, 'USD', 3, 'deny');`);
	return `/p/northwind/${handle}`;
}

test('without JavaScript: swatches are radios, the cart finds the variant, a combination not made is a 422 at the picker', async (t) => {
	const { page, clean } = await openPage(browser(), t, {
		context: { ...PHONE, javaScriptEnabled: false }, expectResponse: (r) => r.status() === 422 && r.url().endsWith('/cart/add'),
		expectConsole: [/status of 422/],
	});
	const url = optionProduct();
	await page.goto(url);
	const charcoal = page.getByRole('radio', { name: 'Charcoal' });
	assert.ok(await charcoal.isChecked(), 'opens on the cheapest: Medium / Charcoal');
	assert.equal(await page.locator('label.variant-choice.swatch .swatch-chip.swatch-moss').count(), 1, 'Moss is drawn as its colour');
	// Large and Moss: each exists, not together
	await page.getByRole('radio', { name: 'Large' }).check();
	await page.getByRole('radio', { name: 'Moss' }).check();
	await Promise.all([page.waitForURL('**/cart/add'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	assert.equal(await page.locator('#picker-error').innerText(), 'Large / Moss is not made: choose another combination.');
	assert.ok(await page.getByRole('radio', { name: 'Large' }).isChecked(), 'what was asked stays chosen');
	assert.equal(await page.getByRole('group', { name: 'Size' }).getAttribute('aria-describedby'), 'picker-error');
	await page.getByRole('radio', { name: 'Charcoal' }).check();
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	assert.match(await page.locator('main').innerText(), /Large \/ Charcoal/);
	assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'the cart fits the phone');
	await clean('the no-script swatch flow');
});

test('with JavaScript: price and stock follow the choice, and a value that cannot go with it is marked', async (t) => {
	const { page, clean } = await openPage(browser(), t, { context: PHONE });
	const url = optionProduct();
	await page.goto(url);
	const price = page.locator('#product-price');
	assert.equal(await price.innerText(), 'from $34.00');
	assert.equal(await page.locator('#picker-status').innerText(), 'In stock');
	await page.getByRole('radio', { name: 'Moss' }).check();
	// Large cannot come in Moss: marked, still choosable
	assert.match(await page.locator('label.variant-choice', { has: page.getByRole('radio', { name: 'Large' }) }).getAttribute('class'), /unavailable/);
	await page.getByRole('radio', { name: 'Large' }).check();
	// choosing it moves the colour to one Large is made in
	assert.ok(await page.getByRole('radio', { name: 'Charcoal' }).isChecked());
	assert.equal(await price.innerText(), '$42.00');
	assert.equal(await page.locator('#picker-status').innerText(), 'Only 3 left');
	assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'the picker fits the phone');
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	assert.match(await page.locator('main').innerText(), /Large \/ Charcoal/);
	await clean('the scripted swatch flow');
});
