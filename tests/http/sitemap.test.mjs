// sitemap.test.mjs: robots.txt keeps crawlers out of the studio, cart, checkout, API and accounts
// and names the sitemap; the sitemap index and its files list every published storefront,
// collection and product, absolute and with lastmod, and nothing unpublished or taken down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, unique } from './lib/http.mjs';
import { confValue } from './lib/env.mjs';
import { sql } from './lib/catalog.mjs';

// absolute addresses come from the site's base_url (the Apache pass serves the same site on another port)
const base = confValue('base_url').replace(/\/+$/, '');

function locs(xml) {
	return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, l]) => l.replace(/&amp;/g, '&'));
}

// Every address of every file the index names, after checking each file's shape.
async function sitemapUrls() {
	const c = new Client();
	const index = await c.get('/sitemap.xml');
	assert.equal(index.status, 200);
	assert.match(index.headers['content-type'], /^application\/xml/);
	assert.match(index.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
	const files = locs(index.body);
	assert.ok(files.length >= 3, 'a file each for storefronts, collections and products');
	const urls = [];
	for (const file of files) {
		assert.ok(file.startsWith(base + '/sitemaps/'), `${file} is absolute, on this site`);
		const res = await c.get(file.slice(base.length));
		assert.equal(res.status, 200, file);
		assert.match(res.body, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
		const entries = [...res.body.matchAll(/<url><loc>([^<]*)<\/loc><lastmod>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)<\/lastmod><\/url>/g)];
		assert.equal(entries.length, locs(res.body).length, 'every address has its lastmod');
		assert.ok(entries.length <= 50000);
		urls.push(...locs(res.body));
	}
	return new Set(urls);
}

function rows(text) {
	return text.split('\n').filter(Boolean);
}

test('robots.txt keeps crawlers out of private pages and names the sitemap', async () => {
	const res = await new Client().get('/robots.txt');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/plain/);
	const lines = res.body.split('\n');
	assert.equal(lines[0], 'User-agent: *');
	for (const path of ['/studio', '/admin', '/login', '/signup', '/cart', '/checkout', '/api/'])
		assert.ok(lines.includes(`Disallow: ${path}`), `Disallow: ${path}`);
	assert.ok(lines.includes(`Sitemap: ${base}/sitemap.xml`));
	for (const path of ['/@', '/p/', '/f/'])
		assert.ok(!lines.some((l) => l === `Disallow: ${path}` || l === 'Disallow: /'), `${path} stays crawlable`);
});

test('the sitemap lists every published storefront, collection and product', async () => {
	const published = () => [
		...rows(sql(`SELECT CONCAT('${base}/@', handle) FROM creators cr WHERE taken_down_at IS NULL
			AND (SELECT suspended_at FROM users u WHERE u.id = cr.user_id) IS NULL`)),
		...rows(sql(`SELECT CONCAT('${base}/p/', b.slug, '/', p.handle) FROM products p JOIN brands b ON b.id = p.brand_id
			WHERE p.status = 'active' AND b.approved = 1 AND (SELECT suspended_at FROM users u WHERE u.id = b.owner_user_id) IS NULL`)),
	];
	const before = published();
	const urls = await sitemapUrls();
	// Other test files may take something down or suspend an account meanwhile: what went missing
	// must not be published still.
	const still = new Set(published());
	const missing = before.filter((u) => !urls.has(u) && still.has(u));
	assert.deepEqual(missing, [], 'every published storefront and product is in the sitemap');
	assert.ok(urls.has(`${base}/@lena`));
	assert.ok(urls.has(`${base}/@lena/desk-setup`));
	assert.ok(urls.has(`${base}/p/northwind/task-lamp-no-2`));
	for (const u of urls)
		assert.doesNotMatch(u, /[?#]/, 'no query string in a sitemap address');
});

test('nothing unpublished, draft or taken down is listed', async () => {
	const tag = unique().toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12);
	sql(`INSERT INTO creators (handle, display_name, bio) VALUES ('sm${tag}', 'Sitemap Shown', '');
		INSERT INTO creators (handle, display_name, bio, taken_down_at, taken_down_reason)
			VALUES ('sd${tag}', 'Sitemap Down', '', UTC_TIMESTAMP(), 'test');
		INSERT INTO collections (creator_id, slug, title, description, published)
			SELECT id, 'draft-${tag}', 'Draft', '', 0 FROM creators WHERE handle = 'sm${tag}';
		INSERT INTO collections (creator_id, slug, title, description, published, taken_down_at, taken_down_reason)
			SELECT id, 'down-${tag}', 'Down', '', 1, UTC_TIMESTAMP(), 'test' FROM creators WHERE handle = 'sm${tag}';
		INSERT INTO collections (creator_id, slug, title, description, published)
			SELECT id, 'live-${tag}', 'Live', '', 1 FROM creators WHERE handle = 'sm${tag}';
		INSERT INTO products (brand_id, handle, title, description_html, status)
			SELECT id, 'draft-${tag}', 'Draft product', '', 'draft' FROM brands WHERE slug = 'northwind';
		INSERT INTO products (brand_id, handle, title, description_html, status)
			SELECT id, 'active-${tag}', 'Active product', '', 'active' FROM brands WHERE slug = 'northwind';`);
	const urls = await sitemapUrls();
	assert.ok(urls.has(`${base}/@sm${tag}`), 'a new storefront is listed');
	assert.ok(urls.has(`${base}/@sm${tag}/live-${tag}`), 'a published collection is listed');
	assert.ok(urls.has(`${base}/p/northwind/active-${tag}`), 'an active product is listed');
	assert.ok(!urls.has(`${base}/@sd${tag}`), 'a taken-down storefront is not');
	assert.ok(!urls.has(`${base}/@sm${tag}/draft-${tag}`), 'an unpublished collection is not');
	assert.ok(!urls.has(`${base}/@sm${tag}/down-${tag}`), 'a taken-down collection is not');
	assert.ok(!urls.has(`${base}/p/northwind/draft-${tag}`), 'a draft product is not');
});

test('a sitemap file past the last row, or of an unknown kind, is a 404', async () => {
	const c = new Client();
	assert.equal((await c.get('/sitemaps/products/999999999999')).status, 404);
	assert.equal((await c.get('/sitemaps/users/1')).status, 404);
	assert.equal((await c.get('/sitemaps/products/abc')).status, 404);
});
