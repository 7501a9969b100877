// image_order.test.mjs: the product editor's pictures are reordered by dragging a row, and from the
// keyboard with a row's Up and Down buttons (static/js/image_order.js): the rows move, their
// Position inputs follow, and saving stores the order. And Chromium, offered AVIF before WebP on
// a storefront card, takes the AVIF candidate that fits a 390 px phone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { SHOTS, eventually, openPage, useChromium } from './lib/chromium.mjs';
import { ROOT, VAR } from '../http/lib/env.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';
import { sql } from '../http/lib/commerce.mjs';
import { csrfOf } from '../http/lib/http.mjs';
import { demoClient } from '../http/lib/fulfilment.mjs';
import { multipart } from '../http/lib/catalog_import.mjs';

const browser = useChromium();
const NORTHWIND = 'brand-owner@northwind.demo.crowdcart.test';
const dir = mkdtempSync(path.join(tmpdir(), 'cc-image-order-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ctl = (...args) => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), ...args],
	{ encoding: 'utf8' });

async function signedInBrand(t) {
	const studio = await openPage(browser(), t);
	await studio.page.goto('/login');
	await studio.page.locator('#email').fill(NORTHWIND);
	await studio.page.locator('#password').fill('crowdcart-demo');
	await Promise.all([studio.page.waitForURL('**/studio'), studio.page.locator('button', { hasText: 'Log in' }).click()]);
	return studio;
}

// The alt texts of the editor's picture rows, top to bottom, with their Position values.
const rowOrder = (page) => page.locator('.image-rows > .image-row').evaluateAll((rows) =>
	rows.map((r) => `${r.querySelector('input[name="i_alt"]').value}@${r.querySelector('input[name="i_pos"]').value}`));
const storedOrder = (id) => sql(`SELECT alt FROM product_images WHERE product_id = ${id} ORDER BY position, id`).map((r) => r[0]);

test('pictures are reordered by dragging and with the keyboard; saving keeps the order', async (t) => {
	const { products: [p] } = await creatorWithPicks(1);
	sql(`INSERT INTO product_images (product_id, position, url, alt) VALUES
		(${p.productId}, 1, 'https://images.example.test/order-a.jpg', 'Alpha'),
		(${p.productId}, 2, 'https://images.example.test/order-b.jpg', 'Bravo'),
		(${p.productId}, 3, 'https://images.example.test/order-c.jpg', 'Charlie');
		INSERT INTO product_options (product_id, position, name) VALUES (${p.productId}, 1, 'Size')`);	// the fixture's variant is "One"
	const studio = await signedInBrand(t);
	const { page } = studio;
	await page.goto(`/studio/products/${p.productId}`);
	assert.deepEqual((await rowOrder(page)).slice(0, 3), ['Alpha@1', 'Bravo@2', 'Charlie@3']);

	// drag Charlie's row onto the top half of Alpha's: it goes first
	const rows = page.locator('.image-rows > .image-row');
	await rows.nth(2).dragTo(rows.nth(0), { sourcePosition: { x: 4, y: 4 }, targetPosition: { x: 4, y: 4 } });
	await eventually(async () => assert.deepEqual((await rowOrder(page)).slice(0, 3), ['Charlie@1', 'Alpha@2', 'Bravo@3']));
	assert.match(await page.locator('.image-rows + [aria-live]').innerText(), /position 1 of/);

	// the keyboard: Charlie's Down button, Enter; the focus stays on the button, now in the second row
	const down = rows.nth(0).locator('.image-down');
	await down.focus();
	await page.keyboard.press('Enter');
	assert.deepEqual((await rowOrder(page)).slice(0, 3), ['Alpha@1', 'Charlie@2', 'Bravo@3']);
	assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move picture 2 down');
	assert.ok(await rows.nth(0).locator('.image-up').isDisabled(), 'the first row cannot go up');
	await page.screenshot({ path: `${SHOTS}image-order-editor.png`, fullPage: true });

	await Promise.all([page.waitForURL(`**/studio/products/${p.productId}?saved=1`),
		page.locator('form:has(input[name="i_pos"]) .actions button[type=submit]:not([name])').click()]);
	assert.deepEqual(storedOrder(p.productId), ['Alpha', 'Charlie', 'Bravo']);
	await studio.clean('reorder');
});

test('a storefront card offers AVIF first: Chromium on a 390 px phone takes the 320 px AVIF', async (t) => {
	const { account, products: [p] } = await creatorWithPicks(1);
	const picture = path.join(dir, 'avif-card.jpg');
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1200x900:duration=1', '-frames:v', '1',
		'-q:v', '3', picture]);
	const alt = `An AVIF card ${Date.now()}`;
	const brand = await demoClient(NORTHWIND);
	const csrf = csrfOf((await brand.get(`/studio/products/${p.productId}`)).body);
	const { body, type } = multipart({ csrf, alt }, { name: 'card.jpg', data: readFileSync(picture), type: 'image/jpeg' });
	const res = await brand.request('POST', `/studio/products/${p.productId}/images`, { headers: { 'content-type': type }, body });
	assert.equal(res.status, 303);
	ctl('images', '--once');

	const shop = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } });
	await eventually(async () => {
		await shop.page.goto(`/@${account.handle}`);
		assert.ok(await shop.page.locator(`img.card-img[alt="${alt}"] >> xpath=..`).locator('source[type="image/avif"]').count());
	}, { timeout: 8000 });
	const img = shop.page.locator(`img.card-img[alt="${alt}"]`).first();
	await img.scrollIntoViewIfNeeded();
	await eventually(async () => assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0)));
	const src = await img.evaluate((i) => new URL(i.currentSrc).pathname);
	t.diagnostic(`card at 390px@1x picked ${src}`);
	assert.match(src, /^\/media\/img\/[0-9a-f]{32}-320\.avif$/);
	await shop.clean('AVIF card');
});
