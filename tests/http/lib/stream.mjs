// stream.mjs: fixtures for going live from an encoder: a session's stream key made through the
// studio, an RTMP publish of a generated picture and tone by ffmpeg (what OBS would send) to the
// stack's streaming server, and the streaming server's own callbacks (it calls from 127.0.0.1).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client, confValue } from './http.mjs';
import { panel } from './live.mjs';

// Makes a new stream key for session `id` from its control panel: { res, key }.
export async function makeKey(creator, id) {
	const res = await panel(creator, id, 'stream-key');
	const key = /<input id="stream-key" readonly autocomplete="off" spellcheck="false" value="([A-Za-z0-9_-]+)">/.exec(res.body)?.[1];
	return { res, key };
}

export const ingest = () => `rtmp://127.0.0.1:${confValue('rtmp_port')}/live`;

// Publishes `seconds` of a 640x360 test picture with a tone under stream key `key`, in real time.
// Returns { done, stop }: done resolves to ffmpeg's exit code (0: the stream was taken and sent to
// the end), stop ends the stream early as an encoder's "Stop streaming" does.
export function publish(key, seconds = 10) {
	const ff = spawn('ffmpeg', ['-nostdin', '-v', 'error', '-re', '-f', 'lavfi', '-i', `testsrc=size=640x360:rate=25:duration=${seconds}`,
		'-f', 'lavfi', '-i', `sine=duration=${seconds}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency',
		'-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-f', 'flv', `${ingest()}/${key}`], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	ff.stderr.on('data', (c) => { stderr += c; });
	const done = new Promise((resolve) => ff.on('exit', (code, signal) => resolve({ code: code ?? signal, stderr })));
	return { done, stop: () => ff.kill('SIGINT') };
}

// The HLS folder on disk (media_dir/live/hls) and session `id`'s segments in it (s<id>-N.ts).
export function hlsDir() {
	return path.join(confValue('media_dir'), 'live', 'hls');
}
export function segments(id) {
	const dir = hlsDir();
	return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`s${id}-`) && f.endsWith('.ts')) : [];
}

// The streaming server's callback as it would send it, from 127.0.0.1 (or from `address`).
export function callback(call, fields, { address = '127.0.0.1' } = {}) {
	return new Client({ address }).post(`/studio/streaming/${call}`, { app: 'live', call, ...fields });
}
