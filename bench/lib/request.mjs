// request.mjs: the one HTTP call of the bench drivers: a request on their keep-alive agent with
// the session cookie and, for a POST, a form body; answers { status, headers, body }.
import http from 'node:http';

export function formRequest(agent, url, method, p, cookie, body) {
	const headers = { cookie: cookie ?? '' };
	if (body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers['content-length'] = Buffer.byteLength(body);
	}
	return new Promise((resolve, reject) => {
		const req = http.request({ host: url.hostname, port: url.port, method, path: p, headers, agent }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}
