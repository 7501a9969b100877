// studio_products.test.mjs: the brand studio's product editor, creator marketplace settings and
// API keys, through the real server: forms with CSRF, kept values on errors, exact totals, scoping
// to the signed-in brand, and what the public shop shows after publish/unpublish/archive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { Client, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { createKey, main, newBrand, postProduct, productForm, sql } from './lib/catalog.mjs';

usesDatabase();

const desk = (extra = {}) => ({
	title: 'Oak Desk Tray',
	description: 'Holds pens & <small> things.\n\nOiled by hand.',
	product_type: 'Desk',
	vendor: 'Test Woodworks',
	tags: 'desk, oak',
	options: ['Size', 'Finish'],
	variants: [
		{ option1: 'Small', option2: 'Oiled', sku: 'TRAY-S', price: '19.50', compare: '25', stock: '4' },
		{ option1: 'Large', option2: 'Oiled', sku: 'TRAY-L', price: '29', stock: '6', policy: 'continue' },
	],
	images: [{ url: 'https://img.example/tray.jpg', alt: 'An oak tray' }],
	...extra,
});

async function create(client, fields = desk()) {
	const res = await postProduct(client, '/studio/products', productForm(fields));
	assert.equal(res.status, 303, main(res.body));
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(res.headers.location)?.[1];
	assert.ok(id, res.headers.location);
	return id;
}

// The row of the product list for a product id: [title, status, price, stock].
async function listRow(client, id, query = '') {
	const res = await client.get(`/studio/products${query}`);
	assert.equal(res.status, 200);
	const m = new RegExp(`<tr><td[^>]*><a href="/studio/products/${id}">([^<]*)</a></td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>`).exec(res.body);
	return m ? m.slice(1) : null;
}

