// keyboard_buy.test.mjs: the buy flow with the keyboard alone, as someone who cannot use a
// pointer: from the product page to the confirmation, only Tab, typing, arrows and Enter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';

const browser = useChromium();

// Tabs forward until the focused element matches `selector` (at most `max` presses).
async function tabTo(page, selector, max = 80) {
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
			return;
		await page.keyboard.press('Tab');
	}
	assert.fail(`Tab never reached ${selector}`);
}

test('a shopper buys with the keyboard alone', async (t) => {
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } } });
	const p = makeProduct({ price: 2100 });
	await page.goto(`/p/${p.brand}/${p.handle}`);

	await tabTo(page, '#quantity');
	await page.keyboard.press('ArrowUp');
	await tabTo(page, 'form.buy button[type=submit]');
	await Promise.all([page.waitForURL('**/cart'), page.keyboard.press('Enter')]);
	assert.equal(await page.locator(`#qty-${p.variantId}`).inputValue(), '2');

	await tabTo(page, 'a[href="/checkout"]');
	await Promise.all([page.waitForURL('**/checkout'), page.keyboard.press('Enter')]);
	for (const [id, text] of [['#email', `keys-${Date.now()}@example.com`], ['#name', 'Kay Board'],
		['#line1', '1 Tab Street'], ['#city', 'Lisbon'], ['#postal', '1100-001']]) {
		await tabTo(page, id);
		await page.keyboard.type(text);
	}
	await tabTo(page, '#country');
	await page.keyboard.type('Portugal');
	// a radio group is one Tab stop, on its checked radio; the arrows move the choice
	await tabTo(page, 'input[name=provider]:checked');
	for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement.value === 'test')); i++)
		await page.keyboard.press('ArrowDown');
	assert.ok(await page.locator('input[name=provider][value=test]').isChecked(), 'the test payment is chosen');
	await tabTo(page, 'form[action="/checkout/review"] button[type=submit]');
	await page.keyboard.press('Enter');
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();

	await tabTo(page, 'form[action="/checkout/place"] button[type=submit]');
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.keyboard.press('Enter')]);
	await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
	assert.match(await page.locator('.order-ref').first().innerText(), /^CC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	await clean('the keyboard buy flow');
});
