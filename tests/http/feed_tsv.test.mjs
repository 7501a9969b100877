// feed_tsv.test.mjs: the brand's merchant feed is what the platforms reading it need: absolute
// image addresses, descriptions as plain text, and availability as it was imported ("in stock"
// without a quantity stays "in stock", it is not a backorder).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from './lib/http.mjs';
import { confValue } from './lib/env.mjs';
import { newBrand } from './lib/catalog.mjs';
import { reportCounts, upload } from './lib/catalog_import.mjs';
import { eventually } from './lib/eventually.mjs';

// absolute addresses come from the site's base_url (the Apache pass serves the same site on another port)
const base = confValue('base_url').replace(/\/+$/, '');

// The feed's rows as objects keyed by its header.
function rowsOf(tsv) {
	const [head, ...lines] = tsv.trim().split('\n').map((l) => l.split('\t'));
	return lines.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]])));
}

async function feedRows(slug, want) {
	return eventually(async () => {
		const res = await new Client().get(`/b/${slug}/feed.tsv`);
		assert.equal(res.status, 200);
		const rows = rowsOf(res.body);
		assert.equal(rows.length, want);
		return rows;
	});
}

test('availability comes out as it was imported', async () => {
	const b = await newBrand();
	const feed = [
		'id\ttitle\tdescription\tavailability\tquantity_to_sell_on_facebook\tprice\tlink\timage_link\tbrand\tcondition',
		'UNCOUNTED\tUncounted\tx\tin stock\t\t10.00 USD\thttps://shop.example/a\thttps://example.com/a.jpg\tAcme\tnew',
		'COUNTED\tCounted\tx\tin stock\t3\t10.00 USD\thttps://shop.example/b\thttps://example.com/b.jpg\tAcme\tnew',
		'BACK\tBack\tx\tbackorder\t\t10.00 USD\thttps://shop.example/c\thttps://example.com/c.jpg\tAcme\tnew',
		'OUT\tOut\tx\tout of stock\t\t10.00 USD\thttps://shop.example/d\thttps://example.com/d.jpg\tAcme\tnew',
	].join('\n') + '\n';
	const res = await upload(b.client, 'feed', 'feed.tsv', feed);
	assert.equal(res.status, 200, res.body.slice(0, 600));
	assert.equal(reportCounts(res.body).created, 4);
	const rows = await feedRows(b.slug, 4);
	const avail = Object.fromEntries(rows.map((r) => [r.id, [r.availability, r.quantity_to_sell_on_facebook]]));
	assert.deepEqual(avail, {
		UNCOUNTED: ['in stock', ''], COUNTED: ['in stock', '3'], BACK: ['backorder', '0'], OUT: ['out of stock', '0'],
	});
	// The feed read back in is the same feed: nothing changes.
	const again = await upload(b.client, 'feed', 'again.tsv', (await new Client().get(`/b/${b.slug}/feed.tsv`)).body);
	assert.deepEqual(reportCounts(again.body), { created: 0, updated: 0, unchanged: 4, skipped: 0 });
});

test('descriptions are plain text and images absolute', async () => {
	const rows = rowsOf((await new Client().get('/b/northwind/feed.tsv')).body);
	assert.ok(rows.length > 0);
	for (const r of rows) {
		assert.doesNotMatch(r.description, /<\/?[a-z][^>]*>/i, `${r.id}: no markup in the description`);
		assert.doesNotMatch(r.description, /&(amp|lt|gt|quot|#\d+);/, `${r.id}: no entities left`);
		// (other test files add northwind products without pictures: no image_link at all)
		if (r.image_link)
			assert.match(r.image_link, /^https?:\/\//, `${r.id}: image_link is absolute`);
		for (const more of (r.additional_image_link || '').split(',').filter(Boolean))
			assert.match(more, /^https?:\/\//, `${r.id}: additional images are absolute`);
		assert.ok(r.link.startsWith(`${base}/p/northwind/`));
	}
	const lamp = rows.find((r) => r.link === `${base}/p/northwind/task-lamp-no-2`);
	assert.ok(lamp, 'the lamp is in the feed');
	assert.ok(lamp.image_link.startsWith(base + '/'), 'an image on this site is named with base_url');
	assert.match(lamp.description, /^Our second take on the perfect desk lamp/);
});
