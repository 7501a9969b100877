// slow_body.test.mjs: a request body that pauses on its way is read whole. The shop's workers wake
// every second while idle (a receive timeout on the listening socket, src/web/worker.c), and Linux
// copies that timeout to every connection accepted from a TCP socket (Apache's mod_proxy_fcgi
// forwards a body as it comes); the worker clears it on each connection it accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { BASE_URL } from './lib/http.mjs';

// POSTs a form to `path` on the server under test, its body's second part `pause` ms after the
// first; the status line of the answer.
function slowPost(path, pause) {
	const url = new URL(BASE_URL);
	const body = `email=slow%40body.example&ref=${'x'.repeat(40)}`;
	return new Promise((resolve, reject) => {
		const s = net.connect(Number(url.port), url.hostname, () => {
			s.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
				`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
			setTimeout(() => s.write(body.slice(10)), pause);
		});
		let got = '';
		s.setEncoding('latin1');
		s.on('data', (d) => { got += d; });
		s.on('end', () => resolve(got.split('\r\n')[0]));
		s.on('error', reject);
	});
}

test('a form whose body pauses for 2.5 s on the way is read whole, and answered as any other (no CSRF token: 403)', async () => {
	assert.match(await slowPost('/orders/lookup', 2500), /^HTTP\/1\.1 403 /);
});
