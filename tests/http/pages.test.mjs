// pages.test.mjs: every public shop page shows what the demo data says it should, and hidden things 404.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from './lib/http.mjs';

async function page(path, status = 200) {
	const res = await new Client().get(path);
	assert.equal(res.status, status, `GET ${path}`);
	assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/);
	return res.body;
}

// The <main> element only, so the layout's navigation and footer cannot satisfy an assertion.
function main(html) {
	const m = /<main id="main">([\s\S]*)<\/main>/.exec(html);
	assert.ok(m, 'the page has a <main id="main">');
	return m[1];
}

// The product cards of a page as { url, title, brand, price }.
function cards(html) {
	return [...html.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)].map(([, c]) => ({
		url: /<a class="card-link" href="([^"]*)"/.exec(c)?.[1],
		title: /<h3 class="card-title">([^<]*)<\/h3>/.exec(c)?.[1],
		brand: /<p class="card-brand">([^<]*)<\/p>/.exec(c)?.[1],
		price: /<p class="price">([^<]*)/.exec(c)?.[1],
	}));
}

test('home lists the featured creators, and only those', async () => {
	const html = main(await page('/'));
	const chips = [...html.matchAll(/<a class="creator-chip" href="\/@(\w+)">[\s\S]*?<span>([^<]*)<\/span>/g)]
		.map(([, h, n]) => `${h}:${n}`);
	assert.deepEqual(chips, ['jules:Jules Moreau', 'lena:Lena Park', 'marco:Marco Reyes', 'priya:Priya Nair']);
});

test('home lists trending products with title, brand and price, hottest first', async () => {
	const list = cards(main(await page('/')));
	assert.equal(list.length, 12);
	assert.deepEqual(list[0], { url: '/p/northwind/task-lamp-no-2', title: 'Task Lamp No. 2', brand: 'Northwind Goods', price: '$129.00' });
	assert.deepEqual(list[1], {
		url: '/p/fernhill/insulated-water-bottle-750-ml', title: 'Insulated Water Bottle 750 ml',
		brand: 'Fernhill Outdoor', price: '$34.00',
	});
	assert.ok(list.some((c) => c.url === '/p/atelier-lumen/fig-and-cedar-soy-candle' && c.price === 'from €26.00'),
		'the EUR candle is listed with its euro price');
	for (const c of list)
		assert.match(c.url, /^\/p\/[a-z0-9-]+\/[a-z0-9-]+$/, 'home links carry no ?via=');
});

test('a storefront shows the creator name, bio and links', async () => {
	const html = main(await page('/@lena'));
	assert.match(html, /<h1>Lena Park<\/h1>/);
	assert.match(html, /<p class="muted">@lena<\/p>/);
	assert.match(html, /<p class="bio">I am a product designer in Seattle [^<]*<\/p>/);
	assert.match(html, /<a href="https:\/\/lenapark\.example\/newsletter" rel="nofollow noopener">Newsletter<\/a>/);
});

test('a storefront lists only the published collections', async () => {
	const html = main(await page('/@lena'));
	const list = [...html.matchAll(/<li><a href="(\/@lena\/[^"]+)">([^<]*)<\/a><\/li>/g)].map(([, u, t]) => `${u} ${t}`);
	assert.deepEqual(list, [
		'/@lena/summer-essentials Summer Essentials',
		'/@lena/desk-setup My Desk Setup',
		'/@lena/gifts-under-50 Gifts Under 50',
	]);
	assert.doesNotMatch(html, /cozy-autumn/);
});

test('a storefront shows a product grid with brand and price', async () => {
	const list = cards(main(await page('/@lena')));
	assert.ok(list.length >= 3, `expected several picks, got ${list.length}`);
	assert.ok(list.some((c) => c.title === 'Walnut Monitor Stand' && c.brand === 'Northwind Goods' && c.price === 'from $79.00'),
		'the stand costs $79 in oak and $89 in walnut: its card says "from"');
	for (const c of list) {
		assert.ok(c.title && c.brand, `card ${c.url} has a title and a brand`);
		assert.match(c.price, /^(from )?(\$|€)\d+\.\d\d/, `card ${c.url} has a price`);
	}
});

