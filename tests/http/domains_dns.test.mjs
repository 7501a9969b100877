// domains_dns.test.mjs: automatic DNS verification of brand domains (issue 6) against a tiny DNS
// server on a loopback UDP port (lib/dns.mjs): crowdcartctl domains check and worker --once verify a
// domain whose TXT record is right (one string or several), leave a wrong or missing one unverified
// with the result on the studio page and a backoff, gate ad click-outs on it, "Check now" (CSRF, the
// brand's own domains only, once per 30 s, no DNS in the studio), and withdraw a verification after
// 3 failed re-checks over at least 48 h, never for a lookup that timed out.
// Serial, and holding the worker lock: worker --once checks (and delivers) for every brand.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eventually } from './lib/eventually.mjs';
import { Client, VAR, csrfOf, newAccount, unique } from './lib/http.mjs';
import { brandWithDomain, lit, saveAd, sql } from './lib/ads.mjs';
import { ctlWith, dnsConf, dnsPort, dnsServer } from './lib/dns.mjs';
import { dropWorkerLock, holdWorkerLock } from './lib/webhooks.mjs';

const ZONE = `z${unique()}.dns.test`;
const PREFIX = 'crowdcart-verification=';

let dns, conf;

// Adds `name` in brand b's studio; its id and token. A new domain is due at once; `park` puts its
// first check a day away at once, out of other workers' way (soleCheck below).
async function addDomain(b, name, { park = false } = {}) {
	const page = await b.client.get('/studio/domains');
	const res = await b.client.post('/studio/domains', { csrf: csrfOf(page.body), domain: name });
	assert.equal(res.status, 303, res.body.slice(0, 300));
	if (park)
		sql(`UPDATE brand_domains SET next_check_at = UTC_TIMESTAMP() + INTERVAL 1 DAY WHERE brand_id = ${b.brandId} AND domain = ${lit(name)}`);
	const [[id, token]] = sql(`SELECT id, token FROM brand_domains WHERE brand_id = ${b.brandId} AND domain = ${lit(name)}`);
	return { id: Number(id), token, name };
}

// The state the checks keep for a domain.
function state(id) {
	const [r] = sql(`SELECT verified_at IS NOT NULL, check_result, check_failures, missing_checks,
		TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), next_check_at), checked_at IS NOT NULL, lost_reason,
		TIMESTAMPDIFF(SECOND, checked_at, next_check_at)
		FROM brand_domains WHERE id = ${id}`);
	// backoff counts from the check itself (both written by one statement), so the time a busy
	// machine takes between that check and this read does not shrink it
	return { verified: r[0] === '1', result: r[1], failures: +r[2], missing: +r[3], nextIn: +r[4], checked: r[5] === '1', lost: r[6],
		backoff: +r[7] };
}

// The domain's row on the studio page.
async function row(b, name) {
	const page = await b.client.get('/studio/domains');
	assert.equal(page.status, 200);
	return new RegExp(`<tr class="domain-row" data-domain="${name.replace(/\./g, '\\.')}">.*?</tr>`, 's').exec(page.body)?.[0] ?? '';
}

// As if `hours` had passed since the streak of failed re-checks began, with the next re-check due.
function age(id, hours) {
	sql(`UPDATE brand_domains SET missing_since = UTC_TIMESTAMP() - INTERVAL ${hours * 60} MINUTE, next_check_at = UTC_TIMESTAMP()
		WHERE id = ${id}`);
}

// The state once the due check is done. Other files run `crowdcartctl worker --once` too, against
// the same DNS port, and one of them may take a due check (its lease) just before this file's run,
// which then skips it: the outcome is the same whoever checks, so wait for it, not for our run.
const checked = (id, expect) => eventually(() => {
	const s = state(id);
	expect(s);
	return s;
}, { timeout: 15000 });

const check = (slug, ...extra) => ctlWith(conf, 'domains', 'check', '--brand', slug, ...extra);

