// gallery.js: the product page's gallery follows the option chosen: an option whose variant has a
// picture of its own (data-picture) brings that slide into view. Without JavaScript the gallery is
// browsed by hand (swipe, arrow keys, thumbnails); nothing else depends on this file.
(() => {
	const select = document.getElementById('variant');
	const track = document.querySelector('.gallery-track');
	if (!select || !track)
		return;
	select.addEventListener('change', () => {
		const id = select.selectedOptions[0]?.dataset.picture;
		const slide = id && track.querySelector(`.gallery-slide[data-picture="${CSS.escape(id)}"]`);
		if (!slide)
			return;
		const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		track.scrollTo({ left: slide.offsetLeft - track.firstElementChild.offsetLeft, behavior: still ? 'auto' : 'smooth' });
	});
})();
