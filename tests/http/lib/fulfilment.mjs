// fulfilment.mjs: fixtures for the brand fulfilment suite: a brand with a product, and orders of
// it written straight into MariaDB through the root socket, as checkout would have left them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client, DEMO_PASSWORD, VAR, csrfOf, newAccount, unique } from './http.mjs';

// The socket scripts/db.sh starts MariaDB on (a short /tmp directory for deep checkouts).
export function socketPath() {
	let dir = path.join(VAR, 'run');
	if (dir.length > 90)
		dir = `/tmp/crowdcart-${execFileSync('cksum', { input: VAR }).toString().split(' ')[0]}`;
	return path.join(dir, 'mysqld.sock');
}

// Runs SQL as root and returns the rows of the last result set as arrays of strings. The script
// runs as one transaction, run again when it loses a deadlock: test files run side by side, and
// fixtures inserting into the same tables (INSERT ... SELECT) deadlock now and then, as the
// application's own writes do (db_txn retries those).
export function sql(text) {
	// (SET GLOBAL read_only refuses to run inside a transaction.)
	const script = /SET GLOBAL/i.test(text) ? text : `START TRANSACTION;\n${text.replace(/[\s;]+$/, '')};\nCOMMIT;\n`;
	for (let attempt = 1; ; attempt++) {
		try {
			const out = execFileSync('mariadb', ['--no-defaults', `--socket=${socketPath()}`, '--batch',
				'--skip-column-names', '--raw', 'crowdcart'], { input: script, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).toString();
			return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
		} catch (e) {
			if (attempt >= 5 || !/ERROR 12(13|05)/.test(String(e.stderr)))
				throw e;
			execFileSync('sleep', [String(0.05 * attempt)]);
		}
	}
}

// Quotes a JS string as a SQL literal (test data only: no user input reaches here).
export function lit(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function orderNumber() {
	return [...randomBytes(20)].map((b) => B32[b & 31]).join('');
}

// A new brand account (signed in on its own client) with one product of one variant.
export async function newBrand(opts = {}) {
	const client = new Client();
	const account = await newAccount(client, 'brand');
	const [[brandId]] = sql(`SELECT b.id FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(account.email)}`);
	return newProduct({ client, account, id: Number(brandId) }, opts);
}

// Brand b with another product of one variant (its own stock), for orders of that product:
// sign-ups are slow (Argon2id), products are not.
export function newProduct(b, { stock = 10, price = 2500 } = {}) {
	const u = unique();
	const [[productId, variantId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, price_min, currency, stock_total)
		  VALUES (${b.id}, ${lit(`mug-${u}`)}, 'Stoneware Mug', '', ${price}, 'USD', ${stock});
		SET @p = LAST_INSERT_ID();
		INSERT INTO variants (product_id, sku, price, currency, stock) VALUES (@p, ${lit(`SKU-${u}`)}, ${price}, 'USD', ${stock});
		SELECT @p, LAST_INSERT_ID();`);
	return { ...b, productId: Number(productId), variantId: Number(variantId), price };
}

// Signs a demo account in on a new client (brand-owner@northwind..., lena@..., shopper@...).
export async function demoClient(email) {
	const c = new Client();
	const res = await c.login(email, DEMO_PASSWORD);
	if (res.status !== 303)
		throw new Error(`log-in of ${email} answered ${res.status}`);
	return c;
}

// An order of brand b as checkout writes it: two lines (3 units attributed to creator lena at
// 10 %, with the accrual in the ledger; 1 unit with no creator), the creating event and the
// payment. Options: status, createdAt ('YYYY-MM-DD hh:mm:ss'), shipName, taxBps.
export function newOrder(b, opts = {}) {
	return newOrders(b, [opts])[0];
}

// Several orders in one round trip to the database, one per options object.
export function newOrders(b, list) {
	const made = list.map((opts) => orderSql(b, opts));
	const rows = sql(made.map((m) => m.text).join('\n'));
	return made.map((m, i) => ({ ...m.order, id: Number(rows[i][0]), line1: Number(rows[i][1]), line2: Number(rows[i][2]) }));
}

function orderSql(b, { status = 'awaiting_payment', createdAt = null, shipName = 'Ada Lovelace',
	email = 'ada@test.crowdcart.test', taxBps = 0, shipping = 500, creator = 'lena' } = {}) {
	const number = orderNumber();
	const at = createdAt ? lit(createdAt) : 'UTC_TIMESTAMP()';
	const l1 = 3 * b.price, l2 = b.price, subtotal = l1 + l2;
	const tax = Math.floor(((subtotal + shipping) * taxBps + 5000) / 10000);
	const commission = Math.floor(l1 * 1000 / 10000);
	const paid = status === 'awaiting_payment' ? 'NULL' : at;
	const ref = randomBytes(13).toString('hex').slice(0, 26);
	const text = `
		SET @cr = (SELECT id FROM creators WHERE handle = ${lit(creator)});
		INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)
		  VALUES (${lit(ref)}, UNHEX(SHA2(${lit(ref)}, 256)), ${lit(email)}, 'offline', ${at});
		SET @c = LAST_INSERT_ID();
		INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city,
		  ship_postal, ship_country, currency, subtotal, shipping, tax, total, tax_rate_bps, payment_provider,
		  created_at, updated_at, paid_at)
		  VALUES (${lit(number)}, @c, ${b.id}, ${lit(status)}, ${lit(email)}, ${lit(shipName)}, '12 Analytical Row',
		  'London', 'N1 7AA', 'GB', 'USD', ${subtotal}, ${shipping}, ${tax}, ${subtotal + shipping + tax}, ${taxBps},
		  'offline', ${at}, ${at}, ${paid});
		SET @o = LAST_INSERT_ID();
		INSERT INTO order_lines (order_id, product_id, variant_id, title, sku, unit_price, quantity, line_total,
		  creator_id, surface, commission_bps, commission_amount)
		  VALUES (@o, ${b.productId}, ${b.variantId}, 'Stoneware Mug', 'SKU-A', ${b.price}, 3, ${l1}, @cr, 'storefront', 1000, ${commission});
		SET @l1 = LAST_INSERT_ID();
		INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at)
		  SELECT @l1, @cr, ${b.id}, ${commission}, 'USD', 'accrual', ${at} FROM DUAL WHERE @cr IS NOT NULL;
		INSERT INTO order_lines (order_id, product_id, variant_id, title, sku, unit_price, quantity, line_total)
		  VALUES (@o, ${b.productId}, ${b.variantId}, 'Stoneware Mug', 'SKU-A', ${b.price}, 1, ${l2});
		SET @l2 = LAST_INSERT_ID();
		INSERT INTO order_events (order_id, from_status, to_status, created_at) VALUES (@o, NULL, ${lit(status)}, ${at});
		INSERT INTO payments (order_id, checkout_id, provider, status, amount, currency, provider_ref, created_at, updated_at)
		  VALUES (@o, @c, 'offline', ${status === 'awaiting_payment' ? "'pending'" : "'succeeded'"},
		  ${subtotal + shipping + tax}, 'USD', ${lit(ref)}, ${at}, ${at});
		SELECT @o, @l1, @l2;`;
	return { text, order: { number, total: subtotal + shipping + tax, commission, subtotal, shipping, tax } };
}

// The order's row as the database has it now.
export function orderRow(o) {
	const [[status, refunded, revision, carrier, tracking]] = sql(
		`SELECT status, refunded_total, revision, carrier, tracking_number FROM orders WHERE id = ${o.id}`);
	return { status, refunded: Number(refunded), revision: Number(revision), carrier, tracking };
}

// Sum of this order's ledger entries of one kind.
export function ledger(o, kind) {
	const [[sum]] = sql(`SELECT COALESCE(SUM(ce.amount), 0) FROM commission_entries ce JOIN order_lines l
		ON l.id = ce.order_line_id WHERE l.order_id = ${o.id} AND ce.kind = ${lit(kind)}`);
	return Number(sum);
}

// The hidden version and csrf of the order's page, for posting its forms.
export async function formState(client, number) {
	const res = await client.get(`/studio/orders/${number}`);
	if (res.status !== 200)
		throw new Error(`GET /studio/orders/${number}: ${res.status}`);
	return {
		csrf: /name="csrf" value="([^"]*)"/.exec(res.body)?.[1],
		version: /name="version" value="([^"]*)"/.exec(res.body)?.[1],
		body: res.body,
	};
}

// A real guest checkout through the shop (offline payment) of `quantity` units of brand b's
// product, after a visit to creator `via`'s storefront (who gets an approved pick of it at
// `bps` first). Returns the order's number and id.
export async function checkoutViaShop(b, { quantity = 2, via = 'lena', bps = 1500 } = {}) {
	const [[slug, handle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	if (via)
		sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status)
			SELECT id, ${b.productId}, ${bps}, 'approved' FROM creators WHERE handle = ${lit(via)}
			ON DUPLICATE KEY UPDATE commission_bps = VALUES(commission_bps), status = 'approved'`);
	const shopper = new Client();
	if (via)
		await shopper.get(`/@${via}`);
	const page = await shopper.get(`/p/${slug}/${handle}`);
	let res = await shopper.post('/cart/add', { csrf: csrfOf(page.body), variant: b.variantId, quantity });
	if (res.status !== 303)
		throw new Error(`cart/add answered ${res.status}`);
	// The cart began a session: its pages carry its token, good for every form.
	const csrf = csrfOf((await shopper.get('/checkout')).body);
	const addr = { email: `buyer-${unique()}@test.crowdcart.test`, name: 'Buyer One', line1: '1 Main St',
		city: 'Springfield', postal: '12345', country: 'US', provider: 'offline' };
	res = await shopper.post('/checkout/review', { csrf, ...addr });
	const token = /name="token" value="([^"]*)"/.exec(res.body)?.[1];
	const version = /name="version" value="([^"]*)"/.exec(res.body)?.[1];
	res = await shopper.post('/checkout/place', { csrf, ...addr, token, version });
	if (res.status !== 303)
		throw new Error(`checkout/place answered ${res.status}`);
	const ref = res.headers.location.split('/').pop();
	const [[number, id]] = sql(`SELECT o.number, o.id FROM orders o JOIN checkouts c ON c.id = o.checkout_id
		WHERE c.public_ref = ${lit(ref)} AND o.brand_id = ${b.id}`);
	return { number, id: Number(id) };
}
