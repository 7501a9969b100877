// showcase.js: adds "previous" and "next" buttons to each showcase carousel. Without this file the
// row still scrolls sideways (touch, trackpad, or the arrow keys once the row has focus).
(() => {
	for (const section of document.querySelectorAll('[data-showcase]')) {
		// The template loads this file once per carousel: enhance each section only once.
		if (section.dataset.enhanced)
			continue;
		section.dataset.enhanced = 'yes';
		const row = section.querySelector('.showcase-row');
		if (!row)
			continue;
		const controls = document.createElement('div');
		controls.className = 'showcase-controls';
		const button = (label, text, dir) => {
			const b = document.createElement('button');
			b.type = 'button';
			b.className = 'showcase-button';
			b.setAttribute('aria-label', label);
			b.setAttribute('aria-controls', row.id);
			b.textContent = text;
			b.addEventListener('click', () => {
				row.scrollBy({ left: dir * Math.max(row.clientWidth * 0.8, 100), behavior: 'smooth' });
			});
			controls.append(b);
			return b;
		};
		const prev = button('Previous products', '‹', -1);
		const next = button('Next products', '›', 1);
		const update = () => {
			prev.disabled = row.scrollLeft <= 1;
			next.disabled = row.scrollLeft + row.clientWidth >= row.scrollWidth - 1;
		};
		row.addEventListener('scroll', update, { passive: true });
		window.addEventListener('resize', update);
		section.querySelector('h2')?.after(controls);
		update();
	}
})();
