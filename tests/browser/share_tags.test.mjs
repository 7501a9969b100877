// share_tags.test.mjs: in Chromium, a product page's JSON-LD raises no Content-Security-Policy
// violation (it is a data block, never run), and hostile product titles and descriptions come out
// inert and exact in the title, the meta tags and the JSON-LD: nothing runs, nothing breaks out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { lit, newProduct, sql } from '../http/lib/fulfilment.mjs';

const browser = useChromium();

const HOSTILE = [
	'</script><script>alert(1)</script>',
	'</title><script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	`Quotes "double" & 'single' <b>bold</b>`,
	'Ünïcødé — 東京 🛒 \u2028line\u2029para',
	'<!--<script>alert(1)</script>-->',
	'{"@type":"Product"}]}</script><script>alert(1)</script>',
];

// What the head says, as the browser parsed it.
function headOf(page) {
	return page.evaluate(() => ({
		title: document.title,
		meta: Object.fromEntries([...document.head.querySelectorAll('meta[property], meta[name]')]
			.map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')])),
		jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
		scripts: [...document.head.querySelectorAll('script')].map((s) => s.type),
		headElements: [...document.head.children].map((e) => e.tagName.toLowerCase()),
	}));
}

test('a product page with JSON-LD raises no CSP violation and no console error', async (t) => {
	const { page, clean } = await openPage(browser(), t, { dialogs: true });
	const res = await page.goto('/p/northwind/task-lamp-no-2');
	assert.equal(res.status(), 200);
	assert.match(res.headers()['content-security-policy'], /script-src/, 'the page is under a script policy');
	const h = await headOf(page);
	const product = h.jsonld.find((o) => o['@type'] === 'Product');
	assert.ok(product, 'the Product JSON-LD parses in the browser');
	assert.equal(product.offers.priceCurrency, 'USD');
	await clean('the product page');
});

test('hostile product titles and descriptions come out inert in the title, meta tags and JSON-LD', async (t) => {
	const [[brandId]] = sql("SELECT id FROM brands WHERE slug = 'northwind'");
	const { page, clean } = await openPage(browser(), t, { dialogs: true, expectResponse: (r) => /\/x$/.test(r.url()) });
	for (const payload of HOSTILE) {
		const p = newProduct({ id: Number(brandId) });
		sql(`SET NAMES utf8mb4; UPDATE products SET title = ${lit(payload)}, description_html = ${lit(payload)} WHERE id = ${p.productId}`);
		const [[handle]] = sql(`SELECT handle FROM products WHERE id = ${p.productId}`);
		const res = await page.goto(`/p/northwind/${handle}`);
		assert.equal(res.status(), 200, payload);
		const h = await headOf(page);
		assert.equal(h.title, `${payload} – Northwind Goods · crowdcart`, `the title holds ${JSON.stringify(payload)} as text`);
		assert.equal(h.meta['og:title'], `${payload} – Northwind Goods`, 'og:title, exact (og:site_name names the site)');
		assert.equal(h.meta['twitter:title'], h.meta['og:title']);
		assert.deepEqual(h.scripts, ['application/ld+json', 'application/ld+json'], 'no script but the two data blocks in <head>');
		assert.ok(!h.headElements.includes('img'), 'nothing broke out of an attribute into the head');
		const product = h.jsonld.find((o) => o['@type'] === 'Product');
		assert.equal(product.name, payload, 'the JSON-LD name, exact');
		const crumbs = h.jsonld.find((o) => o['@type'] === 'BreadcrumbList');
		assert.equal(crumbs.itemListElement.at(-1).name, payload);
		const html = await res.text();
		const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, b]) => b);
		for (const b of blocks)
			assert.doesNotMatch(b, /[<>&]/, 'no <, > or & in a JSON-LD block as sent');
	}
	await clean('hostile product pages');
});
