// studio_home.test.mjs: the studio home opens on today's figures and a to-do list made of them,
// and every studio page carries the studio's navigation, the current section marked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, DEMO_PASSWORD } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { sql } from './lib/commerce.mjs';

usesDatabase();

async function signedIn(email) {
	const c = new Client();
	assert.equal((await c.login(email, DEMO_PASSWORD)).status, 303);
	return c;
}

const figure = (html, label) => new RegExp(`<div><dt>${label}</dt><dd>([^<]*)</dd></div>`).exec(html)?.[1];

test("a brand's studio home shows today's figures and what to do about them", async () => {
	const brand = await signedIn('brand-owner@northwind.demo.crowdcart.test');
	const html = (await brand.get('/studio')).body;
	const toShip = Number(sql(`SELECT COUNT(*) FROM orders WHERE brand_id = 1 AND status = 'paid'`)[0][0]);
	assert.equal(figure(html, 'Orders to ship'), String(toShip));
	assert.match(figure(html, 'Sales today'), /^\$\d[\d,]*\.\d\d$/);
	for (const label of ['Orders paid today', 'Commission accrued today', 'Pick requests', 'Sample requests', 'New leads today'])
		assert.match(figure(html, label) ?? '', /\S/, label);
	if (toShip)
		assert.ok(html.includes(`<li><a href="/studio/orders?status=paid">Ship ${toShip} paid order${toShip === 1 ? '' : 's'}</a></li>`));
});

test("a creator's studio home shows today's commission and open requests", async () => {
	const lena = await signedIn('lena@demo.crowdcart.test');
	const html = (await lena.get('/studio')).body;
	assert.ok(figure(html, 'Commission earned today'), 'commission today');
	assert.match(figure(html, 'Samples under way'), /^\d+$/);
});

test('every studio page carries the studio navigation, the current section marked', async () => {
	const brand = await signedIn('brand-owner@northwind.demo.crowdcart.test');
	for (const [path, current] of [['/studio', 'Today'], ['/studio/orders', 'Orders'], ['/studio/products/new', 'Products'],
		['/studio/account', 'Account'], ['/studio/forms', null]]) {
		const html = (await brand.get(path)).body;
		assert.match(html, /<nav class="studio-nav" aria-label="Studio">/, path);
		const marked = [...html.matchAll(/<a href="[^"]+" aria-current="page">([^<]+)<\/a>/g)].map((m) => m[1]);
		assert.deepEqual(marked, current ? [current] : [], path);
	}
	const shop = (await brand.get('/cart')).body;
	assert.doesNotMatch(shop, /studio-nav/, 'the shop has no studio navigation');
});
