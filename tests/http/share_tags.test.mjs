// share_tags.test.mjs: every public page says what it is to a shared link and a search engine: a
// title naming it and the site, a plain description, an absolute canonical address without the
// tracking parameters the link carried, Open Graph and Twitter tags, and JSON-LD that parses and
// holds what Google's product rich result requires; studio pages are kept out of the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, DEMO_PASSWORD } from './lib/http.mjs';
import { confValue } from './lib/env.mjs';

// absolute addresses come from the site's base_url (the Apache pass serves the same site on another port)
const base = confValue('base_url').replace(/\/+$/, '');

async function get(path, client = new Client()) {
	const res = await client.get(path);
	assert.equal(res.status, 200, `GET ${path}`);
	return res;
}

function decode(s) {
	return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

// The <head> as { title, meta: { name or property: content }, canonical, jsonld: [objects] }.
export function headOf(html) {
	const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1];
	assert.ok(head, 'the page has a <head>');
	const meta = {};
	for (const [, key, value] of head.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)">/g))
		meta[key] = decode(value);
	const jsonld = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
		.map(([, text]) => JSON.parse(text));
	return {
		title: decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? ''),
		canonical: decode(/<link rel="canonical" href="([^"]*)">/.exec(head)?.[1] ?? ''),
		meta, jsonld, raw: head,
	};
}

