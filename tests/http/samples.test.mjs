// samples.test.mjs: product samples from request to delivery (carrier, tracking, mails), declines,
// the brand's limits under a race, who may see and move which request, and the "Gifted by {brand}"
// label beside a creator's picks once, and only once, a sample has been delivered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_PASSWORD, confValue, unique } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { brandWithOpenProduct, newCreator } from './lib/creators.mjs';
import { eventually } from './lib/eventually.mjs';
import { lit, sql } from './lib/fulfilment.mjs';

usesDatabase();

const ADDRESS = { name: 'Sam Sample', line1: '1 Test Street', line2: '', city: 'Lisbon', region: '', postal: '1000-001', country: 'pt' };

// Asks for a sample of `productId` as creator `c`; returns the response.
function ask(c, productId, fields = {}) {
	return c.client.submit('/studio/creator/samples', { product_id: productId, note: 'For my desk video', ...ADDRESS, ...fields },
		{ formPath: `/studio/creator/samples/new?product_id=${productId}` });
}

// The id of the creator's newest request of the product's title, from their list.
async function requestId(c, title) {
	const res = await c.client.get('/studio/creator/samples');
	assert.equal(res.status, 200);
	const m = new RegExp(`id="sample-(\\d+)"[^>]*>\\s*<h2 class="sample-title"><a [^>]*>${title}<`).exec(res.body);
	assert.ok(m, `a request of ${title} is listed`);
	return m[1];
}

function brandMove(brand, id, fields) {
	return brand.client.submit(`/studio/brand/samples/${id}`, fields, { formPath: '/studio/brand/samples' });
}

function creatorMove(c, id, action) {
	return c.client.submit(`/studio/creator/samples/${id}`, { action }, { formPath: '/studio/creator/samples' });
}

// The sample mails to `to` (a new account's own confirmation mail is not one of them).
function mails(to) {
	// A notice (the sample request) names the brand's account, whose address is read when sent.
	return sql(`SELECT o.subject, REPLACE(o.body_text, '\n', ' ') FROM outbox o LEFT JOIN users u ON u.id = o.to_user_id
		WHERE (o.to_addr = ${lit(to)} OR u.email = ${lit(to)})
		AND o.subject <> 'Confirm your crowdcart email address' ORDER BY o.id`).map(([subject, body]) => ({ subject, body }));
}

function setLimits(brand, open, monthly) {
	return brand.client.submit('/studio/brand/samples/limits', { open_limit: String(open), monthly_limit: String(monthly) },
		{ formPath: '/studio/brand/samples' });
}

const GIFTED = /Gifted by /;

