// creators.mjs: helpers for the creator suites: a brand with one product open to creators, and
// waiting for worker-aggregated visit counts to reach the database.
import { counted } from './eventually.mjs';
import { Client, newAccount, unique } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';

// Signs up a new brand, creates `count` active products and opens the catalog to creators.
// Returns { client, account, products: [{ productId, title }], productId, title } (the first product).
export async function brandWithOpenProduct({ approval = false, percent = '12.5', count = 1 } = {}) {
	const client = new Client();
	const account = await newAccount(client, 'brand');
	const products = [];
	for (let i = 0; i < count; i++) {
		const title = `Creator test lamp ${unique()}`;
		let res = await client.submit('/studio/products', {
			title, description: '<p>A lamp for tests.</p>', product_type: 'Lighting', vendor: '', tags: '',
			option1_name: '', option2_name: '', option3_name: '', v_id: '', v_opt1: '', v_opt2: '', v_opt3: '',
			v_sku: `SKU-${unique()}`, v_barcode: '', v_price: '40.00', v_compare: '', v_stock: '50', v_policy: 'deny',
			i_url: '', i_alt: '',
		}, { formPath: '/studio/products/new' });
		if (res.status !== 303)
			throw new Error(`creating a product answered ${res.status}: ${res.body.slice(0, 400)}`);
		const productId = /\/studio\/products\/(\d+)/.exec(res.headers.location)[1];
		res = await client.submit(`/studio/products/${productId}/status`, { action: 'publish' }, { formPath: `/studio/products/${productId}` });
		if (res.status !== 303)
			throw new Error(`publishing answered ${res.status}`);
		products.push({ productId, title });
	}
	const res = await client.submit('/studio/marketplace', {
		marketplace_open: 'yes', commission_percent: percent, approval_required: approval ? 'yes' : 'no',
	});
	if (res.status !== 303)
		throw new Error(`opening the marketplace answered ${res.status}`);
	return { client, account, products, ...products[0] };
}

// One brand with two products open to creators at 12.5 %, made once per test file and shared by
// tests that only need something to pick (each of them uses its own new creator).
let shared;
export function sharedOpenBrand() {
	shared ??= brandWithOpenProduct({ count: 2 });
	return shared;
}

// Signs up a new creator; returns { client, account }.
export async function newCreator() {
	const client = new Client();
	const account = await newAccount(client, 'creator');
	return { client, account };
}

// Visit counts are held in each worker and written within about two seconds (lib/eventually.mjs).
// Waits until the database shows `want` visits of the creator for the filter; returns the count
// (the last one seen when `want` never shows, for the caller's assertion to report).
export function visitCount(handle, { surface, campaign }, want, timeoutMs = 8000) {
	return counted(() => Number(sql(`SELECT COALESCE(SUM(v.count), 0) FROM creator_visits v JOIN creators c ON c.id = v.creator_id
		WHERE c.handle = ${lit(handle)} AND v.surface = ${lit(surface)} AND v.utm_campaign = ${lit(campaign)}`)[0][0]), want,
	{ timeout: timeoutMs });
}
