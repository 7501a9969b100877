// connectors.mjs: helpers for the shop connector tests: a Shopify or WooCommerce simulator of the
// test's own (or a PrestaShop one), a crowdcart.conf that points the worker at it, running crowdcartctl worker, and the catalog of a
// brand read back.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, VAR } from './http.mjs';
import { sql } from './catalog_import.mjs';
import { startShopifySim } from '../../sim/shopify/server.mjs';
import { startWooSim } from '../../sim/woocommerce/server.mjs';
import { startPrestaSim } from '../../sim/prestashop/server.mjs';

const run = promisify(execFile);

// Each configuration names its one platform (connector_platforms): the stack's own configuration
// names none, so workers other files run (payments, pictures) and another platform's test never
// take a shop whose simulator they do not know.
// A simulator, and a configuration for crowdcartctl that sends the Admin API calls to it (the
// stack's own configuration allows 127.0.0.0/8 for outbound calls, as it does for the payment
// simulator; a production one refuses it).
export async function shopifySim() {
	const sim = await startShopifySim();
	const conf = path.join(VAR, `connectors-${sim.port}.conf`);
	// Pushed orders are asked about at every pass, not every ten minutes.
	writeFileSync(conf, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\nshopify_api_base = ${sim.base}\nconnector_poll_seconds = 0\nconnector_platforms = shopify\n`, { mode: 0o600 });
	return { ...sim, conf };
}

export async function control(sim, method, p, body) {
	const r = await fetch(sim.base + p, { method, body: body === undefined ? undefined : JSON.stringify(body) });
	return r.json();
}

export async function workerOnce(sim) {
	return run(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', sim.conf, 'worker', '--once'], { maxBuffer: 1 << 24 });
}

// Lets a killed worker's sync lease (20 s, CONNECTOR_LEASE_S) run out at once, as if the time had
// passed: the next run takes the sync over from its checkpoint.
export function expireLease(id) {
	sql(`UPDATE connectors SET lease_until = UTC_TIMESTAMP() WHERE id = ${id} AND sync_state = 'running'`);
}

// A worker that loops (every 5 s) until killed.
export function workerLoop(sim) {
	return spawn(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', sim.conf, 'worker'], { stdio: 'ignore' });
}

// The same for WooCommerce (woocommerce_api_base) and PrestaShop (prestashop_api_base).
export async function wooSim() {
	const sim = await startWooSim();
	const conf = path.join(VAR, `connectors-woo-${sim.port}.conf`);
	writeFileSync(conf, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\nwoocommerce_api_base = ${sim.base}\nconnector_poll_seconds = 0\nconnector_platforms = woocommerce\n`, { mode: 0o600 });
	return { ...sim, conf };
}

export async function prestaSim() {
	const sim = await startPrestaSim();
	const conf = path.join(VAR, `connectors-presta-${sim.port}.conf`);
	writeFileSync(conf, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\nprestashop_api_base = ${sim.base}\nconnector_poll_seconds = 0\nconnector_platforms = prestashop\n`, { mode: 0o600 });
	return { ...sim, conf };
}

// Closes a test file's simulators and gives up on their pictures (addresses LIKE `pattern`): they
// sit on names that never resolve, and thousands of pending fetches would slow the image passes of
// the files that run after this one.
export async function closeSims(sims, pattern) {
	for (const s of sims)
		await s.close();
	sql(`INSERT IGNORE INTO image_fetches (url_hash, url, status, error, next_attempt_at)
		SELECT i.url_hash, MIN(i.url), 'failed', 'test picture host', UTC_TIMESTAMP() FROM product_images i
		WHERE i.url LIKE '${pattern}' GROUP BY i.url_hash;
		UPDATE image_fetches SET status = 'failed', error = 'test picture host'
		WHERE status = 'pending' AND url LIKE '${pattern}';`);
}
