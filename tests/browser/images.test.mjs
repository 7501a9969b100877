// images.test.mjs: a brand uploads a product picture through the studio's file input; once
// `crowdcartctl images` has made its renditions the studio shows the thumbnail and a creator's
// storefront shows the card with the candidate of its srcset that fits the screen (recorded for a
// 390 px phone at 1x and 3x and a 1280 px desktop), loaded eagerly in the first row; the product
// page's gallery lays out without shifting (Chromium's layout-shift entries sum below 0.05), and
// choosing a variant with a picture of its own brings that picture into view.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { SHOTS, eventually, openPage, useChromium } from './lib/chromium.mjs';
import { ROOT, VAR } from '../http/lib/env.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';
import { sql } from '../http/lib/commerce.mjs';

const browser = useChromium();
const dir = mkdtempSync(path.join(tmpdir(), 'cc-images-browser-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ctl = (...args) => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), ...args],
	{ encoding: 'utf8' });

// The card's picture as the browser chose it: which file, how wide it is drawn, how it loads.
async function cardPicture(page, alt) {
	const img = page.locator(`img.card-img[alt="${alt}"]`).first();
	await img.scrollIntoViewIfNeeded();
	await eventually(async () => assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0)));
	return img.evaluate((i) => ({ src: new URL(i.currentSrc).pathname, drawn: i.getBoundingClientRect().width, loading: i.loading }));
}

test('a brand uploads a picture; the storefront card picks the rendition that fits; the product page does not shift', async (t) => {
	const { account, products: [p] } = await creatorWithPicks(1);
	const picture = path.join(dir, 'desk-lamp.jpg');
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1600x1200:duration=1', '-frames:v', '1',
		'-q:v', '3', picture]);
	const alt = `A brass desk lamp ${Date.now()}`;

	const studio = await openPage(browser(), t);
	await studio.page.goto('/login');
	await studio.page.locator('#email').fill('brand-owner@northwind.demo.crowdcart.test');
	await studio.page.locator('#password').fill('crowdcart-demo');
	await Promise.all([studio.page.waitForURL('**/studio'), studio.page.locator('button', { hasText: 'Log in' }).click()]);
	await studio.page.goto(`/studio/products/${p.productId}`);
	await studio.page.locator('#image-file').setInputFiles(picture);
	await studio.page.locator('#image-alt').fill(alt);
	await Promise.all([studio.page.waitForURL(`**/studio/products/${p.productId}?saved=1`),
		studio.page.locator('form.image-upload button[type=submit]').click()]);
	assert.match(await studio.page.locator('.uploaded-image').first().innerText(), /Being processed/);
	await studio.clean('upload');

	ctl('images', '--once');
	await studio.page.reload();
	const thumb = studio.page.locator('.uploaded-image img.studio-thumb').first();
	await eventually(async () => assert.ok(await thumb.evaluate((i) => i.complete && i.naturalWidth > 0)));
	assert.match(await thumb.getAttribute('src'), /^\/media\/img\/[0-9a-f]{32}-160\.jpg$/);
	await studio.page.screenshot({ path: `${SHOTS}images-studio-thumbnail.png`, fullPage: true });
	await studio.clean('studio thumbnail');

	// The storefront, as a 390 px phone (1x and 3x) and a 1280 px desktop.
	const picked = {};
	for (const [label, viewport, scale] of [['390px@1x', { width: 390, height: 844 }, 1], ['390px@3x', { width: 390, height: 844 }, 3],
		['1280px@1x', { width: 1280, height: 900 }, 1]]) {
		const shop = await openPage(browser(), t, { context: { viewport, deviceScaleFactor: scale } });
		await eventually(async () => {
			await shop.page.goto(`/@${account.handle}`);
			assert.ok(await shop.page.locator(`img.card-img[alt="${alt}"] >> xpath=..`).locator('source[type="image/avif"]').count());
		}, { timeout: 8000 });
		picked[label] = await cardPicture(shop.page, alt);
		await shop.page.screenshot({ path: `${SHOTS}images-storefront-${label}.png` });
		await shop.clean(`storefront at ${label}`);
	}
	t.diagnostic(`srcset candidates picked: ${JSON.stringify(picked)}`);
	// AVIF, the first source a card offers (no card needs a step past 640 px, the widest AVIF step)
	assert.match(picked['390px@1x'].src, /-320\.avif$/);	// drawn ~175 px: the smallest candidate >= that
	assert.match(picked['390px@3x'].src, /-640\.avif$/);	// ~525 device pixels
	assert.match(picked['1280px@1x'].src, /-320\.avif$/);	// an 18rem card
	assert.equal(picked['390px@1x'].loading, 'eager', 'the first row of cards loads at once');

	// The product page: the gallery reserves its room before the picture arrives.
	const prod = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 } });
	await prod.page.addInitScript(() => {
		window.__shift = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				if (!e.hadRecentInput)
					window.__shift += e.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await prod.page.goto(`/p/${p.brand}/${p.handle}?via=${account.handle}`, { waitUntil: 'load' });
	const main = prod.page.locator('.gallery-slide img').first();
	await eventually(async () => assert.ok(await main.evaluate((i) => i.complete && i.naturalWidth > 0)));
	const mainSrc = await main.evaluate((i) => new URL(i.currentSrc).pathname);
	const shift = await prod.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__shift))));
	t.diagnostic(`product page at 390px@3x: main picture ${mainSrc}, layout shift ${shift}`);
	assert.match(mainSrc, /-1200\.webp$|-1600\.webp$/);
	assert.ok(shift < 0.05, `layout shift ${shift}`);
	await prod.page.screenshot({ path: `${SHOTS}images-product-390px.png`, fullPage: true });
	await prod.clean('product page');

	// A second variant with a picture of its own: choosing it brings that slide into view.
	const [[two]] = sql(`INSERT INTO product_images (product_id, position, url, alt) VALUES (${p.productId}, 2, '/static/demo/product-2.svg', 'Second view');
		SET @img = LAST_INSERT_ID();
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy, image_id)
		  SELECT product_id, 2, CONCAT(sku, '-2'), 'Two', price, currency, 5, 'deny', @img FROM variants WHERE id = ${p.variantId};
		SELECT LAST_INSERT_ID();`);
	await eventually(async () => {
		await prod.page.goto(`/p/${p.brand}/${p.handle}?via=${account.handle}`);
		assert.equal(await prod.page.locator('.gallery-slide').count(), 2);
		// two variants: a radio button each (a <select> only past a dozen)
		assert.equal(await prod.page.locator('input[name="variant"][data-picture]').count(), 1);
	});
	const track = prod.page.locator('.gallery-track');
	assert.equal(await track.evaluate((e) => e.scrollLeft), 0);
	await prod.page.locator(`input[name="variant"][value="${two}"]`).check();
	await eventually(async () => assert.ok(await track.evaluate((e) => e.scrollLeft > 300), 'the second slide is in view'));
	await prod.clean('variant picture');
});