describe('samples', { concurrency: true }, () => {

test('a sample from request to delivery: tracking, a mail at each step, and "Gifted by" on every surface only once delivered', async () => {
	const brand = await brandWithOpenProduct();
	const brandName = brand.account.brand_name;
	const c = await newCreator();
	const handle = c.account.handle;
	// the creator picks the product and puts it in a published collection
	assert.equal((await c.client.submit('/studio/creator/picks', { product_id: brand.productId }, { formPath: '/studio/creator/marketplace' })).status, 303);
	let res = await c.client.submit('/studio/creator/collections', { title: `Gifts ${unique()}`, description: '' });
	assert.equal(res.status, 303);
	const edit = res.headers.location;
	assert.equal((await c.client.submit(`${edit}/items`, { product_id: brand.productId }, { formPath: edit })).status, 303);
	const colTitle = `Desk ${unique()}`;
	assert.equal((await c.client.submit(edit, { title: colTitle, description: '', published: '1' })).status, 303);
	const colUrl = (await c.client.get('/studio/creator/collections')).body.match(new RegExp(`href="(/@${handle}/[a-z0-9-]+)"`))?.[1];
	assert.ok(colUrl, 'the collection has a public address');

	// the marketplace offers a sample; the form names the brand and its limits
	res = await c.client.get('/studio/creator/marketplace');
	assert.ok(res.body.includes(`/studio/creator/samples/new?product_id=${brand.productId}`));
	res = await c.client.get(`/studio/creator/samples/new?product_id=${brand.productId}`);
	assert.equal(res.status, 200);
	assert.match(res.body, /allows up to 2 open requests per creator at a time, and 4 in any 30 days/);

	res = await ask(c, brand.productId, { note: 'Note <b>with tags</b>' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/studio/creator/samples?done=requested');
	const id = await requestId(c, brand.title);
	res = await c.client.get('/studio/creator/samples');
	assert.match(res.body, new RegExp(`id="sample-${id}" data-status="requested"`));
	assert.ok(res.body.includes('Note &lt;b&gt;with tags&lt;/b&gt;'), 'the note is escaped');
	assert.ok(mails(brand.account.email).some((m) => m.subject === `Sample request: ${brand.title}` && m.body.includes(`@${handle}`)
		&& m.body.includes(`studio: ${confValue('base_url')}/studio/brand/samples`)),
		'the brand is told of the request');

	// the brand sees it with the address (country stored uppercase), and approves
	res = await brand.client.get('/studio/brand/samples');
	assert.equal(res.status, 200);
	assert.match(res.body, new RegExp(`id="sample-${id}" data-status="requested"`));
	assert.match(res.body, /<address class="sample-address">Sam Sample<br>1 Test Street<br>Lisbon 1000-001<br>PT<\/address>/);
	assert.equal((await brandMove(brand, id, { action: 'approve' })).status, 303);
	// shipping: the tracking number as typed is stored normalised, and linked at the carrier
	assert.equal((await brandMove(brand, id, { action: 'ship', carrier: 'ups', tracking_number: '1z 999-aa1 0123456784' })).status, 303);
	res = await c.client.get('/studio/creator/samples');
	assert.match(res.body, new RegExp(`id="sample-${id}" data-status="shipped"`));
	assert.match(res.body, /UPS, tracking number <span class="tracking-number">1Z999AA10123456784<\/span>/);
	assert.ok(res.body.includes('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"'));

	// shipped is not yet a gift: no label anywhere
	for (const path of [`/@${handle}`, colUrl]) {
		res = await new Client().get(path);
		assert.equal(res.status, 200, path);
		assert.doesNotMatch(res.body, GIFTED, `${path} before delivery`);
	}
	const productPath = /href="(\/p\/[^"?]+)/.exec((await new Client().get(`/@${handle}`)).body)[1];
	res = await new Client().get(`${productPath}?via=${handle}`);
	assert.doesNotMatch(res.body, GIFTED);

	assert.equal((await brandMove(brand, id, { action: 'deliver' })).status, 303);
	assert.equal((await brandMove(brand, id, { action: 'deliver' })).status, 409, 'delivered is final');
	const toCreator = mails(c.account.email).map((m) => m.subject);
	assert.deepEqual(toCreator, ['approved', 'shipped', 'marked as delivered'].map((v) => `Sample of ${brand.title}: ${v}`));
	assert.ok(mails(c.account.email)[1].body.includes('Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784'));

	// delivered: the label on the storefront, the collection and the product page in the creator's context
	const label = `Gifted by ${brandName}`;
	await eventually(async () => {
		res = await new Client().get(`/@${handle}`);
		assert.ok(res.body.includes(`<p class="gifted" role="note">${label}</p>`), 'storefront card');
		assert.match(res.body, /class="disclosure gifted-note" role="note">[^<]*received the products marked/);
	});
	await eventually(async () => {
		res = await new Client().get(colUrl);
		assert.ok(res.body.includes(`<p class="gifted" role="note">${label}</p>`), 'collection card');
	});
	await eventually(async () => {
		res = await new Client().get(`${productPath}?via=${handle}`);
		assert.ok(res.body.includes(`${label}:`), 'product page beside the disclosure');
		assert.match(res.body, /earns a commission if you buy this product through their link\.<\/p>\s*<p class="disclosure gifted"/);
	});
	// not without the creator, and not for another creator who picked the same product
	assert.doesNotMatch((await new Client().get(productPath)).body, GIFTED);
	const other = await newCreator();
	await other.client.submit('/studio/creator/picks', { product_id: brand.productId }, { formPath: '/studio/creator/marketplace' });
	await eventually(async () => {
		res = await new Client().get(`/@${other.account.handle}`);
		assert.ok(res.body.includes(brand.title));
	});
	assert.doesNotMatch(res.body, GIFTED);
	assert.doesNotMatch((await new Client().get(`${productPath}?via=${other.account.handle}`)).body, GIFTED);
});

test('a decline needs a reason, which the creator sees; the creator cancels while waiting, and says when one arrived', async () => {
	const brand = await brandWithOpenProduct({ count: 3 });
	const [p1, p2, p3] = brand.products;
	const c = await newCreator();
	for (const p of [p1, p2])
		assert.equal((await ask(c, p.productId)).status, 303);
	const id1 = await requestId(c, p1.title), id2 = await requestId(c, p2.title);
	let res = await brandMove(brand, id1, { action: 'decline', reason: '  ' });
	assert.equal(res.status, 422);
	assert.match(res.body, /say why/);
	assert.equal((await brandMove(brand, id1, { action: 'decline', reason: 'Out of <stock>' })).status, 303);
	assert.equal((await brandMove(brand, id1, { action: 'ship', carrier: 'dhl', tracking_number: 'JD0146000038' })).status, 409,
		'a declined request cannot be shipped');
	res = await c.client.get('/studio/creator/samples');
	assert.match(res.body, new RegExp(`id="sample-${id1}" data-status="declined"`));
	assert.ok(res.body.includes('Their reason: Out of &lt;stock&gt;'));
	assert.ok(mails(c.account.email).some((m) => m.subject === `Sample of ${p1.title}: declined` && m.body.includes('Out of <stock>')));
	// cancel while waiting; not after approval
	assert.equal((await creatorMove(c, id2, 'cancel')).status, 303);
	assert.equal((await creatorMove(c, id2, 'cancel')).status, 409);
	assert.ok(mails(brand.account.email).some((m) => m.subject === `Sample of ${p2.title}: cancelled`));
	assert.equal((await ask(c, p3.productId)).status, 303);
	const id3 = await requestId(c, p3.title);
	assert.equal((await brandMove(brand, id3, { action: 'approve' })).status, 303);
	assert.equal((await creatorMove(c, id3, 'cancel')).status, 409, 'approved: the brand may decline, the creator may not cancel');
	assert.equal((await creatorMove(c, id3, 'deliver')).status, 409, 'not shipped yet');
	// ship with bad input: unknown carrier, short or odd tracking numbers
	for (const f of [{ carrier: 'pigeon', tracking_number: '12345678' }, { carrier: 'ups', tracking_number: '123' },
		{ carrier: 'ups', tracking_number: 'AB/12345' }]) {
		res = await brandMove(brand, id3, { action: 'ship', ...f });
		assert.equal(res.status, 422, JSON.stringify(f));
	}
	assert.equal((await brandMove(brand, id3, { action: 'ship', carrier: 'other', tracking_number: 'LOCAL-12345' })).status, 303);
	res = await c.client.get('/studio/creator/samples');
	assert.match(res.body, /Other carrier, tracking number <span class="tracking-number">LOCAL12345<\/span><\/p>/, 'no link for another carrier');
	// the creator confirms it arrived; the brand is told
	assert.equal((await creatorMove(c, id3, 'deliver')).status, 303);
	assert.match((await c.client.get('/studio/creator/samples')).body, new RegExp(`id="sample-${id3}" data-status="delivered"`));
	assert.ok(mails(brand.account.email).some((m) => m.subject === `Sample of ${p3.title}: marked as delivered`));
	// an action the form does not offer is refused before any handler
	assert.equal((await creatorMove(c, id3, 'approve')).status, 400);
});

test('limits: open at once, per 30 days, one open request per product, samples off; brand-editable', async () => {
	const brand = await brandWithOpenProduct({ count: 4 });
	const [p1, p2, p3, p4] = brand.products;
	const c = await newCreator();
	assert.equal((await ask(c, p1.productId)).status, 303);
	let res = await ask(c, p1.productId);
	assert.equal(res.status, 409);
	assert.match(res.body, /already have an open sample request for this product/);
	assert.equal((await ask(c, p2.productId)).status, 303);
	res = await ask(c, p3.productId);
	assert.equal(res.status, 409, 'two open of two');
	assert.match(res.body, /as many open sample requests with this brand as it allows/);
	// cancelling frees an open place, and a cancelled request does not count in the month
	assert.equal((await creatorMove(c, await requestId(c, p2.title), 'cancel')).status, 303);
	assert.equal((await ask(c, p3.productId)).status, 303);
	// the brand raises the open limit but allows 2 a month: 2 made (p1, p3), so the next is refused
	assert.equal((await setLimits(brand, 5, 2)).status, 303);
	res = await ask(c, p4.productId);
	assert.equal(res.status, 409);
	assert.match(res.body, /in the last 30 days/);
	// limits out of range are a clear 422
	assert.equal((await setLimits(brand, 51, 2)).status, 422);
	assert.equal((await setLimits(brand, -1, 2)).status, 422);
	// 0 open turns samples off, and the form says so
	assert.equal((await setLimits(brand, 0, 4)).status, 303);
	assert.match((await c.client.get(`/studio/creator/samples/new?product_id=${p4.productId}`)).body, /not sending samples at the moment/);
	res = await ask(c, p4.productId);
	assert.equal(res.status, 409);
	assert.match(res.body, /not sending samples/);
});

test('requests racing for the last place: exactly as many as the limit get in', async () => {
	const brand = await brandWithOpenProduct({ count: 4 });
	assert.equal((await setLimits(brand, 2, 10)).status, 303);
	const c = await newCreator();
	const csrf = await c.client.csrf(`/studio/creator/samples/new?product_id=${brand.productId}`);
	// two requests for each of four products at once, from the same signed-in creator
	const all = await Promise.all(brand.products.flatMap((p) => [0, 1].map(() =>
		c.client.post('/studio/creator/samples', { csrf, product_id: p.productId, note: '', ...ADDRESS }))));
	const statuses = all.map((r) => r.status).sort();
	assert.deepEqual(statuses, [303, 303, 409, 409, 409, 409, 409, 409]);
	const [[open]] = sql(`SELECT COUNT(*) FROM sample_requests s JOIN creators cr ON cr.id = s.creator_id
		WHERE cr.handle = ${lit(c.account.handle)} AND s.status = 'requested'`);
	assert.equal(Number(open), 2);
});

test('a creator cannot see or move another creator\'s request; a brand cannot see or move another brand\'s', async () => {
	const brand = await brandWithOpenProduct();
	const c = await newCreator();
	assert.equal((await ask(c, brand.productId)).status, 303);
	const id = await requestId(c, brand.title);
	const stranger = await newCreator();
	assert.doesNotMatch((await stranger.client.get('/studio/creator/samples')).body, new RegExp(`sample-${id}"`));
	assert.equal((await creatorMove(stranger, id, 'cancel')).status, 404);
	const otherBrand = await brandWithOpenProduct();
	const res = await otherBrand.client.get('/studio/brand/samples');
	assert.equal(res.status, 200);
	assert.doesNotMatch(res.body, new RegExp(`sample-${id}"`));
	assert.ok(!res.body.includes('1 Test Street'), 'no address of another brand\'s request');
	assert.equal((await brandMove(otherBrand, id, { action: 'approve' })).status, 404);
	// a creator is not a brand, and nobody signed out gets in
	assert.equal((await c.client.get('/studio/brand/samples')).status, 403);
	assert.equal((await new Client().get('/studio/creator/samples')).status, 303);
	// still waiting, untouched
	assert.match((await c.client.get('/studio/creator/samples')).body, new RegExp(`id="sample-${id}" data-status="requested"`));
	// and no move without the form's CSRF token
	assert.equal((await c.client.post(`/studio/creator/samples/${id}`, { action: 'cancel' })).status, 403);
});

test('the request form checks every field: a clear 4xx, nothing written', async () => {
	const brand = await brandWithOpenProduct();
	const c = await newCreator();
	for (const [fields, status, text] of [
		[{ country: 'Portugal' }, 400, null],
		[{ country: '1x' }, 422, /<p class="field-error" id="country-error">Choose the country from the list/],
		[{ country: 'XX' }, 422, /country from the list/],
		[{ name: ' ' }, 422, /id="name"[^>]*aria-invalid="true" aria-describedby="name-error">\s*<p class="field-error" id="name-error">Enter the name the parcel/],
		[{ line1: '' }, 422, /street address/],
		[{ postal: '' }, 422, /postal code/],
		[{ variant_id: '999999999' }, 422, /Choose one of the product/],
		[{ note: 'x'.repeat(501) }, 400, null],
	]) {
		const res = await ask(c, brand.productId, fields);
		assert.equal(res.status, status, JSON.stringify(fields).slice(0, 80));
		if (text)
			assert.match(res.body, text);
	}
	assert.equal((await c.client.submit('/studio/creator/samples', { product_id: '999999999', ...ADDRESS },
		{ formPath: '/studio/creator/samples' })).status, 404);
	assert.equal((await c.client.get('/studio/creator/samples/new?product_id=999999999')).status, 404);
	const [[n]] = sql(`SELECT COUNT(*) FROM sample_requests s JOIN creators cr ON cr.id = s.creator_id WHERE cr.handle = ${lit(c.account.handle)}`);
	assert.equal(Number(n), 0);
});

test('the demo: lena\'s lamp was a gift from Northwind, and marco\'s request waits on Northwind\'s page', async () => {
	const res = await new Client().get('/@lena');
	const at = res.body.indexOf('>Task Lamp No. 2</h3>');
	assert.ok(at > 0);
	assert.ok(res.body.slice(at, res.body.indexOf('</article>', at)).includes('<p class="gifted" role="note">Gifted by Northwind Goods</p>'));
	assert.match((await new Client().get('/p/northwind/task-lamp-no-2?via=lena')).body, /Gifted by Northwind Goods: Lena Park received this product free/);
	const brand = new Client();
	assert.equal((await brand.login('brand-owner@northwind.demo.crowdcart.test', DEMO_PASSWORD)).status, 303);
	const page = await brand.get('/studio/brand/samples');
	assert.match(page.body, /id="sample-2" data-status="requested"/);
	assert.match(page.body, /id="sample-1" data-status="delivered"/);
	assert.ok(!page.body.includes('1200 Pine Street'), 'no address once delivered');
});

});
