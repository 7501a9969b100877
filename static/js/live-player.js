// live-player.js: on a live page, plays the session's HLS stream (the streaming server's output,
// /media/live/hls/s<id>/index.m3u8) where the browser has no native HLS, through hls.js
// (static/js/hls.js, loaded just before this file). Browsers with native HLS, and every browser
// for a stream address that is not HLS, play the video element's src as it is, without JavaScript.
(() => {
	const video = document.getElementById('live-player');
	const src = video?.getAttribute('src') ?? '';
	if (!video || !/\.m3u8(\?|$)/.test(src) || video.canPlayType('application/vnd.apple.mpegurl'))
		return;
	const Hls = window.Hls;
	if (!Hls?.isSupported())
		return;
	video.removeAttribute('src');
	// No worker: the CSP allows no blob: workers, and one stream's parsing is light.
	const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2 });
	hls.on(Hls.Events.MANIFEST_PARSED, () => {
		video.play().catch(() => {});	// autoplay may be refused; the controls remain
	});
	// The first segments of a fresh stream may not be written yet: try again rather than give up.
	hls.on(Hls.Events.ERROR, (_event, data) => {
		if (!data.fatal)
			return;
		if (data.type === Hls.ErrorTypes.MEDIA_ERROR)
			hls.recoverMediaError();
		else
			setTimeout(() => hls.loadSource(src), 2000);
	});
	hls.loadSource(src);
	hls.attachMedia(video);
})();