// A new domain is due at once, so another file's `worker --once` may check it before this file's
// `domains check` does, or hold it while this one runs: it is then checked twice (a failure counted
// twice), or not by this run. Parked at once, it is out of their way but for the moment between
// the studio's insert and the park. The DNS server tells whether another took it: the name was
// asked before this check, or not exactly once by it, or this check skipped it. Such a scenario is
// played again with new names.
class Shared extends Error {}

const asked = (name) => dns.queries.filter((q) => q === name).length;

// Throws Shared once another worker has looked up any of the domains (it asks before it writes).
function unchecked(domains) {
	if (domains.some((d) => asked(d.name) > 0))
		throw new Shared('checked by another worker first');
}

// `domains check` of the brand's new domains, as their only check; its output.
async function soleCheck(slug, domains) {
	unchecked(domains);
	const out = await check(slug);
	for (const d of domains) {
		if (asked(d.name) !== 1 || !new RegExp(`^${slug}\t${d.name.replace(/\./g, '\\.')}\t(?!skipped)`, 'm').test(out))
			throw new Shared(`${d.name} was checked by another worker too`);
	}
	return out;
}

// Runs scenario(n) with n = 1, 2, ... 5 until no other worker took part; its value.
async function unshared(scenario) {
	for (let n = 1; ; n++) {
		try {
			return await scenario(n);
		} catch (e) {
			if (!(e instanceof Shared) || n === 5)
				throw e;
		}
	}
}

const worker = () => ctlWith(conf, 'worker', '--once');