function assertShareTags(h, { path, type = 'website' }) {
	const url = base + path;
	assert.equal(h.canonical, url, 'canonical is the page itself, absolute');
	assert.equal(h.meta['og:url'], url);
	assert.equal(h.meta['og:type'], type);
	assert.equal(h.meta['og:site_name'], 'crowdcart');
	assert.ok(h.meta['og:title'], 'og:title');
	assert.match(h.title, /·/, 'the title names the page and the site or creator');
	assert.ok(h.meta.description, 'a meta description');
	assert.ok(h.meta.description.length <= 155, 'the description fits a search result');
	assert.doesNotMatch(h.meta.description, /<[a-z]/i, 'the description is plain text');
	assert.equal(h.meta['og:description'], h.meta.description);
	assert.equal(h.meta['twitter:card'], 'summary_large_image');
	if (h.meta['og:image']) {
		assert.match(h.meta['og:image'], /^https?:\/\//, 'og:image is absolute');
		assert.equal(h.meta['twitter:image'], h.meta['og:image']);
	}
}

function ofType(h, type) {
	return h.jsonld.filter((o) => o['@type'] === type);
}

test('a product page has its share tags, price and Product JSON-LD with the rich-result fields', async () => {
	const h = headOf((await get('/p/northwind/task-lamp-no-2')).body);
	assertShareTags(h, { path: '/p/northwind/task-lamp-no-2', type: 'product' });
	assert.equal(h.title, 'Task Lamp No. 2 – Northwind Goods · crowdcart');
	assert.match(h.meta['og:image'], /^https?:\/\//, 'a product shares its picture');
	assert.equal(h.meta['product:price:amount'], '129.00');
	assert.equal(h.meta['product:price:currency'], 'USD');
	const [p] = ofType(h, 'Product');
	assert.ok(p, 'Product JSON-LD');
	assert.equal(p['@context'], 'https://schema.org');
	assert.equal(p.name, 'Task Lamp No. 2');
	assert.ok(p.image, 'image (required by the rich result)');
	assert.equal(p.url, base + '/p/northwind/task-lamp-no-2');
	assert.equal(p.brand?.name, 'Northwind Goods');
	assert.equal(p.offers['@type'], 'Offer');
	assert.equal(p.offers.price, '129.00', 'the price as a decimal string');
	assert.equal(p.offers.priceCurrency, 'USD');
	assert.match(p.offers.availability, /^https:\/\/schema\.org\/(InStock|OutOfStock)$/);
	const [crumbs] = ofType(h, 'BreadcrumbList');
	assert.ok(crumbs, 'BreadcrumbList');
	assert.deepEqual(crumbs.itemListElement.map((c) => c.position), [1, 2]);
	assert.equal(crumbs.itemListElement.at(-1).item, p.url);
});

test('a euro product carries its own currency', async () => {
	const h = headOf((await get('/p/atelier-lumen/fig-and-cedar-soy-candle')).body);
	assert.equal(h.meta['product:price:currency'], 'EUR');
	assert.equal(h.meta['product:price:amount'], '26.00');
	assert.equal(ofType(h, 'Product')[0].offers.priceCurrency, 'EUR');
});

test('the canonical address drops via, utm_*, from and code', async () => {
	const path = '/p/northwind/task-lamp-no-2';
	const h = headOf((await get(`${path}?via=lena&utm_source=ig&utm_medium=story&utm_campaign=x&from=ad.nope&code=SAVE`)).body);
	assert.equal(h.canonical, base + path);
	assert.equal(h.meta['og:url'], base + path);
	assert.equal(h.title, 'Task Lamp No. 2 – Northwind Goods · picked by Lena Park', 'the creator who shared it is named');
	const s = headOf((await get('/@lena?via=lena&utm_source=tiktok')).body);
	assert.equal(s.canonical, base + '/@lena');
});

test('a storefront is a profile with a Person and its picks as an ItemList', async () => {
	const h = headOf((await get('/@lena')).body);
	assertShareTags(h, { path: '/@lena', type: 'profile' });
	assert.match(h.title, /^Lena Park \(@lena\) · crowdcart$/);
	const [person] = ofType(h, 'Person');
	assert.equal(person.name, 'Lena Park');
	assert.equal(person.url, base + '/@lena');
	const [list] = ofType(h, 'ItemList');
	assert.ok(list.itemListElement.length > 0, 'the picks are listed');
	for (const item of list.itemListElement) {
		assert.match(item.url, new RegExp(`^${base.replace(/[.]/g, '\\.')}/p/[a-z0-9-]+/[a-z0-9-]+$`), 'absolute, no ?via=');
		assert.ok(item.name);
	}
	// Served again from the worker's kept copy: the head comes with it.
	const again = headOf((await get('/@lena')).body);
	assert.deepEqual(again.jsonld, h.jsonld);
	assert.equal(again.title, h.title);
});

test('a plain-text bio is described as the text it is, markup-looking characters and all', async () => {
	const h = headOf((await get('/@noor')).body);
	assert.match(h.meta.description, /^<script>alert\("xss"\)<\/script> & "quotes" 'single' <img src=x onerror=alert\(1\)>/);
	assert.match(h.raw, /<meta name="description" content="&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt; &amp; /);
	assert.equal(ofType(h, 'Person')[0].description.slice(0, 24), '<script>alert("xss")</sc');
});

test('a collection lists its items and its breadcrumbs', async () => {
	const h = headOf((await get('/@lena/desk-setup')).body);
	assertShareTags(h, { path: '/@lena/desk-setup' });
	assert.match(h.title, / · picked by Lena Park · crowdcart$/);
	const [list] = ofType(h, 'ItemList');
	assert.equal(list.url, base + '/@lena/desk-setup');
	assert.ok(list.itemListElement.length > 0);
	const [crumbs] = ofType(h, 'BreadcrumbList');
	assert.deepEqual(crumbs.itemListElement.map((c) => c.item), [base + '/', base + '/@lena', base + '/@lena/desk-setup']);
});

test('home, video, ad, live, lead form and order lookup have their share tags', async () => {
	const home = (await get('/')).body;
	assertShareTags(headOf(home), { path: '/' });
	const video = /href="(\/v\/\d+)"/.exec(home)?.[1];
	assert.ok(video, 'the home page links a video');
	assertShareTags(headOf((await get(`${video}?via=lena`)).body), { path: video });
	assertShareTags(headOf((await get('/ad/northwind-desk-with-lena?utm_source=x')).body), { path: '/ad/northwind-desk-with-lena' });
	// the demo's first session: the home page may link one another file made with a hostile title
	assertShareTags(headOf((await get('/live/1')).body), { path: '/live/1' });
	assertShareTags(headOf((await get('/f/northwind-wholesale')).body), { path: '/f/northwind-wholesale' });
	assertShareTags(headOf((await get('/@lena/f/northwind-wholesale')).body), { path: '/f/northwind-wholesale' });
	assertShareTags(headOf((await get('/orders/lookup')).body), { path: '/orders/lookup' });
});

test('public pages are indexable; studio and account pages are not', async () => {
	const shop = await get('/@lena');
	assert.doesNotMatch(shop.body, /<meta name="robots" content="noindex">/);
	assert.equal(shop.headers['x-robots-tag'], undefined);
	for (const path of ['/login', '/signup']) {
		const res = await get(path);
		assert.match(res.body, /<meta name="robots" content="noindex">/, path);
		assert.equal(res.headers['x-robots-tag'], 'noindex', path);
	}
	const c = new Client();
	await c.login('lena@demo.crowdcart.test', DEMO_PASSWORD);
	const studio = await c.get('/studio');
	assert.equal(studio.status, 200);
	assert.match(studio.body, /<meta name="robots" content="noindex">/);
	assert.equal(studio.headers['x-robots-tag'], 'noindex');
});
