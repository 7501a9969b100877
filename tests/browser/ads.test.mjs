// ads.test.mjs: a real Chromium opens a collection ad, scrolls its card row sideways (the row is
// wider than the screen and snaps), buys with the Buy button and from a card further along the
// row, and sees both products in the cart. No console errors, CSP violations or failed loads.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BASE_URL, SHOTS, isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';

const browser = useChromium();

// A live northwind ad of eight new products with a hero image served by this site.
function makeAd() {
	const products = Array.from({ length: 8 }, () => makeProduct({ price: 1500 }));
	const slug = `browser-ad-${unique()}`;
	const [[id]] = sql(`INSERT INTO ads (brand_id, slug, title, headline, image_url, click_url, state, created_at, updated_at)
		VALUES (1, ${lit(slug)}, 'Desk week', 'Eight calm things', ${lit(`${BASE_URL}/static/demo/product-1.svg`)},
		'https://northwind.example/', 'live', UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID();`);
	sql(products.map((p, i) => `INSERT INTO ad_products (ad_id, product_id, position) VALUES (${id}, ${p.productId}, ${i});`).join('\n'));
	return { slug, products };
}

test('a shopper scrolls an ad\'s card row, buys from it and with the Buy button, and sees the cart', async (t) => {
	const { slug, products } = makeAd();
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 800, height: 900 } }, expectFailedLoad: isFavicon });
	await page.goto(`/ad/${slug}`);
	assert.ok(await page.locator('img.ad-image').isVisible());
	const row = page.locator('ol.ad-cards');
	const size = await row.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, snap: getComputedStyle(el).scrollSnapType }));
	assert.ok(size.scroll > size.client * 2, `the row is wider than the screen (${size.scroll} > ${size.client})`);
	assert.match(size.snap, /x mandatory/);
	const last = page.locator('li.ad-card').last();
	assert.ok(!(await last.evaluate((el) => el.getBoundingClientRect().left < innerWidth)), 'the last card starts off-screen');
	// Scroll sideways the way a trackpad does, until the last card is on screen.
	await row.hover();
	for (let i = 0; i < 20 && !(await last.evaluate((el) => el.getBoundingClientRect().right <= innerWidth + 1)); i++) {
		await page.mouse.wheel(400, 0);
		await page.waitForTimeout(150);
	}
	assert.ok(await row.evaluate((el) => el.scrollLeft) > 0, 'the row scrolled');
	assert.ok(await last.evaluate((el) => el.getBoundingClientRect().right <= innerWidth + 1), 'the last card is in view');
	await page.screenshot({ path: path.join(SHOTS, 'ad-row-scrolled.png') });

	await Promise.all([page.waitForURL('**/cart'), last.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.goto(`/ad/${slug}`);
	await Promise.all([page.waitForURL('**/cart'), page.locator('.ad-buy-button').click()]);
	const cart = await page.locator('main').innerText();
	assert.ok(cart.includes(products[0].title), 'the Buy button added the first product');
	assert.ok(cart.includes(products[7].title), 'the last card added its product');
	await clean();
});