test("a storefront's product links carry ?via= the creator", async () => {
	const list = cards(main(await page('/@lena')));
	assert.ok(list.length > 0);
	for (const c of list)
		assert.match(c.url, /^\/p\/[a-z0-9-]+\/[a-z0-9-]+\?via=lena$/);
});

test('a storefront whose picks pay commission shows the disclosure', async () => {
	const html = main(await page('/@lena'));
	assert.match(html, /<p class="disclosure" role="note">Lena Park earns a commission on purchases made through links on this page\.<\/p>/);
});

test('a collection page shows its title, description, creator and items with ?via=', async () => {
	const html = main(await page('/@lena/desk-setup'));
	assert.match(html, /<h1 class="page-title">My Desk Setup<\/h1>/);
	assert.match(html, /<p class="lead">The exact things on my desk right now[^<]*<\/p>/);
	assert.match(html, /A collection by <a href="\/@lena">Lena Park<\/a>/);
	assert.match(html, /Lena Park earns a commission/);
	const list = cards(html);
	assert.ok(list.length >= 2);
	assert.equal(list[0].url, '/p/northwind/walnut-monitor-stand?via=lena');
	assert.match(html, /<p class="card-note">Fixed my neck[^<]*<\/p>/);
});

test('a product page shows brand, title, each variant with price and stock state', async () => {
	const html = main(await page('/p/northwind/walnut-monitor-stand'));
	assert.match(html, /<p class="card-brand">Northwind Goods<\/p>/);
	assert.match(html, /<h1 class="page-title">Walnut Monitor Stand<\/h1>/);
	assert.match(html, /<legend>Finish<\/legend>/);
	assert.match(html, /<span class="choice-name">Walnut<\/span> <span class="choice-price">\$89\.00<\/span>\n<span class="choice-stock low-stock">Only 2 left<\/span>/);
	assert.match(html, /<span class="choice-name">Oak<\/span> <span class="choice-price">\$79\.00<\/span>\n<span class="choice-stock in-stock">In stock<\/span>/);
	// it opens on the cheapest option, the price its card shows
	assert.match(html, /<p class="product-price" id="product-price" aria-live="polite">from \$79\.00<\/p>/);
	assert.match(html, /data-price="\$79\.00" required checked>\n<span class="choice-name">Oak<\/span>/);
	assert.match(html, /<ul class="plain delivery-returns" aria-label="Delivery and returns">\n<li>Shipping \$[0-9.]+ per order from Northwind Goods;/);
	assert.match(html, /<img src="\/static\/demo\/product-1\.svg" alt="Walnut Monitor Stand by Northwind Goods"/);
});

test('a product page shows the compare-at price struck through', async () => {
	const html = main(await page('/p/fernhill/insulated-water-bottle-750-ml'));
	assert.match(html, /<span class="choice-price">\$34\.00 <s class="compare-at" aria-label="was \$39\.00">\$39\.00<\/s><\/span>/);
});

test('a product page prices a EUR brand in euros', async () => {
	const html = main(await page('/p/atelier-lumen/fig-and-cedar-soy-candle'));
	assert.match(html, /<h1 class="page-title">Fig &amp; Cedar Soy Candle<\/h1>/);
	assert.match(html, /<span class="choice-price">€26\.00<\/span>/);
	assert.doesNotMatch(html, /\$\d/);
});

test('a product with no stock says "Sold out"', async () => {
	const html = main(await page('/p/northwind/bamboo-wireless-charger'));
	assert.match(html, /<p class="sold-out">Sold out<\/p>/);
	assert.doesNotMatch(html, /in-stock|low-stock/);
});

