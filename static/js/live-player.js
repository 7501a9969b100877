// live-player.js: on a live page, plays the session's HLS stream (the streaming server's output,
// /media/live/hls/s<id>.m3u8): natively where the browser plays HLS, else through hls.js
// (static/js/hls.js, loaded just before this file). Without JavaScript the video element's src
// plays where HLS is native, and any other stream address plays as it is.
(() => {
	const video = document.getElementById('live-player');
	const src = video?.getAttribute('src') ?? '';
	if (!video || !/\.m3u8(\?|$)/.test(src))
		return;
	const RETRY_MS = 2000;
	const play = () => video.play().catch(() => {});	// autoplay may be refused; the controls remain

	// The page turns live when the encoder connects, a few seconds before the first segment is
	// written: a playlist that is not there yet is asked for again rather than given up on.
	if (video.canPlayType('application/vnd.apple.mpegurl')) {
		const retry = () => setTimeout(() => {
			video.src = src;
			video.load();
			play();
		}, RETRY_MS);
		video.addEventListener('error', retry);
		if (video.error)	// failed already, before this deferred script ran
			retry();
		return;
	}
	const Hls = window.Hls;
	if (!Hls?.isSupported())
		return;
	video.removeAttribute('src');
	// No worker: the CSP allows no blob: workers, and one stream's parsing is light.
	const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2 });
	hls.on(Hls.Events.MANIFEST_PARSED, play);
	hls.on(Hls.Events.ERROR, (_event, data) => {
		if (!data.fatal)
			return;
		if (data.type === Hls.ErrorTypes.MEDIA_ERROR)
			hls.recoverMediaError();
		else
			setTimeout(() => hls.loadSource(src), RETRY_MS);
	});
	hls.loadSource(src);
	hls.attachMedia(video);
})();
