// leads_webhook_https.test.mjs: lead webhooks over https with verified TLS (test CA from openssl),
// retries with backoff in the delivery log, TLS and redirect failures, and the SSRF policy: non-public
// IP literals refused in the studio, names resolving to refused addresses refused by the worker.
// Serial: each test runs `crowdcartctl worker --once`, which takes every due delivery.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brandWithForm, hookedLead, sql } from './lib/leads.mjs';
import { dropWorkerLock, holdWorkerLock, makeTls, receiver, worker, workerConf } from './lib/webhooks.mjs';

const HOOK = '/studio/leads/webhook';

// A fresh brand whose webhook points at url, with one lead queued; ctx.secret is filled in.
async function queuedLead(url, ctx) {
	const f = await brandWithForm({ fresh: true });
	const saved = await f.brand.submit(HOOK, { url }, { formPath: HOOK });
	assert.equal(saved.status, 303, saved.body.slice(0, 300));
	ctx.secret = /<code class="webhook-secret">([^<]+)<\/code>/.exec((await f.brand.get(HOOK)).body)[1];
	const { lead } = await hookedLead(f);
	const id = sql(`SELECT id FROM webhook_deliveries WHERE lead_id = ${lead[0]}`)[0][0];
	return {
		f, id,
		// the backoff is counted from the attempt, not from now: the rest of the worker's pass
		// (other queues) may take seconds on a busy machine before the test reads the row
		delivery: () => sql(`SELECT d.status, d.attempts, TIMESTAMPDIFF(SECOND, (SELECT MAX(a.attempted_at)
			FROM webhook_attempts a WHERE a.delivery_id = d.id), d.next_attempt_at) FROM webhook_deliveries d WHERE d.id = ${id}`)[0],
		attempts: () => sql(`SELECT http_status, error FROM webhook_attempts WHERE delivery_id = ${id} ORDER BY id`),
		// so a later run of any worker does not keep retrying a receiver that is gone
		retire: () => sql(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = ${id} AND status = 'pending'`),
	};
}

describe('lead webhooks over https, and the private-address policy', { concurrency: 1 }, () => {
	let tls, conf;
	before(async () => {
		await holdWorkerLock();
		tls = makeTls();
		conf = workerConf(tls);
	});
	after(() => {
		tls?.remove();
		dropWorkerLock();
	});

	test('https: delivered signed over verified TLS to a name pinned after its check; a 500 is retried after a 30 s backoff, shown in the log', async () => {
		const ctx = { secret: '' };
		const crm = await receiver({ secret: () => ctx.secret, answers: [500, 200], tls: tls.trusted });
		try {
			const q = await queuedLead(`https://localhost:${crm.port}/hooks/leads?src=cc`, ctx);
			await worker(conf);
			const [status, tries, wait] = q.delivery();
			assert.deepEqual([status, tries], ['pending', '1']);
			assert.ok(+wait >= 29 && +wait <= 31, `next try ${wait} s after the attempt`);
			assert.equal(crm.got.length, 1);
			await worker(conf);
			assert.equal(crm.got.length, 1, 'not retried before its backoff');
			sql(`UPDATE webhook_deliveries SET next_attempt_at = UTC_TIMESTAMP() WHERE id = ${q.id}`);
			await worker(conf);
			assert.deepEqual(q.delivery().slice(0, 2), ['delivered', '2']);
			assert.deepEqual(q.attempts(), [['500', 'HTTP 500'], ['200', '']]);
			assert.equal(crm.got.length, 2);
			assert.ok(crm.got.every((g) => g.valid), 'both signed with the brand secret');
			assert.equal(crm.got[1].headers['x-crowdcart-delivery'], q.id);
			assert.equal(crm.got[1].headers['x-crowdcart-event'], 'lead.created');
			assert.equal(crm.got[1].headers['content-type'], 'application/json');
			assert.equal(JSON.parse(crm.got[1].body).form, q.f.slug);
			const log = await q.f.brand.get(HOOK);
			assert.match(log.body, /<td class="delivery-status">delivered<\/td><td>2<\/td><td>200 <\/td>/);
		} finally {
			crm.close();
		}
	});

	test('https: a receiver whose certificate no configured CA signed gets nothing; the attempt is logged with the TLS error', async () => {
		const ctx = { secret: '' };
		const crm = await receiver({ secret: () => ctx.secret, tls: tls.rogue });
		try {
			const q = await queuedLead(`https://127.0.0.1:${crm.port}/hooks`, ctx);
			await worker(conf);
			assert.equal(crm.got.length, 0, 'no request reached the receiver');
			assert.deepEqual(q.delivery().slice(0, 2), ['pending', '1'], 'retried later, like any failure');
			const [[code, error]] = q.attempts();
			assert.equal(code, '0');
			assert.match(error, /SSL|certificate/i);
			assert.match((await q.f.brand.get(HOOK)).body, /certificate/);
			q.retire();
		} finally {
			crm.close();
		}
	});

	test('a redirect is not followed: a 302 is a failed attempt logged with its status', async () => {
		const ctx = { secret: '' };
		const target = await receiver({});
		const crm = await receiver({ secret: () => ctx.secret, answers: [[302, { location: `http://127.0.0.1:${target.port}/elsewhere` }]] });
		try {
			const q = await queuedLead(`http://127.0.0.1:${crm.port}/hooks`, ctx);
			await worker(conf);
			assert.equal(crm.got.length, 1);
			assert.equal(target.got.length, 0, 'the Location was not fetched');
			assert.deepEqual(q.delivery().slice(0, 2), ['pending', '1']);
			assert.deepEqual(q.attempts(), [['302', 'HTTP 302']]);
			q.retire();
		} finally {
			crm.close();
			target.close();
		}
	});

	test('the studio refuses URLs whose host is a non-public IP literal, in any spelling, beside the field; loopback passes as the test conf allows it', async () => {
		const f = await brandWithForm({ fresh: true });
		const good = 'https://127.0.0.1:9/hooks';
		assert.equal((await f.brand.submit(HOOK, { url: good }, { formPath: HOOK })).status, 303);
		const refused = ['http://169.254.169.254/', 'http://10.0.0.1/hook', 'http://[::1]/', 'https://[fd00::1]/x',
			'http://192.168.1.20/', 'http://172.16.5.5/', 'http://100.64.0.9/', 'http://0.0.0.0/', 'http://[fe80::1]/',
			'http://[::ffff:169.254.169.254]/', 'http://0xa9fea9fe/', 'http://012.0.0.1/', 'http://167772161/', 'http://224.0.0.1/'];
		for (const url of refused) {
			const res = await f.brand.submit(HOOK, { url }, { formPath: HOOK });
			assert.equal(res.status, 422, url);
			assert.match(res.body, /<input id="url" name="url" maxlength="500" value="[^"]*" aria-invalid="true" aria-describedby="url-error">/, url);
			assert.match(res.body, /<p class="field-error" id="url-error">This address is not on the public internet \([^)]+\): webhooks cannot be sent to the server&#39;s own network\.<\/p>/, url);
		}
		assert.deepEqual(sql(`SELECT w.url FROM lead_webhooks w JOIN lead_forms lf ON lf.brand_id = w.brand_id WHERE lf.id = ${f.id}`), [[good]],
			'nothing refused was stored');
	});

	test('a host name that resolves to a refused address is refused by the worker: one logged "blocked address" attempt, the delivery failed, nothing sent', async () => {
		const ctx = { secret: '' };
		const crm = await receiver({ secret: () => ctx.secret });
		try {
			// localhost resolves to 127.0.0.1 (/etc/hosts); a worker whose operator allows no private range refuses it
			const q = await queuedLead(`http://localhost:${crm.port}/hooks`, ctx);
			await worker(workerConf(tls, { allow: '' }));
			assert.equal(crm.got.length, 0);
			assert.deepEqual(q.delivery().slice(0, 2), ['failed', '1'], 'not retried');
			assert.deepEqual(q.attempts(), [['0', 'blocked address 127.0.0.1 (loopback)']]);
			assert.match((await q.f.brand.get(HOOK)).body, /<td class="delivery-status">failed<\/td><td>1<\/td><td>0 blocked address 127\.0\.0\.1 \(loopback\)<\/td>/);
		} finally {
			crm.close();
		}
	});
});
