// pictures.mjs: what the picture suites (images, covers) share: a folder of test JPEGs made by
// ffmpeg, copies of the stack's configuration with extra settings, `crowdcartctl images --once`,
// and checks of a placeholder that run only while its picture is still pending.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { ROOT, VAR } from './http.mjs';
import { sql } from './catalog.mjs';

// A folder for this file's pictures and configurations, removed when the file ends.
export function pictureFiles(prefix) {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	after(() => rmSync(dir, { recursive: true, force: true }));
	return {
		dir,
		// A JPEG of w x h: the frame at `at` seconds of an ffmpeg test pattern, so another size,
		// pattern or moment is another picture.
		jpeg(name, w, h, { pattern = 'testsrc2', at = 0 } = {}) {
			const file = path.join(dir, name);
			execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `${pattern}=size=${w}x${h}:duration=2`,
				'-ss', at.toFixed(2), '-frames:v', '1', '-q:v', '3', file]);
			return readFileSync(file);
		},
		// A copy of the stack's configuration with extra settings, for one crowdcartctl run.
		confWith(extra) {
			const file = path.join(dir, `conf-${Math.random().toString(36).slice(2)}.conf`);
			writeFileSync(file, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\n${extra}\n`, { mode: 0o600 });
			return file;
		},
	};
}

// crowdcartctl images --once, asynchronously so a picture server in the test's own process can answer it.
export function images(conf = path.join(VAR, 'crowdcart.conf')) {
	return new Promise((resolve, reject) => {
		execFile(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, 'images', '--once'], { encoding: 'utf8' },
			(err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout + stderr)));
	});
}

export const assetStatus = (key) => sql(`SELECT status FROM image_assets WHERE akey = '${key}'`).trim();

// What pages show of a picture not processed yet. The stack's worker runs the image passes every
// few seconds beside the tests, so it may process a fresh upload before a test looks: look() reads
// the pages and returns the checks to make of them, which run only if the picture was still
// pending after the pages were read (it was pending while they were). Otherwise the test says so.
export async function whilePending(t, key, look) {
	const check = await look();
	if (assetStatus(key) === 'pending')
		check();
	else
		t.diagnostic(`the worker processed ${key} before the pages were read: the placeholder was not seen`);
}
