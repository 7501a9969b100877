// backup_restore.test.mjs: crowdcartctl backup writes one dated archive (mode 0600) of a consistent dump, the
// media folder and the config; crowdcartctl restore puts it into an empty database (a second schema on the
// same server), where every order, lead and ledger entry made before the backup is found and the ledger's
// hash chain verifies; a database that is not empty is refused unless --force.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Client, ROOT, VAR, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, reviewed, sql } from './lib/commerce.mjs';
import { newBrand } from './lib/fulfilment.mjs';
import { answers, brandWithForm, submitLead } from './lib/leads.mjs';
import { placePaid } from './lib/paid.mjs';

usesDatabase();
const run = promisify(execFile);
const CTL = path.join(ROOT, 'bin/crowdcartctl');

async function ctl(conf, ...args) {
	try {
		const { stdout, stderr } = await run(CTL, ['--conf', conf, ...args], { encoding: 'utf8', env: { ...process.env, CROWDCART_CONF: '' } });
		return { code: 0, stdout, stderr };
	} catch (e) {
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

// Rows of the three tables a shop cannot lose, keyed by id, with what identifies their content.
const CONTENT = {
	orders: 'CONCAT_WS(\'|\', number, email, total, currency, brand_id, checkout_id)',
	leads: 'CONCAT_WS(\'|\', form_id, email, created_at)',
	commission_entries: 'CONCAT_WS(\'|\', brand_id, creator_id, amount, kind, chain_seq, HEX(entry_hash))',
};
function rows(db, table, ids) {
	const where = ids ? `WHERE id IN (${ids.join(',')})` : '';
	return new Map(sql(`SELECT id, ${CONTENT[table]} FROM ${db}.${table} ${where} ORDER BY id`).map(([id, c]) => [id, c]));
}

// The media files, pictures' renditions in their folders included (media/img/...).
function mediaFiles() {
	return readdirSync(path.join(VAR, 'media'), { recursive: true })
		.filter((f) => statSync(path.join(VAR, 'media', f)).isFile());
}

describe('backup and restore', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'cc-backup-'));
	const schema = `crowdcart_restore_${unique()}`;
	const conf = path.join(work, 'restore.conf');
	const restoredMedia = path.join(work, 'media');
	const made = {};
	let archive;

	before(async () => {
		// What this file makes itself: an order attributed to lena (so a ledger accrual) of a brand
		// of its own, whose hash chain no other test file touches, and a lead.
		const b = await newBrand({ price: 4000, stock: 5 });
		const slug = sql(`SELECT slug FROM brands WHERE id = ${b.id}`)[0][0];
		const handle = sql(`SELECT handle FROM products WHERE id = ${b.productId}`)[0][0];
		sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id};
			INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
			SELECT id, ${b.productId}, 1500, 'approved', 999, UTC_TIMESTAMP() FROM creators WHERE handle = 'lena'`);
		const shopper = new Client();
		await shopper.get(`/p/${slug}/${handle}?via=lena`);
		// Paid as a bank would confirm it: a test-provider order accrues no commission.
		const { fields } = await reviewed(shopper, [[b.variantId, 1]], address(uniqueEmail('backup'), 'offline'));
		const { numbers: [number] } = await placePaid(shopper, fields);
		made.brand = slug;
		made.order = sql(`SELECT id FROM orders WHERE number = ${lit(number)}`)[0][0];
		made.entries = sql(`SELECT id FROM commission_entries WHERE brand_id = ${b.id}`).map(([id]) => id);
		const form = await brandWithForm();
		const email = uniqueEmail('backup-lead');
		assert.equal((await submitLead(form.slug, answers(email))).status, 200);
		made.lead = sql(`SELECT id FROM leads WHERE email = ${lit(email)}`)[0][0];
		sql(`CREATE DATABASE ${schema} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
			GRANT ALL ON ${schema}.* TO 'cc_admin'@'127.0.0.1'`);
		writeFileSync(conf, readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')
			.replace(/^db_name = .*$/m, `db_name = ${schema}`).replace(/^media_dir = .*$/m, `media_dir = ${restoredMedia}`), { mode: 0o600 });
	});

	after(() => {
		sql(`DROP DATABASE IF EXISTS ${schema}`);
		rmSync(work, { recursive: true, force: true });
	});

	test('the order, lead and ledger entries to find afterwards were made', () => {
		assert.ok(made.order && made.lead);
		assert.ok(made.entries.length >= 1, 'the paid, attributed order accrued commission');
	});

	let before_;
	test('backup writes one dated archive, mode 0600, with the dump, the config and the media', async () => {
		before_ = Object.fromEntries(Object.keys(CONTENT).map((t) => [t, rows('crowdcart', t)]));
		const r = await ctl(path.join(VAR, 'crowdcart.conf'), 'backup', '--out', work);
		assert.equal(r.code, 0, r.stderr);
		archive = r.stdout.trim();
		assert.match(path.basename(archive), /^crowdcart-backup-\d{8}T\d{6}Z\.tar\.gz$/);
		assert.equal(statSync(archive).mode & 0o777, 0o600);
		assert.deepEqual(readdirSync(work).filter((f) => f.startsWith('.crowdcart-backup') || f.endsWith('.part')), [],
			'no temporary left behind');
		const { stdout: list } = await run('tar', ['-tzf', archive], { encoding: 'utf8' });
		const names = list.split('\n');
		for (const want of ['crowdcart.sql', 'crowdcart.conf', 'backup.txt', 'media/'])
			assert.ok(names.includes(want), `${want} in ${names.join(' ')}`);
		for (const f of mediaFiles())
			assert.ok(names.includes(`media/${f}`), `media/${f} in the archive`);
		const { stdout: dumped } = await run('tar', ['-xzOf', archive, 'crowdcart.conf'], { encoding: 'utf8' });
		assert.equal(dumped, readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8'), 'the config, secrets and all');
	});

	test('restore into the empty database: every order, lead and ledger entry is there, the ledger verifies', async () => {
		const r = await ctl(conf, 'restore', archive);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, new RegExp(`restored .* into database ${schema}`));
		for (const [table, want] of Object.entries(before_)) {
			const have = rows(schema, table, [...want.keys()]);
			for (const id of want.keys())
				assert.ok(have.has(id), `${table} ${id} restored`);
		}
		// Rows this file made are not touched by others: identical to the byte.
		const same = (table, ids) => assert.deepEqual(rows(schema, table, ids), rows('crowdcart', table, ids), table);
		same('orders', [made.order]);
		same('leads', [made.lead]);
		same('commission_entries', made.entries);
		assert.equal(sql(`SELECT COUNT(*) FROM ${schema}.order_lines WHERE order_id = ${made.order}`)[0][0], '1');
		for (const f of mediaFiles())
			assert.ok(readFileSync(path.join(restoredMedia, f)).equals(readFileSync(path.join(VAR, 'media', f))), `media ${f}`);
		const verified = await ctl(conf, 'ledger', 'verify', '--brand', made.brand);
		assert.equal(verified.code, 0, verified.stdout + verified.stderr);
		assert.equal(sql(`SELECT COUNT(*) FROM ${schema}.schema_migrations WHERE name NOT LIKE 'demo/%'`)[0][0],
			sql(`SELECT COUNT(*) FROM crowdcart.schema_migrations WHERE name NOT LIKE 'demo/%'`)[0][0], 'the migrations are recorded too');
	});

	test('a database that is not empty is refused, unless --force', async () => {
		const refused = await ctl(conf, 'restore', archive);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, new RegExp(`database ${schema} is not empty \\(\\d+ tables\\).*--force`));
		const forced = await ctl(conf, 'restore', archive, '--force');
		assert.equal(forced.code, 0, forced.stderr);
		assert.ok(rows(schema, 'orders', [made.order]).has(made.order));
	});

	test('restore names what is wrong: no archive, a missing file', async () => {
		assert.equal((await ctl(conf, 'restore')).code, 2);
		const missing = await ctl(conf, 'restore', path.join(work, 'nope.tar.gz'));
		assert.equal(missing.code, 1);
		assert.match(missing.stderr, /nope\.tar\.gz: No such file/);
	});
});
