// security.test.mjs: headers, cookie flags, CSRF, body limits, malformed input and escaping, through the real servers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, newAccount, unique, uniqueEmail } from './lib/http.mjs';

function assertSecurityHeaders(res, what) {
	const csp = res.headers['content-security-policy'];
	assert.ok(csp, `${what}: has a Content-Security-Policy`);
	assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${what}: CSP allows no inline script or eval`);
	assert.match(csp, /(^|;)\s*(script-src|default-src) 'self'(;|$)/, `${what}: CSP limits scripts to the site`);
	assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP forbids framing`);
	assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
	assert.match(res.headers['referrer-policy'] ?? '', /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
		`${what}: a Referrer-Policy that keeps paths on the site`);
}

for (const [what, method, path, status] of [
	['a shop page', 'GET', '/', 200],
	['a studio page', 'GET', '/login', 200],
	['a redirect', 'GET', '/studio', 303],
	['a 404 page', 'GET', '/no/such/page', 404],
	['a 405 answer', 'PUT', '/login', 405],
	['a 400 answer', 'GET', '/@lena?via=' + 'a'.repeat(31), 400],
	// Malformed paths that one front server or the other refuses itself, before the program runs.
	['a 400 for a bad percent-escape in the path', 'GET', '/@%zz', 400],
	['a 400 for invalid UTF-8 in the path', 'GET', '/@%FF', 400],
	['a 403 answer', 'POST', '/login', 403],
	['a HEAD answer', 'HEAD', '/@lena', 200],
	['the health check', 'GET', '/_ping', 200],
	['the stylesheet', 'GET', '/static/style.css', 200],
	['a demo image', 'GET', '/static/demo/avatar-lena.svg', 200],
]) {
	test(`${what} carries the security headers (${method} ${path})`, async () => {
		const res = await new Client().request(method, path, method === 'POST'
			? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a' } : {});
		assert.equal(res.status, status);
		assertSecurityHeaders(res, `${method} ${path}`);
	});
}

test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain http', async () => {
	const c = new Client();
	const res = await c.post('/orders/lookup', { csrf: await c.csrf('/orders/lookup') });
	const line = res.setCookies.find((x) => x.startsWith('cc_session='));
	assert.ok(line, 'the first form sent sets cc_session');
	const attrs = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
	assert.ok(attrs.includes('httponly'), line);
	assert.ok(attrs.includes('samesite=lax'), line);
	assert.ok(attrs.includes('path=/'), line);
	assert.ok(!attrs.includes('secure'), line);
	assert.ok(!attrs.some((a) => a.startsWith('domain=')), line);
	assert.match(line, /^cc_session=[A-Za-z0-9_-]{40,}(;|$)/, 'the token is long and URL-safe');
});

test('the session cookie set at sign-in has the same flags', async () => {
	const c = new Client();
	const f = { role: 'shopper', email: uniqueEmail(), password: 'a-long-password', display_name: 'Flags' };
	assert.equal((await c.signup(f)).status, 303);
	const res = await c.login(f.email, f.password);
	assert.equal(res.status, 303);
	const line = res.setCookies.find((x) => x.startsWith('cc_session='));
	assert.ok(line);
	assert.match(line, /; Path=\/; HttpOnly; SameSite=Lax/);
	assert.doesNotMatch(line, /Secure/);
});

test('a POST without a session cookie or csrf field is refused with 403', async () => {
	const res = await new Client().post('/login', { email: 'lena@demo.crowdcart.test', password: 'crowdcart-demo' });
	assert.equal(res.status, 403);
	assert.match(res.body, /This form has expired or did not come from this site/);
	assert.equal(res.headers.location, undefined);
});

test('a POST with a session cookie but no csrf field is refused with 403', async () => {
	const c = new Client();
	await c.csrf('/login');
	const res = await c.post('/login', { email: 'lena@demo.crowdcart.test', password: 'crowdcart-demo' });
	assert.equal(res.status, 403);
});

test('a POST with a wrong csrf value is refused with 403', async () => {
	const c = new Client();
	const csrf = await c.csrf('/login');
	const wrong = (csrf[0] === 'A' ? 'B' : 'A') + csrf.slice(1);
	const res = await c.post('/login', { csrf: wrong, email: 'lena@demo.crowdcart.test', password: 'crowdcart-demo' });
	assert.equal(res.status, 403);
});

test("a POST with another session's csrf is refused with 403", async () => {
	const victim = new Client(), attacker = new Client();
	await victim.startSession();
	await attacker.startSession();
	const attackersCsrf = await attacker.csrf('/login');
	const res = await victim.post('/login', { csrf: attackersCsrf, email: 'lena@demo.crowdcart.test', password: 'crowdcart-demo' });
	assert.equal(res.status, 403);
});

test('a csrf field without its session cookie is refused with 403', async () => {
	const c = new Client();
	await c.startSession();
	const csrf = await c.csrf('/login');
	c.cookies.clear();
	const res = await c.post('/login', { csrf, email: 'lena@demo.crowdcart.test', password: 'crowdcart-demo' });
	assert.equal(res.status, 403);
});