describe('automatic DNS verification of brand domains', { concurrency: 1 }, () => {
	before(async () => {
		await holdWorkerLock();
		const port = dnsPort();
		dns = await dnsServer({ port, zone: ZONE });
		conf = dnsConf(port);
	});
	after(async () => {
		await dns?.close();
		// so that no later worker run keeps re-checking names nothing answers for any more
		sql(`DELETE FROM brand_domains WHERE domain LIKE ${lit(`%.${ZONE}`)}`);
		dropWorkerLock();
	});

	test('crowdcartctl domains check verifies a domain whose TXT record is right, as one string or several, and the studio shows the record and the result', async () => {
		const { b, one } = await unshared(async (n) => {
			const b = await brandWithDomain();
			const one = await addDomain(b, `one${n}.${ZONE}`, { park: true });
			const multi = await addDomain(b, `multi${n}.${ZONE}`, { park: true });
			const upper = await addDomain(b, `upper${n}.${ZONE}`, { park: true });
			// the page says exactly what to publish, and that checks run in the background
			const before = await row(b, one.name);
			unchecked([one]);
			assert.match(before, new RegExp(`name <code class="txt-name">${one.name}</code><br>type <code>TXT</code><br>value <code>${PREFIX}${one.token}</code>`));
			assert.match(before, /waiting for verification/);
			assert.match(before, /<span class="check-result">not checked yet<\/span>/);
			assert.match((await b.client.get('/studio/domains')).body, /Checks run in the background/);
			dns.set(one.name, { txt: [['v=spf1 -all'], [`${PREFIX}${one.token}`]] });
			dns.set(multi.name, { txt: [[PREFIX, multi.token.slice(0, 11), multi.token.slice(11)]] });
			dns.set(upper.name, { txt: [[`${PREFIX}${upper.token}`]], ownerCase: 'upper' });
			const out = await soleCheck(b.brandSlug, [one, multi, upper]);
			for (const d of [one, multi, upper]) {
				assert.match(out, new RegExp(`^${b.brandSlug}\t${d.name}\tverified$`, 'm'));
				const s = state(d.id);
				assert.ok(s.verified, d.name);
				assert.equal(s.result, 'verified');
				assert.equal(s.backoff, 86400, 're-checked in a day');
			}
			return { b, one };
		});
		const after = await row(b, one.name);
		assert.match(after, /verified \d{4}-\d\d-\d\d/);
		assert.match(after, /<span class="check-result">verified<\/span><br><span class="muted check-time">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/span>/);
		// without --all a verified domain is not looked up again before its re-check is due
		const before = asked(one.name);
		assert.doesNotMatch(await check(b.brandSlug), new RegExp(one.name));
		assert.equal(asked(one.name), before);
		assert.match(await check(b.brandSlug, '--all'), new RegExp(`${one.name}\tverified`));
	});

	test('a wrong value or a missing record stays unverified, with the result on the studio page, and is tried again with backoff', async () => {
		const { b, wrong, missing } = await unshared(async (n) => {
			const b = await brandWithDomain();
			const wrong = await addDomain(b, `wrong${n}.${ZONE}`, { park: true });
			const missing = await addDomain(b, `missing${n}.${ZONE}`, { park: true });
			const other = await addDomain(b, `other${n}.${ZONE}`, { park: true });
			dns.set(wrong.name, { txt: [[`${PREFIX}${'f'.repeat(32)}`]] });
			dns.set(other.name, { txt: [['google-site-verification=abc']] });	// missing: not set, so NXDOMAIN
			const out = await soleCheck(b.brandSlug, [wrong, missing, other]);
			assert.match(out, new RegExp(`${wrong.name}\ta TXT record was found but its value differs`));
			assert.match(out, new RegExp(`${missing.name}\tno TXT record at ${missing.name}`));
			assert.match(out, new RegExp(`${other.name}\tno crowdcart-verification TXT record at ${other.name} \\(other TXT records are there\\)`));
			for (const d of [wrong, missing, other]) {
				const s = state(d.id);
				assert.equal(s.verified, false, d.name);
				assert.equal(s.failures, 1);
				assert.equal(s.backoff, 60, 'first retry after a minute');
			}
			return { b, wrong, missing };
		});
		assert.match(await row(b, wrong.name), /waiting for verification.*<span class="check-result">a TXT record was found but its value differs<\/span>/s);
		assert.match(await row(b, missing.name), new RegExp(`<span class="check-result">no TXT record at ${missing.name}</span>`));
		// not due for a minute, so no other worker takes it: this check is the second
		await check(b.brandSlug);
		const s = state(missing.id);
		assert.equal(s.failures, 2);
		assert.equal(s.backoff, 300, 'then after 5 minutes');
	});

	test('crowdcartctl worker --once checks a new domain on its next pass and verifies it; a record published later is found by the next due check', async () => {
		// Another file's worker may look `worker` up before its record is published (its token is
		// known only once added): it then fails, and is not due again for a minute. Played again.
		const { b, d, late } = await unshared(async (n) => {
			const b = await brandWithDomain();
			const d = await addDomain(b, `worker${n}.${ZONE}`);
			const late = await addDomain(b, `late${n}.${ZONE}`);
			dns.set(d.name, { txt: [[`${PREFIX}${d.token}`]] });
			unchecked([d]);
			return { b, d, late };
		});
		await worker();	// or another file's: both are new, so due at once
		await checked(d.id, (s) => assert.ok(s.verified));
		await checked(late.id, (s) => assert.deepEqual([s.verified, s.failures], [false, 1]));
		// not due yet: the worker leaves it alone
		dns.set(late.name, { txt: [[`${PREFIX}${late.token}`]] });
		await worker();
		assert.equal(state(late.id).failures, 1, 'not checked before its minute is up');
		sql(`UPDATE brand_domains SET next_check_at = UTC_TIMESTAMP() WHERE id = ${late.id}`);	// the minute has passed
		await worker();
		await checked(late.id, (s) => assert.ok(s.verified));
		assert.match(await row(b, late.name), /verified \d{4}-\d\d-\d\d/);
	});

	test('an ad\'s click-out URL on the domain is refused before verification and accepted after', async () => {
		const b = await brandWithDomain();
		const d = await addDomain(b, `shop.${ZONE}`);
		const url = `https://www.${d.name}/spring`;
		const refused = await saveAd(b.client, { products: b.handle, click_url: url, state: 'draft' });
		assert.equal(refused.res.status, 422);
		assert.match(refused.res.body, /on one of your verified domains/);
		dns.set(d.name, { txt: [[`${PREFIX}${d.token}`]] });
		await check(b.brandSlug);
		await checked(d.id, (s) => assert.ok(s.verified));	// by this check, or by another worker's just before
		const saved = await saveAd(b.client, { products: b.handle, click_url: url, state: 'draft' });
		assert.equal(saved.res.status, 303, saved.res.body.slice(0, 300));
	});

	test('"Check now": a POST with CSRF by the owner only marks the domain due; without CSRF 403, another brand\'s domain 404, again within 30 s 429', async () => {
		const { b, d } = await unshared(async (n) => {
			const b = await brandWithDomain();
			const d = await addDomain(b, `now${n}.${ZONE}`, { park: true });
			await soleCheck(b.brandSlug, [d]);	// NXDOMAIN: the next check is a minute away
			return { b, d };
		});
		assert.ok(state(d.id).nextIn > 50);
		const page = await b.client.get('/studio/domains');
		assert.match(page.body, new RegExp(`<form class="inline" method="post" action="/studio/domains/${d.id}/check"><input type="hidden" name="csrf" value="[^"]+"><button class="button small secondary" type="submit">Check now</button></form>`));
		assert.equal((await b.client.post(`/studio/domains/${d.id}/check`, {})).status, 403);
		assert.equal((await b.client.post(`/studio/domains/${d.id}/check`, { csrf: 'forged' })).status, 403);
		assert.ok(state(d.id).nextIn > 50, 'nothing changed');
		// another brand's domain, and one that does not exist
		const stranger = new Client();
		await newAccount(stranger, 'brand');
		const sp = await stranger.get('/studio/domains');
		assert.equal((await stranger.post(`/studio/domains/${d.id}/check`, { csrf: csrfOf(sp.body) })).status, 404);
		assert.equal((await b.client.post('/studio/domains/999999999/check', { csrf: csrfOf(page.body) })).status, 404);
		assert.ok(state(d.id).nextIn > 50, 'nothing changed');
		// the owner: due now, and the studio itself asked no DNS question
		const asked = dns.queries.length;
		const ok = await b.client.post(`/studio/domains/${d.id}/check`, { csrf: csrfOf(page.body) });
		assert.equal(ok.status, 303);
		assert.equal(ok.headers.location, `/studio/domains?queued=${d.name}`);
		// Due now, and not checked by the studio (whose account cannot write a result: the last test).
		// Another file's `worker --once` may take the due domain at once: its check is the second
		// failure, and the domain is made due again for this file's worker below.
		const s = state(d.id);
		if (s.failures === 2) {
			sql(`UPDATE brand_domains SET next_check_at = UTC_TIMESTAMP() WHERE id = ${d.id}`);
		} else {
			assert.ok(s.nextIn <= 0, 'due now');
			assert.equal(s.failures, 1, 'not checked by the studio');
			assert.equal(dns.queries.length, asked, 'no DNS question from the studio');
		}
		const queued = await b.client.get(ok.headers.location);
		assert.match(queued.body, new RegExp(`A check of <strong>${d.name}</strong> is queued; it runs in the background`));
		assert.match(await row(b, d.name), /next check queued/);
		// too soon
		const again = await b.client.post(`/studio/domains/${d.id}/check`, { csrf: csrfOf(page.body) });
		assert.equal(again.status, 429);
		assert.match(again.headers['retry-after'], /^([1-9]|[12]\d|30)$/);
		assert.match(again.body, new RegExp(`<p class="flash error domain-check-error" role="alert">A check of ${d.name} was asked for less than 30 seconds ago; try again in \\d+ seconds\\.</p>`));
		// the worker picks it up; half a minute later the owner may ask again
		dns.set(d.name, { txt: [[`${PREFIX}${d.token}`]] });
		await worker();
		await checked(d.id, (st) => assert.ok(st.verified));
		sql(`UPDATE brand_domains SET check_requested_at = check_requested_at - INTERVAL 31 SECOND WHERE id = ${d.id}`);
		assert.equal((await b.client.post(`/studio/domains/${d.id}/check`, { csrf: csrfOf(page.body) })).status, 303);
	});

	test('a verified domain whose record vanished is withdrawn after 3 failed re-checks over at least 48 h; a timeout never counts', async () => {
		const b = await brandWithDomain();
		const d = await addDomain(b, `gone.${ZONE}`);
		dns.set(d.name, { txt: [[`${PREFIX}${d.token}`]] });
		await check(b.brandSlug);
		await checked(d.id, (s) => assert.ok(s.verified));	// by this check, or by another worker's just before
		dns.set(d.name, 'nxdomain');	// the record is gone
		// first failed re-check, when its daily re-check comes due
		sql(`UPDATE brand_domains SET next_check_at = UTC_TIMESTAMP() WHERE id = ${d.id}`);
		await worker();
		let s = await checked(d.id, (s) => assert.deepEqual([s.verified, s.missing], [true, 1]));
		assert.equal(s.result, `no TXT record at ${d.name} (still verified: it is withdrawn after 3 failed checks over at least 48 hours)`);
		assert.equal(s.backoff, 86400, 'the next re-check a day later');
		assert.match(await row(b, d.name), /verified \d{4}.*still verified: it is withdrawn after 3 failed checks/s);
		// a day later, the second; 47 h after the first, the third: still verified (48 h not reached)
		age(d.id, 24);
		await worker();
		await checked(d.id, (s) => assert.equal(s.missing, 2));
		age(d.id, 47);
		await worker();
		s = await checked(d.id, (s) => assert.deepEqual([s.verified, s.missing], [true, 3]));
		// a timeout, 49 h in: a failed lookup is no evidence, so nothing changes but the result
		dns.set(d.name, 'silent');
		age(d.id, 49);
		await worker();
		s = await checked(d.id, (s) => assert.equal(s.result, 'lookup failed: timeout (still verified: a failed lookup never withdraws it)'));
		assert.deepEqual([s.verified, s.missing], [true, 3]);
		assert.equal(s.backoff, 3600, 'tried again in an hour');
		// the record still missing at the next re-check, 49 h after the first: withdrawn, with the reason
		dns.set(d.name, 'nxdomain');
		age(d.id, 49);
		await worker();
		s = await checked(d.id, (s) => assert.equal(s.verified, false));
		assert.equal(s.result, `no TXT record at ${d.name}: verification withdrawn`);
		assert.match(s.lost, new RegExp(`^no TXT record at ${d.name} on 4 checks in a row since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`));
		assert.ok(s.nextIn > 50 && s.nextIn <= 60, 'then retried like a new domain');
		const r = await row(b, d.name);
		assert.match(r, /waiting for verification<br><span class="domain-lost">verification withdrawn \d{4}-\d\d-\d\d: no TXT record at /);
		// and its click-outs are refused again
		assert.equal((await saveAd(b.client, { products: b.handle, click_url: `https://${d.name}/`, state: 'draft' })).res.status, 422);
		// republished: verified again, the withdrawal note gone
		dns.set(d.name, { txt: [[`${PREFIX}${d.token}`]] });
		await check(b.brandSlug);
		s = state(d.id);
		assert.deepEqual([s.verified, s.lost], [true, '']);
		assert.doesNotMatch(await row(b, d.name), /verification withdrawn/);
	});

	test('the studio\'s database account may bring a check forward but cannot write verified_at or a result', () => {
		const text = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
		const get = (k) => new RegExp(`^${k} = (.*)$`, 'm').exec(text)[1];
		const [host, port] = get('db_hosts').split(',')[0].split(':');
		const asStudio = (q) => execFileSync('mariadb', ['--no-defaults', `--host=${host}`, `--port=${port}`, `--user=${get('studio_db_user')}`,
			get('db_name'), '-e', q], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MYSQL_PWD: get('studio_db_password') } });
		asStudio("UPDATE brand_domains SET check_requested_at = check_requested_at WHERE domain = 'northwind.example'");
		for (const col of ['verified_at = UTC_TIMESTAMP()', "check_result = 'verified'", 'check_lease_until = NULL', "lost_reason = ''"])
			assert.throws(() => asStudio(`UPDATE brand_domains SET ${col} WHERE domain = 'northwind.example'`), /command denied/, col);
	});
});
