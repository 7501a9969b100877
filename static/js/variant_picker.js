// variant_picker.js: a buy form's price follows the chosen variant, on the product page and on
// each card of a video (several forms on one page, each with its own picker). Without this file
// the picker still works (each variant's choice says its own price and stock; a product with
// several options posts its chosen values and the cart finds the variant, or says that
// combination is not made); the price stays the one the page opened with.
// With several options (one radio group per option, a JSON script ending in "variant-data" in the
// form listing every variant) it also says the chosen combination's stock, marks the values that
// cannot go with the other groups' choices, moves the other groups to a combination that exists
// when a choice leaves none, and brings the variant's picture into view (the product page's gallery).
(() => {
	// The product page's form shows its price above the picker and in the buy bar; a card's form
	// names the element that shows its price (data-price-shown).
	const pricesOf = (form) => form.dataset.priceShown
		? [document.getElementById(form.dataset.priceShown)]
		: [document.getElementById('product-price'), document.getElementById('buy-bar-price')];

	function picker(form) {
		const shown = pricesOf(form);
		const showPrice = (price) => {
			for (const el of shown)
				if (el && price)
					el.textContent = price;
		};
		const data = form.querySelector('script[type="application/json"][id$="variant-data"]');
		if (!data) {
			form.addEventListener('change', (e) => {
				if (e.target.name !== 'variant')
					return;
				const chosen = form.querySelector('input[name="variant"]:checked') ??
					form.querySelector('select[name="variant"]')?.selectedOptions[0];
				showPrice(chosen?.dataset.price);
			});
			return;
		}
		const variants = JSON.parse(data.textContent);
		const groups = ['option1', 'option2', 'option3'].filter((n) => form.elements[n]);
		const column = (name) => Number(name.slice(-1)) - 1;
		// a radio group's RadioNodeList and a <select> both say their chosen value
		const chosen = () => Object.fromEntries(groups.map((n) => [n, form.elements[n].value]));
		const matches = (v, want) => groups.every((n) => want[n] === undefined || v.options[column(n)] === want[n]);
		const find = (want) => variants.find((v) => matches(v, want));
		const choicesOf = (name) => [...form.querySelectorAll(`[name="${name}"]`)].flatMap((el) =>
			el.tagName === 'SELECT' ? [...el.options] : [el]);
		const setValue = (name, value) => {
			for (const el of choicesOf(name))
				if (el.value === value) {
					if (el.tagName === 'OPTION')
						el.selected = true;
					else
						el.checked = true;
				}
		};
		const status = form.querySelector('[id$="picker-status"]');
		const button = form.querySelector('button[type="submit"]');
		const track = form.closest('.product')?.querySelector('.gallery-track');

		// After a change to group `changed`, if the choices name no variant that can be bought,
		// keep the new value and take the first buyable variant that has it.
		const settle = (changed) => {
			const want = chosen();
			if (find(want)?.buyable || !changed)
				return;
			const other = variants.find((v) => v.buyable && v.options[column(changed)] === want[changed]);
			if (other)
				for (const n of groups)
					setValue(n, other.options[column(n)]);
		};
		const mark = () => {
			const want = chosen();
			for (const n of groups)
				for (const el of choicesOf(n)) {
					if (el.disabled)
						continue;
					const ok = variants.some((v) => v.buyable && matches(v, { ...want, [n]: el.value }));
					const label = el.closest('label');
					label?.classList.toggle('unavailable', !ok);
					if (el.tagName === 'OPTION')
						el.textContent = el.value + (ok ? '' : ' (not with this choice)');
				}
		};
		const update = (changed) => {
			settle(changed);
			mark();
			const v = find(chosen());
			status.hidden = false;
			if (!v) {
				status.textContent = 'This combination is not made: choose another.';
			} else {
				// the page opens on "from" the lowest price; a choice names its own
				if (changed)
					showPrice(v.price);
				status.textContent = v.stock;
				const slide = v.picture && track?.querySelector(`.gallery-slide[data-picture="${v.picture}"]`);
				if (slide && changed) {
					const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
					track.scrollTo({ left: slide.offsetLeft - track.firstElementChild.offsetLeft, behavior: still ? 'auto' : 'smooth' });
				}
			}
			if (button)
				button.disabled = !v?.buyable;
		};
		form.addEventListener('change', (e) => {
			if (groups.includes(e.target.name))
				update(e.target.name);
		});
		update(null);
	}

	for (const form of document.querySelectorAll('form.buy, form.video-buy'))
		picker(form);
})();
