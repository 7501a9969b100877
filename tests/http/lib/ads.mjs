// ads.mjs: fixtures for the collection-ads suites: ads through the brand studio, brands with a
// verified domain of their own, crowdcartctl calls, and waiting for worker-aggregated ad counters.
import { counted } from './eventually.mjs';
import { Client, csrfOf, newAccount, unique } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';
import { ctl } from './leads.mjs';

export { ctl, lit, sql };

// Posts the studio's ad form (new, or edit when id is given) under `base`: the brand's
// (/studio/ads) or a creator's own (/studio/creator/ads); fields override the defaults.
// Returns { res, id, slug }.
export async function saveAd(owner, fields, id, base = '/studio/ads') {
	const slug = fields.slug ?? `ad-${unique()}`;
	const form = { slug, title: `Ad ${slug}`, headline: 'Calm things for the desk', video: '',
		image_url: 'https://images.example.test/hero.jpg', products: '', creator: '', click_url: '', state: 'live', ...fields };
	const formPath = id ? `${base}/${id}` : `${base}/new`;
	const page = await owner.get(formPath);
	if (page.status !== 200)
		throw new Error(`GET ${formPath} answered ${page.status}`);
	const res = await owner.post(id ? `${base}/${id}` : base, { csrf: csrfOf(page.body), ...form });
	const saved = new RegExp(`^${base}/(\\d+)\\?saved=1$`).exec(res.headers.location ?? '')?.[1];
	return { res, id: saved ? Number(saved) : id, slug };
}

// A creator's own ad, through /studio/creator/ads.
export function saveCreatorAd(creator, fields, id) {
	return saveAd(creator, fields, id, '/studio/creator/ads');
}

// A new brand account with a verified domain `<unique>.example` and one active product.
export async function brandWithDomain() {
	const client = new Client();
	const account = await newAccount(client, 'brand');
	const [[brandId, brandSlug]] = sql(`SELECT b.id, b.slug FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(account.email)}`);
	const domain = `d${unique()}.example`;
	const page = await client.get('/studio/domains');
	const added = await client.post('/studio/domains', { csrf: csrfOf(page.body), domain });
	if (added.status !== 303)
		throw new Error(`adding a domain answered ${added.status}`);
	await ctl('domains', 'verify', '--brand', brandSlug, domain);
	const handle = `lamp-${unique()}`;
	const [[productId, variantId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  VALUES (${brandId}, ${lit(handle)}, 'Desk Lamp', '', 'active', 3000, 'USD', 20);
		SET @p = LAST_INSERT_ID();
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy)
		  VALUES (@p, 1, ${lit(`SKU-${handle}`)}, 'One', 3000, 'USD', 20, 'deny');
		SELECT @p, LAST_INSERT_ID();`);
	return { client, account, brandId: Number(brandId), brandSlug, domain, handle, productId: Number(productId), variantId: Number(variantId) };
}

// The signed /go/ link on an ad page, or undefined.
export function goLink(html) {
	return /<a class="button secondary ad-visit" href="(\/go\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
}

// Counters are held in each worker and written within about two seconds (lib/eventually.mjs);
// waits until ad `id`'s `column` (views, clicks, adds) reaches `want`.
export function adCount(id, column, want, timeoutMs = 8000) {
	return counted(() => Number(sql(`SELECT COALESCE(SUM(${column}), 0) FROM ad_stats WHERE ad_id = ${Number(id)}`)[0][0]), want,
		{ timeout: timeoutMs });
}
