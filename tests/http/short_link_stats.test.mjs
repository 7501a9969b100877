// short_link_stats.test.mjs: each visit through a short link is counted for that link, and the
// creator's list of links shows the counts, in the database within seconds though no request follows
// the visits; a count for a link deleted before it was written does not hold back the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, unique } from './lib/http.mjs';
import { lit, sql } from './lib/fulfilment.mjs';
import { newCreator } from './lib/creators.mjs';
import { counted } from './lib/eventually.mjs';

// Counts are held in each shop worker and written within about two seconds, with or without a
// later request (lib/eventually.mjs): wait for them, asking the shop nothing meanwhile.
function linkVisits(code, want) {
	return counted(() => Number(sql(`SELECT COALESCE(SUM(st.visits), 0) FROM short_link_stats st
		JOIN short_links sl ON sl.id = st.link_id WHERE sl.code = ${lit(code)}`)[0][0]), want);
}

async function twoLinks(client) {
	for (const label of [`a${unique()}`, `b${unique()}`])
		assert.equal((await client.submit('/studio/creator/links', { target: 'storefront', label })).status, 303);
	const codes = [...(await client.get('/studio/creator/links')).body.matchAll(/href="\/s\/([a-z2-7]{16})"/g)].map((m) => m[1]);
	assert.equal(codes.length, 2);
	return codes;
}

test('visits through a short link are counted for the link and shown in the creator\'s list', async () => {
	const { client } = await newCreator();
	const codes = await twoLinks(client);
	for (let i = 0; i < 3; i++)
		assert.equal((await new Client().get(`/s/${codes[0]}`)).status, 303);
	assert.equal(await linkVisits(codes[0], 3), 3);
	assert.equal(await linkVisits(codes[1], 0), 0, 'the other link counted nothing');
	const page = (await client.get('/studio/creator/links')).body;
	const row = (code) => new RegExp(`href="/s/${code}">[\\s\\S]*?<td class="link-visits-30">(\\d+)</td><td class="link-visits">(\\d+)</td>`).exec(page).slice(1).map(Number);
	assert.deepEqual(row(codes[0]), [3, 3]);
	assert.deepEqual(row(codes[1]), [0, 0]);
});

// A worker writes its first count at once and holds the next ones of that second: a burst leaves
// counts for `gone` held in every worker while the link is deleted. The database refuses them (the
// link's foreign key); they must not keep the later counts of those workers from being written.
test('a count for a link deleted before it was written does not hold back the counts after it', async () => {
	const { client } = await newCreator();
	const [gone, kept] = await twoLinks(client);
	await Promise.all(Array.from({ length: 12 }, () => new Client().get(`/s/${gone}`)));
	assert.equal((await client.submit(`/studio/creator/links/${gone}/delete`, {}, { formPath: '/studio/creator/links' })).status, 303);
	for (let i = 0; i < 3; i++)
		assert.equal((await new Client().get(`/s/${kept}`)).status, 303);
	assert.equal(await linkVisits(kept, 3), 3);
});