// The tests share nothing but brandA/brandB's read-only use, so they run side by side.
describe('brand studio catalog', { concurrency: 4 }, () => {
	it('a brand creates a product as a draft with its variants, options and images', async () => {
		const { client } = await newBrand();
		const id = await create(client);
		const page = await client.get(`/studio/products/${id}?saved=1`);
		assert.equal(page.status, 200);
		const html = main(page.body);
		assert.match(html, /role="status">Saved\./);
		assert.match(html, /name="title" maxlength="255" required value="Oak Desk Tray"/);
		assert.match(html, /Holds pens &amp; &lt;small&gt; things\.\n\nOiled by hand\.<\/textarea>/);
		assert.match(html, /name="option2_name" maxlength="60" value="Finish"/);
		assert.match(html, /name="v_sku" maxlength="120" value="TRAY-S"/);
		assert.match(html, /name="v_price" inputmode="decimal" maxlength="20" value="19.50"/);
		assert.match(html, /name="v_compare" inputmode="decimal" maxlength="20" value="25.00"/);
		assert.match(html, /value="continue" selected/);
		assert.match(html, /name="i_url" type="url" maxlength="1000" value="https:\/\/img.example\/tray.jpg"/);
		assert.match(html, /<strong class="status-draft">draft<\/strong>/);
		assert.deepEqual(await listRow(client, id), ['Oak Desk Tray', 'draft', '$19.50', '10']);
		assert.deepEqual(await listRow(client, id, '?status=draft'), ['Oak Desk Tray', 'draft', '$19.50', '10']);
		assert.equal(await listRow(client, id, '?status=active'), null, 'the status filter hides other statuses');
	});

	it('saving keeps price_min and stock_total exact: change, add and remove variants', async () => {
		const { client } = await newBrand();
		const id = await create(client);
		const edit = await client.get(`/studio/products/${id}`);
		const vids = [...edit.body.matchAll(/name="v_id" value="(\d+)"/g)].map((m) => m[1]);
		assert.equal(vids.length, 2);
		const fields = desk({
			variants: [
				{ id: vids[0], option1: 'Small', option2: 'Oiled', sku: 'TRAY-S', price: '21.00', stock: '1' },
				{ option1: 'Mini', option2: 'Raw', sku: 'TRAY-M', price: '12.25', stock: '8' },
				{ id: vids[1] },	// emptied: removed
			],
		});
		const res = await postProduct(client, `/studio/products/${id}`, productForm(fields), `/studio/products/${id}`);
		assert.equal(res.status, 303, main(res.body));
		assert.deepEqual(await listRow(client, id), ['Oak Desk Tray', 'draft', '$12.25', '9']);
		const after = await client.get(`/studio/products/${id}`);
		const now = [...after.body.matchAll(/name="v_id" value="(\d+)"/g)].map((m) => m[1]);
		assert.equal(now.length, 2);
		assert.equal(now[0], vids[0], 'an edited variant keeps its id');
		assert.ok(!now.includes(vids[1]));
		assert.doesNotMatch(after.body, /TRAY-L/);
	});

	it('an imported HTML description survives saves that leave its text alone', async () => {
		const { client } = await newBrand();
		const id = await create(client);
		const html = '<ul><li>Solid <strong>oak</strong></li><li>Oiled</li></ul>';
		sql(`UPDATE products SET description_html = '${html}' WHERE id = ${id}`);
		const edit = await client.get(`/studio/products/${id}`);
		const shown = /<textarea id="description"[^>]*>([^<]*)<\/textarea>/.exec(edit.body)[1];
		assert.equal(shown, '• Solid oak\n\n• Oiled');
		const vid = /name="v_id" value="(\d+)"/.exec(edit.body)[1];
		const keep = desk({ description: '• Solid oak\r\n\r\n• Oiled', variants: [{ id: vid, option1: 'Small', option2: 'Oiled', price: '5' }] });
		assert.equal((await postProduct(client, `/studio/products/${id}`, productForm(keep), `/studio/products/${id}`)).status, 303);
		assert.equal(sql(`SELECT description_html FROM products WHERE id = ${id}`).trim(), html);
		assert.deepEqual((await listRow(client, id)).slice(2), ['$5.00', '0']);
		const change = desk({ description: 'Now plain', variants: [{ id: vid, option1: 'Small', option2: 'Oiled', price: '5' }] });
		assert.equal((await postProduct(client, `/studio/products/${id}`, productForm(change), `/studio/products/${id}`)).status, 303);
		assert.equal(sql(`SELECT description_html FROM products WHERE id = ${id}`).trim(), '<p>Now plain</p>');
	});

	it('bad input re-renders the form with the problem and the values typed', async () => {
		const { client } = await newBrand();
		const cases = [
			[desk({ title: '   ' }), /Title: Give the product a title\./],
			[desk({ variants: [{ option1: 'S', option2: 'Oiled', price: '1,234.50' }] }), /Variant 1, price: Enter the price as a plain amount/],
			[desk({ variants: [{ option1: 'S', option2: 'Oiled', price: '-3' }] }), /Variant 1, price/],
			[desk({ variants: [{ option1: 'S', option2: 'Oiled', price: '3', stock: '-1' }] }), /Variant 1, stock: Stock can only go below zero/],
			[desk({ variants: [{ option1: 'S', price: '3' }] }), /Variant 1, option 2: Give every variant a value/],
			[desk({ variants: [] }), /Variants: Add at least one variant/],
			[desk({ images: [{ url: 'javascript:alert(1)', alt: 'x' }] }), /Image 1, address: Use an image address starting with http/],
			[desk({ options: ['', 'Finish'] }), /Option 2 name: Name the options in order/],
		];
		for (const [fields, message] of cases) {
			const res = await postProduct(client, '/studio/products', productForm(fields));
			assert.equal(res.status, 422, fields.title);
			const html = main(res.body);
			assert.match(html, message);
			assert.match(html, /role="alert"/);
			assert.match(html, /name="vendor" maxlength="120" value="Test Woodworks"/, 'typed values are kept');
		}
		const list = await client.get('/studio/products');
		assert.match(list.body, /No products here yet\./, 'nothing was half-written');
	});

	it('publish, unpublish and archive decide what the public shop shows', async () => {
		const { client, slug } = await newBrand();
		const id = await create(client, desk({ title: `Shop Tray ${Date.now()}` }));
		const status = (action) => client.submit(`/studio/products/${id}/status`, { action }, { formPath: `/studio/products/${id}` });
		const edit = (await client.get(`/studio/products/${id}`)).body;
		const title = /value="(Shop Tray \d+)"/.exec(edit)[1];
		const productPath = /<a class="public-link" href="([^"]+)"/.exec(edit)[1];
		assert.equal(productPath, `/p/${slug}/${title.toLowerCase().replace(/ /g, '-')}`);
		assert.equal((await new Client().get(productPath)).status, 404, 'a draft is not public');
		assert.equal((await status('publish')).status, 303);
		assert.deepEqual((await listRow(client, id))[1], 'active');
		// public catalog reads are cached for up to a second
		await eventually(async () => {
			const pub = await new Client().get(productPath);
			assert.equal(pub.status, 200);
			assert.match(pub.body, new RegExp(title));
		});
		assert.equal((await status('unpublish')).status, 303);
		assert.deepEqual((await listRow(client, id))[1], 'draft');
		assert.equal((await status('archive')).status, 303);
		assert.deepEqual(await listRow(client, id, '?status=archived'), [title, 'archived', '$19.50', '10']);
		assert.equal((await status('delete')).status, 400);
	});

	it('a product is only ever reachable by the brand that owns it', async () => {
		const owner = await newBrand();
		const other = await newBrand();
		const id = await create(owner.client);
		assert.equal((await other.client.get(`/studio/products/${id}`)).status, 404);
		const steal = await postProduct(other.client, `/studio/products/${id}`, productForm(desk({ title: 'Stolen' })), '/studio/products/new');
		assert.equal(steal.status, 404);
		const st = await other.client.submit(`/studio/products/${id}/status`, { action: 'archive' }, { formPath: '/studio/products' });
		assert.equal(st.status, 404);
		assert.equal(await listRow(other.client, id), null);
		assert.deepEqual(await listRow(owner.client, id), ['Oak Desk Tray', 'draft', '$19.50', '10']);
		// another brand's variant id cannot be grafted onto one's own product
		const vid = /name="v_id" value="(\d+)"/.exec((await owner.client.get(`/studio/products/${id}`)).body)[1];
		const mine = await create(other.client);
		const graft = await postProduct(other.client, `/studio/products/${mine}`,
			productForm(desk({ variants: [{ id: vid, option1: 'S', option2: 'Oiled', price: '1' }] })), `/studio/products/${mine}`);
		assert.equal(graft.status, 409);
		assert.deepEqual(await listRow(owner.client, id), ['Oak Desk Tray', 'draft', '$19.50', '10']);
	});

	it('only brand accounts reach the editor; a form without its CSRF token is refused', async () => {
		assert.equal((await new Client().get('/studio/products')).status, 303);
		const shopper = new Client();
		await newAccount(shopper, 'shopper');
		assert.equal((await shopper.get('/studio/products')).status, 403);
		assert.equal((await shopper.get('/studio/marketplace')).status, 403);
		const { client } = await newBrand();
		const form = productForm(desk());
		const res = await client.post('/studio/products', form.toString());
		assert.equal(res.status, 403);
	});

	it('titles and descriptions are escaped wherever the studio shows them', async () => {
		const { client } = await newBrand();
		const id = await create(client, desk({ title: '<script>alert(1)</script>"q"', description: '<img src=x onerror=alert(1)>' }));
		const list = await client.get('/studio/products');
		assert.doesNotMatch(list.body, /<script>alert/);
		assert.match(list.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;q&quot;/);
		const edit = await client.get(`/studio/products/${id}`);
		assert.doesNotMatch(edit.body, /<img src=x/);
		assert.match(edit.body, /&lt;img src=x onerror=alert\(1\)&gt;<\/textarea>/);
	});

	it('marketplace settings: open the catalog, commission as a percentage, approval, per product', async () => {
		const { client } = await newBrand();
		const id = await create(client);
		const save = (fields) => client.submit('/studio/marketplace', fields, { formPath: '/studio/marketplace' });
		let res = await save({ marketplace_open: 'yes', commission_percent: '12.5', approval_required: 'yes' });
		assert.equal(res.status, 303);
		let page = main((await client.get(res.headers.location)).body);
		assert.match(page, /role="status">Saved\./);
		assert.match(page, /name="marketplace_open" value="yes" checked/);
		assert.match(page, /name="approval_required" value="yes" checked/);
		assert.match(page, /id="commission_percent"[^>]*value="12.50"/);
		for (const bad of ['50.01', '-1', '12.345', 'ten'])
			assert.equal((await save({ marketplace_open: 'yes', commission_percent: bad, approval_required: 'no' })).status, 422, bad);
		assert.equal((await save({ marketplace_open: 'ja', commission_percent: '5', approval_required: 'no' })).status, 422);
		res = await save({ marketplace_open: 'no', commission_percent: '0', approval_required: 'no' });
		assert.equal(res.status, 303);
		page = main((await client.get('/studio/marketplace')).body);
		assert.match(page, /name="marketplace_open" value="no" checked/);
		assert.match(page, /id="commission_percent"[^>]*value="0.00"/);
		const one = (fields) => client.submit(`/studio/marketplace/products/${id}`, fields, { formPath: '/studio/marketplace' });
		assert.equal((await one({ marketplace: 'open', commission_percent: '20' })).status, 303);
		page = main((await client.get('/studio/marketplace')).body);
		assert.match(page, new RegExp(`action="/studio/marketplace/products/${id}"[\\s\\S]*?value="open" selected[\\s\\S]*?value="20.00"`));
		assert.equal((await one({ marketplace: 'sideways', commission_percent: '' })).status, 422);
		assert.equal((await one({ marketplace: 'open', commission_percent: '90' })).status, 422);
		const other = await newBrand();
		const res2 = await other.client.submit(`/studio/marketplace/products/${id}`, { marketplace: 'closed', commission_percent: '' }, { formPath: '/studio/marketplace' });
		assert.equal(res2.status, 404);
	});

	it('API keys: shown once at creation, listed by prefix only, revocable', async () => {
		const { client } = await newBrand();
		const { key, page } = await createKey(client, 'Inventory sync');
		assert.match(key, /^cck_[A-Za-z0-9_-]{43}$/);
		assert.match(page, /shown only this once/);
		const list = await client.get('/studio/api-keys');
		assert.equal(list.status, 200);
		assert.ok(!list.body.includes(key), 'the full key is never shown again');
		assert.ok(list.body.includes(key.slice(0, 12)));
		assert.match(list.body, /Inventory sync/);
		const id = /action="\/studio\/api-keys\/(\d+)\/revoke"/.exec(list.body)[1];
		const other = await newBrand();
		await other.client.submit(`/studio/api-keys/${id}/revoke`, {}, { formPath: '/studio/api-keys' });
		assert.match((await client.get('/studio/api-keys')).body, /action="\/studio\/api-keys\/\d+\/revoke"/, 'another brand cannot revoke it');
		const res = await client.submit(`/studio/api-keys/${id}/revoke`, {}, { formPath: '/studio/api-keys' });
		assert.equal(res.status, 303);
		assert.match((await client.get('/studio/api-keys')).body, /revoked \d{4}-/);
		assert.equal((await client.submit('/studio/api-keys', { label: '' })).status, 422);
	});
});
