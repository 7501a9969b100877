// video_swipe.js: on /videos, plays the video that fills the screen, muted (browsers allow only a
// muted video to start by itself), and pauses the others as they leave it; the next one starts
// loading when it comes near. Without this file each video is a player started by hand.
(() => {
	const videos = [...document.querySelectorAll('.swipe-video')];
	if (!videos.length || !('IntersectionObserver' in window))
		return;
	for (const v of videos)
		v.muted = true;
	const near = new IntersectionObserver((entries) => {
		for (const e of entries)
			if (e.isIntersecting && e.target.preload === 'none')
				e.target.preload = 'metadata';
	}, { rootMargin: '100% 0px' });
	const inView = new IntersectionObserver((entries) => {
		for (const e of entries) {
			const v = e.target;
			v.closest('.swipe-item')?.classList.toggle('is-playing', e.isIntersecting);
			if (e.isIntersecting)
				v.play().catch(() => {});	// refused (saving data, say): the controls are still there
			else
				v.pause();
		}
	}, { threshold: 0.6 });
	for (const v of videos) {
		near.observe(v);
		inView.observe(v);
	}
})();