test('a product with no stock but policy "continue" says "Available to order"', async () => {
	const html = main(await page('/p/fernhill/solar-lantern'));
	assert.match(html, /<span class="choice-stock in-stock">Available to order<\/span>/);
	assert.doesNotMatch(html, /Sold out/);
});

test('a product reached ?via= a creator who picked it says "Picked by" with the disclosure', async () => {
	const html = main(await page('/p/northwind/walnut-monitor-stand?via=lena'));
	assert.match(html, /<p class="muted">Picked by <a href="\/@lena">Lena Park<\/a><\/p>/);
	assert.match(html, /Lena Park earns a commission if you buy this product through their link\./);
});

test('a product without ?via= names no creator', async () => {
	const html = main(await page('/p/northwind/walnut-monitor-stand'));
	assert.doesNotMatch(html, /Picked by|earns a commission/);
});

test('a product ?via= an unknown creator names no creator', async () => {
	const html = main(await page('/p/northwind/walnut-monitor-stand?via=nobody_here'));
	assert.doesNotMatch(html, /Picked by/);
});

for (const [what, path] of [
	['a draft product', '/p/northwind/standing-desk-converter'],
	['another draft product', '/p/atelier-lumen/kiln-series-vase-no-7'],
	['an archived product', '/p/fernhill/retro-camp-chair'],
	['a product of another brand', '/p/fernhill/walnut-monitor-stand'],
	['an unknown brand', '/p/nobrand/walnut-monitor-stand'],
	['an unpublished collection', '/@lena/cozy-autumn'],
	["another creator's collection", '/@marco/desk-setup'],
	['an unknown creator', '/@nobody_here'],
	['an unknown path', '/no/such/page'],
	['a path with a trailing slash', '/@lena/'],
]) {
	test(`${what} is a 404 page (${path})`, async () => {
		const html = await page(path, 404);
		assert.match(main(html), /<h1 class="page-title"><span class="status">404<\/span> Not Found<\/h1>/);
	});
}

test('the 404 page is the site layout and reveals nothing internal', async () => {
	const res = await new Client().get('/@nobody_here');
	assert.equal(res.status, 404);
	assert.match(res.body, /^<!doctype html>/);
	assert.match(res.body, /<title>Not Found<\/title>/);
	assert.match(res.body, /<form class="form search-form" method="get" action="\/search" role="search">/, 'it offers a search');
	assert.match(res.body, /<a href="\/">Discover products and creators<\/a>/);
	assert.doesNotMatch(res.body, /SELECT|mysql|mariadb|\.c:\d|fcgi|\/work\/|errno|stack|nobody_here/i);
	assert.doesNotMatch(res.headers.server ?? '', /\d/, 'the Server header carries no version');
	assert.equal(res.headers['x-powered-by'], undefined);
});

test('/_ping answers "ok" as plain text', async () => {
	const res = await new Client().get('/_ping');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/plain/);
	assert.equal(res.body.trim(), 'ok');
});

test('the stylesheet and demo images are served with their types', async () => {
	const c = new Client();
	const css = await c.get('/static/style.css');
	assert.equal(css.status, 200);
	assert.match(css.headers['content-type'], /^text\/css/);
	assert.ok(css.raw.length > 1000);
	const svg = await c.get('/static/demo/avatar-lena.svg');
	assert.equal(svg.status, 200);
	assert.match(svg.headers['content-type'], /^image\/svg\+xml/);
	assert.match(svg.body, /<svg/);
});

test('every image a storefront references is served', async () => {
	const c = new Client();
	const html = (await c.get('/@lena')).body;
	const srcs = new Set([...html.matchAll(/<img[^>]* src="([^"]+)"/g)].map(([, s]) => s));
	assert.ok(srcs.size > 3);
	for (const src of srcs) {
		const res = await c.head(src);
		assert.equal(res.status, 200, `HEAD ${src}`);
	}
});
