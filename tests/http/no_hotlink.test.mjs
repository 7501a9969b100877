// no_hotlink.test.mjs: a picture still at its source shop (an imported address the worker has not
// fetched) is never put in a page: a cart line's thumbnail and a brand page's creator avatars show
// the neutral placeholder until the worker has made the renditions (docs/IMAGES.md). Shoppers'
// browsers must not ask another site for it. The addresses are on loopback, which the worker's
// outbound guard refuses, so they stay unfetched whatever other files' workers do meanwhile.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { addToCart, lit, makeProduct, sql } from './lib/commerce.mjs';
import { brandWithOpenProduct, newCreator } from './lib/creators.mjs';
import { usesDatabase } from './lib/dblock.mjs';

usesDatabase();
const PLACEHOLDER = '/static/img/placeholder.svg';

describe('pictures at their source shop', { concurrency: true }, () => {
	it('a cart line shows the placeholder, not the shop\'s address', async () => {
		const p = makeProduct();
		const remote = `https://127.0.0.1:1/cart-${p.productId}.jpg`;
		sql(`INSERT INTO product_images (product_id, position, url, alt) VALUES (${p.productId}, 1, ${lit(remote)}, '')`);
		const shopper = new Client();
		assert.equal((await addToCart(shopper, p.variantId)).status, 303);
		const cart = (await shopper.get('/cart')).body;
		assert.ok(!cart.includes('127.0.0.1:1'), 'no hotlink in the cart');
		assert.match(cart, new RegExp(`<img class="line-thumb" src="${PLACEHOLDER}" alt=""`));
	});

	it('a brand page lists its creators with the placeholder for an avatar not fetched yet', async () => {
		const brand = await brandWithOpenProduct();
		const { account } = await newCreator();
		const remote = `https://127.0.0.1:1/avatar-${account.handle}.jpg`;
		sql(`UPDATE creators SET avatar_url = ${lit(remote)} WHERE handle = ${lit(account.handle)};
			INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
			SELECT id, ${brand.productId}, 1250, 'approved', 1, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(account.handle)}`);
		const [[slug]] = sql(`SELECT b.slug FROM brands b JOIN products p ON p.brand_id = b.id WHERE p.id = ${brand.productId}`);
		const page = await new Client().get(`/b/${slug}`);
		assert.equal(page.status, 200);
		assert.ok(!page.body.includes('127.0.0.1:1'), 'no hotlink on the brand page');
		assert.match(page.body, new RegExp(`<a href="/@${account.handle}"><img class="avatar-sm" src="${PLACEHOLDER}" alt=""`));
	});
});
