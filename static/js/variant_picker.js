// variant_picker.js: the product page's price follows the chosen variant. Without this file the
// picker still works (each choice says its own price and stock); the heading price stays on the
// price the page opened with.
(() => {
	const form = document.querySelector('form.buy');
	if (!form)
		return;
	const shown = [document.getElementById('product-price'), document.getElementById('buy-bar-price')];
	const update = () => {
		const chosen = form.querySelector('input[name="variant"]:checked') ??
			form.querySelector('select[name="variant"]')?.selectedOptions[0];
		if (chosen?.dataset.price)
			for (const el of shown)
				if (el)
					el.textContent = chosen.dataset.price;
	};
	form.addEventListener('change', (e) => {
		if (e.target.name === 'variant')
			update();
	});
})();
