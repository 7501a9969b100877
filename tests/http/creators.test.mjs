// creators.test.mjs: creator sign-up rules, profile, marketplace picks and brand approval,
// collections, short links and attribution cookies, against the real servers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, newAccount, unique } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { brandWithOpenProduct, newCreator, sharedOpenBrand, visitCount } from './lib/creators.mjs';
import { eventually } from './lib/eventually.mjs';

usesDatabase();

// Every test makes its own accounts, products and orders, so they run side by side.
describe('creators', { concurrency: true }, () => {

function creatorFields(handle) {
	const u = unique();
	return { role: 'creator', email: `cr-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
		display_name: 'Handle Test', handle, brand_name: '' };
}

test('creator sign-up refuses short, malformed, reserved and taken handles', async () => {
	for (const [handle, status] of [['ab', 422], ['9lives', 422], ['has-dash', 422], ['studio', 422],
		['API', 422], ['admin', 422], ['LENA', 409], ['a'.repeat(30) + 'b', 400]]) {
		const res = await new Client().signup(creatorFields(handle));
		assert.equal(res.status, status, `handle ${handle}`);
	}
	const ok = await new Client().signup(creatorFields(`Ok_${unique()}`.slice(0, 30)));
	assert.equal(ok.status, 303);
});

test('profile edits show on the storefront, and unsafe links are refused', async () => {
	const { client, account } = await newCreator();
	const bio = `Bio ${unique()} <b>not bold</b>`;
	let res = await client.submit('/studio/creator/profile', {
		display_name: 'Profile Person', bio, avatar_url: '/static/demo/avatar-lena.svg',
		link_label_1: 'Blog', link_url_1: 'https://blog.example/x',
	});
	assert.equal(res.status, 303);
	res = await new Client().get(`/@${account.handle}`);
	assert.equal(res.status, 200);
	assert.match(res.body, /Profile Person/);
	assert.ok(res.body.includes('not bold&lt;/b&gt;') || res.body.includes('not bold&lt;&#47;b&gt;'), 'bio is escaped');
	assert.match(res.body, /href="https:\/\/blog\.example\/x"/);
	for (const bad of [{ avatar_url: 'javascript:alert(1)' }, { link_label_1: 'x', link_url_1: 'javascript:alert(1)' },
		{ link_label_1: 'only label', link_url_1: '' }, { avatar_url: '/static/../etc/passwd' }]) {
		res = await client.submit('/studio/creator/profile', { display_name: 'P', bio: '', avatar_url: '', ...bad });
		assert.equal(res.status, 422, JSON.stringify(bad));
	}
});

test('a pick of an open product is approved at once and appears on the storefront with a disclosure', async () => {
	const brand = await sharedOpenBrand();
	const { client, account } = await newCreator();
	let res = await client.get('/studio/creator/marketplace');
	assert.equal(res.status, 200);
	assert.ok(res.body.includes(brand.title));
	assert.match(res.body, /12\.50%/);
	res = await client.submit('/studio/creator/picks', { product_id: brand.productId }, { formPath: '/studio/creator/marketplace' });
	assert.equal(res.status, 303);
	// public reads are cached for a second
	await eventually(async () => {
		res = await new Client().get(`/@${account.handle}`);
		assert.ok(res.body.includes(brand.title));
		assert.match(res.body, /class="disclosure" role="note">[^<]*earns a commission/);
	});
});

test('with approval required a pick waits for the brand, who approves or rejects it', async () => {
	const brand = await brandWithOpenProduct({ approval: true, percent: '8' });
	const a = await newCreator(), b = await newCreator();
	for (const c of [a, b]) {
		const res = await c.client.submit('/studio/creator/picks', { product_id: brand.productId }, { formPath: '/studio/creator/marketplace' });
		assert.equal(res.status, 303);
		assert.match(res.headers.location, /added=requested/);
	}
	let res = await a.client.get('/studio/creator/picks');
	assert.match(res.body, /Waiting for the brand/);
	res = await brand.client.get('/studio/brand/pick-requests');
	assert.equal(res.status, 200);
	const ids = [...res.body.matchAll(/action="\/studio\/brand\/pick-requests\/(\d+)"/g)].map((m) => m[1]);
	const idOf = (handle) => new RegExp(`@${handle}[\\s\\S]*?pick-requests/(\\d+)`).exec(res.body)[1];
	assert.ok(ids.length >= 2);
	const ida = idOf(a.account.handle), idb = idOf(b.account.handle);
	assert.equal((await brand.client.submit(`/studio/brand/pick-requests/${ida}`, { decision: 'approve' }, { formPath: '/studio/brand/pick-requests' })).status, 303);
	assert.equal((await brand.client.submit(`/studio/brand/pick-requests/${idb}`, { decision: 'reject' }, { formPath: '/studio/brand/pick-requests' })).status, 303);
	// decided requests cannot be decided again, and another brand cannot decide them
	assert.equal((await brand.client.submit(`/studio/brand/pick-requests/${ida}`, { decision: 'reject' }, { formPath: '/studio/brand/pick-requests' })).status, 404);
	assert.match((await a.client.get('/studio/creator/picks')).body, /On your storefront/);
	assert.match((await b.client.get('/studio/creator/picks')).body, /Declined by the brand/);
	// a creator cannot use the brand queue
	assert.equal((await a.client.get('/studio/brand/pick-requests')).status, 403);
});

test('collections: create, add items, note, reorder, publish, unpublish', async () => {
	const [brand1, brand2] = (await sharedOpenBrand()).products;
	const { client, account } = await newCreator();
	for (const p of [brand1, brand2])
		await client.submit('/studio/creator/picks', { product_id: p.productId }, { formPath: '/studio/creator/marketplace' });
	let res = await client.submit('/studio/creator/collections', { title: 'Desk Gifts! 2026', description: 'For desks' });
	assert.equal(res.status, 303);
	const edit = res.headers.location;
	const id = /collections\/(\d+)$/.exec(edit)[1];
	for (const p of [brand1, brand2])
		assert.equal((await client.submit(`${edit}/items`, { product_id: p.productId }, { formPath: edit })).status, 303);
	assert.equal((await client.submit(`${edit}/items/${brand1.productId}/note`, { note: 'Why I love it: <light>' }, { formPath: edit })).status, 303);
	assert.equal((await client.submit(`${edit}/items/${brand2.productId}/move`, { dir: 'up' }, { formPath: edit })).status, 303);
	res = await client.get(edit);
	assert.ok(res.body.indexOf(brand2.title) < res.body.indexOf(brand1.title), 'moved up');
	// a draft is not public
	assert.equal((await new Client().get(`/@${account.handle}/desk-gifts-2026`)).status, 404);
	assert.equal((await client.submit(edit, { title: 'Desk Gifts! 2026', description: 'For desks', published: '1' })).status, 303);
	res = await new Client().get(`/@${account.handle}/desk-gifts-2026`);
	assert.equal(res.status, 200);
	assert.ok(res.body.includes('Why I love it: &lt;light&gt;'));
	assert.ok(res.body.indexOf(brand2.title) < res.body.indexOf(brand1.title));
	assert.match(res.body, /class="disclosure" role="note"/);
	// rename keeps the address
	assert.equal((await client.submit(edit, { title: 'Renamed', description: '', published: '1' })).status, 303);
	await eventually(async () => {
		res = await new Client().get(`/@${account.handle}/desk-gifts-2026`);
		assert.match(res.body, /Renamed/);
	});
	// a second collection with the same title gets its own slug
	res = await client.submit('/studio/creator/collections', { title: 'Renamed', description: '' });
	assert.equal(res.status, 303);
	assert.notEqual(res.headers.location, edit);
	// another creator cannot see or change it
	const other = await newCreator();
	assert.equal((await other.client.get(edit)).status, 404);
	assert.equal((await other.client.submit(`${edit}/items/${brand1.productId}/remove`, {}, { formPath: '/studio/creator/collections' })).status, 303);
	assert.ok((await client.get(edit)).body.includes(brand1.title), 'still there');
	// the storefront lists collections in the creator's order
	const second = res.headers.location;
	assert.equal((await client.submit(second, { title: 'Second Shelf', description: '', published: '1' }, { formPath: second })).status, 303);
	const secondId = /collections\/(\d+)$/.exec(second)[1];
	assert.equal((await client.submit(`/studio/creator/collections/${secondId}/move`, { dir: 'up' }, { formPath: '/studio/creator/collections' })).status, 303);
	await eventually(async () => {
		const front = (await new Client().get(`/@${account.handle}`)).body;
		assert.ok(front.indexOf('Second Shelf') >= 0 && front.indexOf('Second Shelf') < front.indexOf('Renamed'), 'moved first');
	});
	// unpublish
	assert.equal((await client.submit(edit, { title: 'Renamed', description: '' })).status, 303);
	await eventually(async () => assert.equal((await new Client().get(`/@${account.handle}/desk-gifts-2026`)).status, 404));
	assert.ok(id);
});

function attrCookie(res) {
	const line = res.setCookies.find((c) => c.startsWith('cc_attr='));
	return line && /^cc_attr=([^;]*)/.exec(line)[1];
}

test('a short link redirects to its target and attributes the visitor to the creator', async () => {
	const { client, account } = await newCreator();
	let res = await client.submit('/studio/creator/links', { target: 'storefront', label: 'bio link' });
	assert.equal(res.status, 303);
	res = await client.get('/studio/creator/links');
	const path = /href="(\/s\/[a-z2-7]{16})"/.exec(res.body)[1];
	const shopper = new Client();
	res = await shopper.get(`${path}?utm_source=newsletter&utm_campaign=spring`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/@${account.handle}`);
	const cookie = attrCookie(res);
	assert.match(cookie, /^1\.\d+\.6\.\d+\.[A-Za-z0-9_-]{43}$/, 'surface 6 = link, no personal data');
	assert.ok(!cookie.includes(account.handle));
	// the storefront it leads to keeps the way in ("link")
	res = await shopper.get(`/@${account.handle}`);
	assert.match(attrCookie(res), /^1\.\d+\.6\./);
	// unknown and malformed codes are 404
	assert.equal((await new Client().get('/s/aaaaaaaaaaaaaaaa')).status, 404);
	assert.equal((await new Client().get('/s/NOT-A-CODE')).status, 404);
	// links only to the creator's own things
	assert.equal((await client.submit('/studio/creator/links', { target: 'c1', label: '' }, { formPath: '/studio/creator/links' })).status, 404);
});

test('a second creator takes over the attribution; a direct visit does not erase it', async () => {
	const lena = new Client();
	let res = await lena.get('/@lena');
	const lenaCookie = attrCookie(res);
	assert.match(lenaCookie, /^1\.1\.1\./);
	res = await lena.get('/@marco');
	assert.match(attrCookie(res), /^1\.2\.1\./, 'marco now');
	res = await lena.get('/');
	assert.equal(attrCookie(res), undefined, 'a direct visit sets nothing');
	assert.match(lena.cookie('cc_attr'), /^1\.2\./);
	// a forged cookie is ignored: the next creator visit starts a fresh mark
	const forged = new Client();
	forged.cookies.set('cc_attr', lenaCookie.replace(/^1\.1\./, '1.3.'));
	res = await forged.get('/@lena');
	assert.match(attrCookie(res), /^1\.1\.1\./);
});

test('visits through a short link are counted per surface with their UTM parameters', async () => {
	const { client, account } = await newCreator();
	await client.submit('/studio/creator/links', { target: 'storefront', label: '' });
	const path = /href="(\/s\/[a-z2-7]{16})"/.exec((await client.get('/studio/creator/links')).body)[1];
	const campaign = `c${unique()}`;
	for (let i = 0; i < 3; i++)
		assert.equal((await new Client().get(`${path}?utm_source=newsletter&utm_medium=email&utm_campaign=${campaign}`)).status, 303);
	assert.equal(await visitCount(account.handle, { surface: 'link', campaign }, 3), 3);
	// the creator's dashboard counts them too
	const dash = await client.get('/studio/creator/dashboard');
	assert.match(dash.body, /<span class="visits-total">[1-9]\d*<\/span>/);
	assert.match(dash.body, /<svg class="chart"[^>]*role="img"/);
});

test('storefront order: picks move up and down and can be removed (also from collections)', async () => {
	const [one, two] = (await sharedOpenBrand()).products;
	const { client, account } = await newCreator();
	for (const p of [one, two])
		await client.submit('/studio/creator/picks', { product_id: p.productId }, { formPath: '/studio/creator/marketplace' });
	let page = (await client.get('/studio/creator/picks')).body;
	assert.ok(page.indexOf(one.title) < page.indexOf(two.title));
	const idOf = (title) => new RegExp(`${title}[\\s\\S]*?/studio/creator/picks/(\\d+)/move`).exec(page)[1];
	const id2 = idOf(two.title);
	assert.equal((await client.submit(`/studio/creator/picks/${id2}/move`, { dir: 'up' }, { formPath: '/studio/creator/picks' })).status, 303);
	page = (await client.get('/studio/creator/picks')).body;
	assert.ok(page.indexOf(two.title) < page.indexOf(one.title), 'moved up');
	await eventually(async () => {
		const front = (await new Client().get(`/@${account.handle}`)).body;
		assert.ok(front.indexOf(two.title) < front.indexOf(one.title), 'the storefront follows the order');
	});
	assert.equal((await client.submit(`/studio/creator/picks/${id2}/move`, { dir: 'sideways' }, { formPath: '/studio/creator/picks' })).status, 400);
	assert.equal((await client.submit(`/studio/creator/picks/${id2}/remove`, {}, { formPath: '/studio/creator/picks' })).status, 303);
	await eventually(async () => {
		const front = (await new Client().get(`/@${account.handle}`)).body;
		assert.ok(!front.includes(two.title) && front.includes(one.title));
	});
	// another creator cannot remove someone else's pick
	const other = await newCreator();
	const id1 = idOf(one.title);
	await other.client.submit(`/studio/creator/picks/${id1}/remove`, {}, { formPath: '/studio/creator/picks' });
	assert.ok((await client.get('/studio/creator/picks')).body.includes(one.title));
});

test('a brand sets its attribution and return windows, within bounds', async () => {
	const c = new Client();
	await newAccount(c, 'brand');
	let res = await c.submit('/studio/brand/creator-program', { attribution_window_days: '14', return_window_days: '1', rate_notice_days: '30' });
	assert.equal(res.status, 303);
	res = await c.get('/studio/brand/creator-program');
	assert.match(res.body, /id="attribution_window_days"[^>]*value="14"/);
	assert.match(res.body, /id="return_window_days"[^>]*value="1"/);
	for (const [w, rw] of [['0', '30'], ['91', '30'], ['x', '30'], ['30', '0'], ['30', '91'], ['30', '-1']])
		assert.equal((await c.submit('/studio/brand/creator-program', { attribution_window_days: w, return_window_days: rw, rate_notice_days: '30' })).status, 422, `${w}/${rw}`);
	// creators cannot change a brand's terms
	const { client } = await newCreator();
	assert.equal((await client.get('/studio/brand/creator-program')).status, 403);
});
});