test('a sign-up refused for its csrf creates no account', async () => {
	const c = new Client();
	await c.csrf('/signup');
	const fields = { role: 'shopper', email: uniqueEmail(), password: 'a-long-password', display_name: 'No CSRF' };
	assert.equal((await c.post('/signup', { csrf: 'forged', ...fields })).status, 403);
	assert.equal((await c.signup(fields)).status, 303, 'the same email can still sign up');
});

test('log-out without csrf is refused and the session stays signed in', async () => {
	const c = new Client();
	await newAccount(c);
	assert.equal((await c.post('/logout', {})).status, 403);
	assert.equal((await c.get('/studio')).status, 200);
});

test('log-out cannot be triggered by a GET', async () => {
	const res = await new Client().get('/logout');
	assert.equal(res.status, 405);
	assert.equal(res.headers.allow, 'POST');
});

test('a body over 1 MiB is refused with 413', async () => {
	const c = new Client();
	const csrf = await c.csrf('/login');
	const body = `csrf=${csrf}&next=/&email=` + 'a'.repeat(1 << 20);
	const res = await c.request('POST', '/login', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
	assert.equal(res.status, 413);
	assert.match(res.body, /That is more data than this form accepts/);
});

test('a form field longer than declared is refused with 400', async () => {
	const c = new Client();
	const res = await c.login('a'.repeat(250) + '@x.example', 'whatever-password');
	assert.equal(res.status, 400);
	assert.match(res.body, /The field &quot;email&quot; is too long\./);
});

test('a query parameter longer than declared is refused with 400', async () => {
	const res = await new Client().get('/p/northwind/walnut-monitor-stand?via=' + 'a'.repeat(31));
	assert.equal(res.status, 400);
	assert.match(res.body, /The field &quot;via&quot; is too long\./);
});

for (const [type, body] of [
	['application/json', '{"email":"lena@demo.crowdcart.test"}'],
	['text/plain', 'email=lena@demo.crowdcart.test'],
	['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n'],
]) {
	test(`a POST body of type ${type.split(';')[0]} is refused with 415`, async () => {
		const c = new Client();
		await c.csrf('/login');
		const res = await c.request('POST', '/login', { headers: { 'content-type': type }, body });
		assert.equal(res.status, 415);
	});
}

for (const [what, encoded] of [
	['a bad percent-escape', 'email=%zz'],
	['a truncated percent-escape', 'email=ab%2'],
	['invalid UTF-8', 'email=%C3%28'],
	['an encoded NUL', 'email=a%00b'],
]) {
	test(`a form body with ${what} is refused with 400`, async () => {
		const c = new Client();
		const csrf = await c.csrf('/login');
		const res = await c.post('/login', `csrf=${csrf}&password=x&${encoded}`);
		assert.equal(res.status, 400);
		assert.match(res.body, /The form data is not valid\./);
	});
}

for (const [what, path] of [
	['a bad percent-escape', '/?x=%zz'],
	['a truncated percent-escape', '/@lena?via=le%6'],
	['invalid UTF-8', '/?x=%C3%28'],
	['an encoded NUL', '/@lena?via=a%00'],
]) {
	test(`a query string with ${what} is refused with 400 (${path})`, async () => {
		// The front server may refuse it before the program does: the status is the behaviour.
		const res = await new Client().get(path);
		assert.equal(res.status, 400);
	});
}

for (const [what, path] of [
	['a bad percent-escape', '/@%zz'],
	['invalid UTF-8', '/@%FF'],
	['an overlong UTF-8 slash', '/p/northwind/%C0%AF'],
	['an encoded slash', '/@lena%2Fdesk-setup'],
]) {
	test(`a path with ${what} is refused with 400 (${path})`, async () => {
		const res = await new Client().get(path);
		assert.equal(res.status, 400);
	});
}

// No injected markup may come alive, and nothing may fail on our side. The site has no scripts
// but its own deferred files, so any other <script> is injected; an event-handler attribute counts
// only outside quoted values.
function assertInert(res, what) {
	assert.ok(res.status < 500, `${what}: answered ${res.status}`);
	// Allowed: our own scripts by their file, and JSON-LD data blocks (never run) that hold no '<'.
	assert.doesNotMatch(res.body, /<script\b(?! src="\/static\/js\/[a-z_-]+(\.[0-9a-f]{16})?\.js" defer><\/script>)(?! type="application\/ld\+json">[^<]*<\/script>)/i,
		`${what}: a <script> element in the page`);
	for (const [tag] of res.body.matchAll(/<[a-z][^>]*>/gi)) {
		const bare = tag.replace(/"[^"]*"|'[^']*'/g, '""');
		assert.doesNotMatch(bare, /\son\w+\s*=|\ssrc=x\b/i, `${what}: injected attribute in ${tag}`);
	}
}

for (const path of [
	'/@%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'/@%3Cscript%3Ealert(1)',
	"/@lena'%20OR%20'1'='1",
	'/@lena%27%3B%20DROP%20TABLE%20creators%3B--',
	'/@lena/%3Cimg%20src=x%20onerror=alert(1)%3E',
	"/p/northwind'--/walnut-monitor-stand",
	'/p/northwind/walnut-monitor-stand%22%20OR%20%221%22=%221',
]) {
	test(`a script- or SQL-looking path parameter is a plain 4xx (${path})`, async () => {
		const res = await new Client().get(path);
		assert.ok(res.status === 404 || res.status === 400, `got ${res.status}`);
		assertInert(res, path);
	});
}

test('a SQL-looking path parameter leaves the data alone', async () => {
	const c = new Client();
	await c.get("/@lena';%20DELETE%20FROM%20creators;--");
	assert.equal((await c.get('/@lena')).status, 200);
});

for (const path of [
	'/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	"/@lena?utm_source=%27%20OR%201%3D1--&utm_campaign=%3Cscript%3E",
	'/p/northwind/walnut-monitor-stand?via=%3Cscript%3Ealert(1)',
	"/p/northwind/walnut-monitor-stand?via=lena'%20OR%20'1'%3D'1",
]) {
	test(`a script- or SQL-looking query string is ignored or escaped (${path})`, async () => {
		const res = await new Client().get(path);
		assert.equal(res.status, 200);
		assertInert(res, path);
		assert.doesNotMatch(res.body, /Picked by/, 'no creator is matched by an injected handle');
	});
}

test("log-in's next parameter comes back escaped in the form", async () => {
	const res = await new Client().get('/login?next=/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
	assert.equal(res.status, 200);
	assertInert(res, 'GET /login?next=...');
	assert.match(res.body, /name="next" value="\/&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
});

test('a SQL-looking log-in email is just a failed log-in, echoed escaped', async () => {
	const c = new Client();
	const u = unique();	// failures count per email: a fixed one would be throttled by earlier runs
	const res = await c.login(`' OR '1'='1' -- ${u}@x.example`, 'anything-at-all');
	assert.equal(res.status, 401);
	assertInert(res, 'POST /login');
	assert.ok(res.body.includes(`value="&#39; OR &#39;1&#39;=&#39;1&#39; -- ${u}@x.example"`), 'the email is echoed escaped');
	assert.equal((await c.get('/studio')).status, 303, 'not signed in');
});

test('a script-looking sign-up display name is shown escaped in the studio', async () => {
	const c = new Client();
	const name = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';
	const f = { role: 'shopper', email: uniqueEmail(), password: 'a-long-password', display_name: name };
	assert.equal((await c.signup(f)).status, 303);
	assert.equal((await c.login(f.email, f.password)).status, 303);
	const studio = await c.get('/studio');
	assert.equal(studio.status, 200);
	assertInert(studio, 'GET /studio');
	assert.match(studio.body, /Signed in as &lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt; &amp; &lt;img src=x onerror=alert\(1\)&gt;/);
});

test('a script-looking value in a refused sign-up is echoed escaped', async () => {
	const res = await new Client().signup({
		role: 'creator', email: '"><script>alert(1)</script>', password: 'a-long-password',
		display_name: '<script>alert(2)</script>', handle: '"><img src=x onerror=alert(3)>',
	});
	assert.equal(res.status, 422);
	assertInert(res, 'POST /signup');
	assert.match(res.body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
	assert.match(res.body, /value="&lt;script&gt;alert\(2\)&lt;\/script&gt;"/);
});

test("noor's bio (an XSS payload) is shown escaped and inert", async () => {
	const res = await new Client().get('/@noor');
	assert.equal(res.status, 200);
	assert.match(res.body, /<p class="bio">&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt; &amp; &quot;quotes&quot; &#39;single&#39; &lt;img src=x onerror=alert\(1\)&gt;<\/p>/);
	assertInert(res, 'GET /@noor');
});

for (const [method, path, allow] of [
	['PUT', '/login', 'GET, HEAD, POST'],
	['DELETE', '/@lena', 'GET, HEAD'],
	['POST', '/p/northwind/walnut-monitor-stand', 'GET, HEAD'],
	['PATCH', '/studio', 'GET, HEAD'],
]) {
	test(`${method} ${path} is 405 with Allow: ${allow}`, async () => {
		const res = await new Client().request(method, path);
		assert.equal(res.status, 405);
		assert.equal(res.headers.allow, allow);
		assert.match(res.body, /That method is not allowed here\./);
	});
}

test('HEAD answers with the headers of GET and no body', async () => {
	const c = new Client();
	const get = await c.get('/@lena');
	const head = await c.head('/@lena');
	assert.equal(head.status, 200);
	assert.equal(head.raw.length, 0);
	assert.equal(head.headers['content-type'], get.headers['content-type']);
	assert.equal(head.headers['content-security-policy'], get.headers['content-security-policy']);
	if (head.headers['content-length'] !== undefined)
		assert.equal(Number(head.headers['content-length']), get.raw.length);
});

test('HEAD of an unknown page is 404 with no body', async () => {
	const res = await new Client().head('/no/such/page');
	assert.equal(res.status, 404);
	assert.equal(res.raw.length, 0);
});
