// gallery.js: the product page's gallery follows the variant chosen: a variant with a picture of
// its own (data-picture on its radio button or <option>) brings that slide into view. Without
// JavaScript the gallery is browsed by hand (swipe, arrow keys, thumbnails); nothing else depends
// on this file.
(() => {
	const form = document.querySelector('form.buy');
	const track = document.querySelector('.gallery-track');
	if (!form || !track)
		return;
	form.addEventListener('change', (e) => {
		const chosen = e.target.name !== 'variant' ? null
			: e.target.tagName === 'SELECT' ? e.target.selectedOptions[0] : e.target;
		const id = chosen?.dataset.picture;
		const slide = id && track.querySelector(`.gallery-slide[data-picture="${CSS.escape(id)}"]`);
		if (!slide)
			return;
		const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		track.scrollTo({ left: slide.offsetLeft - track.firstElementChild.offsetLeft, behavior: still ? 'auto' : 'smooth' });
	});
})();
