// video_shop.mjs: fixtures for the shoppable-video shopping suites: a creator's pick of a product
// with several variants (a size option, or a size and a colour), and a video of it published by
// that creator.
import { unique } from './http.mjs';
import { lit, sql } from './commerce.mjs';
import { creatorWithPicks, publish } from './video.mjs';

// A northwind product with a "Size" option: Small, Medium and Large at rising prices, Small the
// default (cheapest). Returns { productId, handle, title, variants: { Small, Medium, Large } }.
export function makeSizedProduct() {
	const handle = `t-size-${unique()}`;
	const title = `Sized ${handle}`;
	const [[productId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, ${lit(title)}, '', 'active', 1000, currency, 60 FROM brands WHERE slug = 'northwind';
		SET @p = LAST_INSERT_ID();
		INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, 'Size');
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy)
		  SELECT @p, 1, ${lit(`S-${handle}`)}, 'Small', 1000, currency, 20, 'deny' FROM brands WHERE slug = 'northwind';
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy)
		  SELECT @p, 2, ${lit(`M-${handle}`)}, 'Medium', 1200, currency, 20, 'deny' FROM brands WHERE slug = 'northwind';
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy)
		  SELECT @p, 3, ${lit(`L-${handle}`)}, 'Large', 1500, currency, 20, 'deny' FROM brands WHERE slug = 'northwind';
		SELECT @p;`);
	const variants = Object.fromEntries(sql(`SELECT option1, id FROM variants WHERE product_id = ${Number(productId)}`)
		.map(([name, id]) => [name, Number(id)]));
	return { productId: Number(productId), handle, title, variants };
}

// A northwind product with a Size and a Colour option, the variants in this order: Small/Charcoal
// $20 (the cheapest, the default), Large/Charcoal $26, Large/Moss $28, Small/Moss sold out,
// Medium/Charcoal $23; no Medium in Moss. So the values come as Size: Small, Large, Medium and
// Colour: Charcoal, Moss. Returns { productId, handle, title, variants: { 'Large / Moss': id, ... } }.
export function makeColourSizedProduct() {
	const handle = `t-cs-${unique()}`;
	const title = `Two-option ${handle}`;
	const [[productId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, ${lit(title)}, '', 'active', 2000, currency, 40 FROM brands WHERE slug = 'northwind';
		SET @p = LAST_INSERT_ID();
		INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, 'Size'), (@p, 2, 'Colour');
		INSERT INTO variants (product_id, position, sku, option1, option2, price, currency, stock, inventory_policy) VALUES
		  (@p, 1, ${lit(`SC-${handle}`)}, 'Small', 'Charcoal', 2000, 'USD', 10, 'deny'),
		  (@p, 2, ${lit(`LC-${handle}`)}, 'Large', 'Charcoal', 2600, 'USD', 10, 'deny'),
		  (@p, 3, ${lit(`LM-${handle}`)}, 'Large', 'Moss', 2800, 'USD', 10, 'deny'),
		  (@p, 4, ${lit(`SM-${handle}`)}, 'Small', 'Moss', 2000, 'USD', 0, 'deny'),
		  (@p, 5, ${lit(`MC-${handle}`)}, 'Medium', 'Charcoal', 2300, 'USD', 10, 'deny');
		SELECT @p;`);
	const variants = Object.fromEntries(sql(`SELECT CONCAT(option1, ' / ', option2), id FROM variants WHERE product_id = ${Number(productId)}`)
		.map(([name, id]) => [name, Number(id)]));
	return { productId: Number(productId), handle, title, variants };
}

// A new creator with an approved pick of a sized product (and `others` plain products), and a
// video of them: the sized product tagged 0:00-0:04 with a hotspot at (30 %, 40 %).
// With `colours`, the product is makeColourSizedProduct's.
export async function sizedVideo({ others = 0, caption = 'Sizes on camera', label = 'Pick a size', colours = false } = {}) {
	const creator = await creatorWithPicks(others);
	const sized = colours ? makeColourSizedProduct() : makeSizedProduct();
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		SELECT id, ${sized.productId}, 1000, 'approved', 99, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(creator.account.handle)}`);
	const tags = [[sized.productId, 0, 4, { x: 30, y: 40, label }],
		...creator.products.map((p, i) => [p.productId, 4 + i * 2, 6 + i * 2])];
	const { res, id } = await publish(creator.client, { caption, tags });
	if (res.status !== 303)
		throw new Error(`publishing answered ${res.status}: ${res.body.slice(0, 300)}`);
	return { ...creator, sized, id };
}
