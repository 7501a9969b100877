// creator_link_delete.test.mjs: a creator deletes their own short link (POST with CSRF); another
// creator's link is a 404 and stays; visits already counted through a deleted link stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, unique } from './lib/http.mjs';
import { lit, sql } from './lib/fulfilment.mjs';
import { newCreator, visitCount } from './lib/creators.mjs';
import { eventually } from './lib/eventually.mjs';

async function newLink(client) {
	assert.equal((await client.submit('/studio/creator/links', { target: 'storefront', label: `l${unique()}` })).status, 303);
	return /href="\/s\/([a-z2-7]{16})"/.exec((await client.get('/studio/creator/links')).body)[1];
}

const linkCount = (code) => +sql(`SELECT COUNT(*) FROM short_links WHERE code = ${lit(code)}`)[0][0];

test('a creator deletes their own short link; it no longer leads anywhere, its visits stay counted', async () => {
	const { client, account } = await newCreator();
	const code = await newLink(client);
	const campaign = `d${unique()}`;
	assert.equal((await new Client().get(`/s/${code}?utm_campaign=${campaign}`)).status, 303);
	assert.equal(await visitCount(account.handle, { surface: 'link', campaign }, 1), 1);
	const res = await client.submit(`/studio/creator/links/${code}/delete`, {}, { formPath: '/studio/creator/links' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/studio/creator/links?deleted=1');
	const page = await client.get(res.headers.location);
	assert.match(page.body, /Link deleted/);
	assert.ok(!page.body.includes(`/s/${code}`), 'gone from the list');
	assert.equal(linkCount(code), 0);
	// the shop caches link lookups for a second
	await eventually(async () => assert.equal((await new Client().get(`/s/${code}`)).status, 404));
	assert.equal(await visitCount(account.handle, { surface: 'link', campaign }, 1), 1, 'the visit it brought stays');
	// deleting it again: not found
	assert.equal((await client.submit(`/studio/creator/links/${code}/delete`, {}, { formPath: '/studio/creator/links' })).status, 404);
});

test('another creator\'s link cannot be deleted, and deleting needs the CSRF token and a creator', async () => {
	const owner = await newCreator();
	const code = await newLink(owner.client);
	const other = await newCreator();
	assert.equal((await other.client.submit(`/studio/creator/links/${code}/delete`, {}, { formPath: '/studio/creator/links' })).status, 404);
	assert.equal((await other.client.submit('/studio/creator/links/NOT-A-CODE/delete', {}, { formPath: '/studio/creator/links' })).status, 404);
	assert.equal(linkCount(code), 1);
	await owner.client.get('/studio/creator/links');
	const forged = await owner.client.post(`/studio/creator/links/${code}/delete`, 'csrf=forged');
	assert.equal(forged.status, 403);
	assert.equal(linkCount(code), 1);
	const anon = await new Client().post(`/studio/creator/links/${code}/delete`, '');
	assert.ok([303, 403].includes(anon.status), String(anon.status));
	assert.equal(linkCount(code), 1);
});
