// image_order.js: the product editor's pictures reordered by dragging a row, or with its Up and
// Down buttons from the keyboard. Either way the rows move in the page and their Position inputs
// are renumbered in the new order, so saving the form is what stores the order, exactly as typing
// the positions by hand does without JavaScript.
(() => {
	const list = document.querySelector('.image-rows');
	if (!list)
		return;
	const status = document.createElement('p');
	status.className = 'visually-hidden';
	status.setAttribute('aria-live', 'polite');
	list.after(status);
	const rows = () => [...list.querySelectorAll(':scope > .image-row')];
	const renumber = (moved) => {
		rows().forEach((row, i) => {
			const pos = row.querySelector('input[name="i_pos"]');
			if (pos)
				pos.value = String(i + 1);
			const up = row.querySelector('.image-up'), down = row.querySelector('.image-down');
			up.disabled = i === 0;
			down.disabled = i === rows().length - 1;
			up.setAttribute('aria-label', `Move picture ${i + 1} up`);
			down.setAttribute('aria-label', `Move picture ${i + 1} down`);
		});
		if (moved)
			status.textContent = `Picture moved to position ${rows().indexOf(moved) + 1} of ${rows().length}. Save to keep the order.`;
	};
	const button = (cls, text) => {
		const b = document.createElement('button');
		b.type = 'button';
		b.className = `button small secondary ${cls}`;
		b.textContent = text;
		return b;
	};
	let dragged = null;
	rows().forEach((row, i) => {
		const tools = document.createElement('span');
		tools.className = 'image-move';
		tools.append(button('image-up', 'Up'), button('image-down', 'Down'));
		row.append(tools);
		row.draggable = true;
		row.addEventListener('dragstart', (e) => {
			// typing in a field must still select text, not start a drag
			if (e.target !== row) {
				e.preventDefault();
				return;
			}
			dragged = row;
			row.classList.add('dragging');
			e.dataTransfer.effectAllowed = 'move';
			e.dataTransfer.setData('text/plain', String(i + 1));
		});
		row.addEventListener('dragend', () => {
			row.classList.remove('dragging');
			dragged = null;
		});
	});
	list.addEventListener('dragover', (e) => {
		const over = e.target.closest?.('.image-row');
		if (!dragged || !over || over === dragged)
			return;
		e.preventDefault();
		const box = over.getBoundingClientRect();
		const after = e.clientY > box.top + box.height / 2;
		over[after ? 'after' : 'before'](dragged);
	});
	list.addEventListener('drop', (e) => {
		if (!dragged)
			return;
		e.preventDefault();
		renumber(dragged);
	});
	list.addEventListener('click', (e) => {
		const b = e.target.closest('.image-up, .image-down');
		if (!b)
			return;
		const row = b.closest('.image-row');
		const up = b.classList.contains('image-up');
		const sibling = up ? row.previousElementSibling : row.nextElementSibling;
		if (!sibling?.classList.contains('image-row'))
			return;
		sibling[up ? 'before' : 'after'](row);
		renumber(row);
		// the focus stays on the button pressed, now in its row's new place (or on the other one at an end)
		(b.disabled ? row.querySelector(up ? '.image-down' : '.image-up') : b).focus();
	});
	renumber(null);
})();
