// video_spot.js: on the studio's video editor, places a tag's hotspot by a click on the paused
// frame: the click's position, in whole percent of the frame, goes into the x and y fields of the
// tag row last worked on (the first row with a product otherwise). Without this file the fields
// are typed by hand, and the form is the same.
(() => {
	const player = document.getElementById('video-spot-player');
	const layer = document.getElementById('video-spot-layer');
	const mark = document.getElementById('video-spot-mark');
	const hint = document.getElementById('video-spot-hint');
	const rows = [...document.querySelectorAll('.video-tag-row')];
	if (!player || !layer || !rows.length)
		return;

	let row = null;
	const product = (r) => r.querySelector('select');
	const current = () => row ?? rows.find((r) => product(r).value) ?? rows[0];
	const label = (r) => {
		const sel = product(r);
		return sel.value ? sel.options[sel.selectedIndex].textContent : `product ${r.dataset.row}`;
	};
	function say() {
		hint.textContent = `Pause the video, then click the frame to place the hotspot of ${label(current())}. `
			+ 'Choose another product by clicking into its row.';
	}
	function show(r) {
		const x = r.querySelector('[name$="_x"]').value, y = r.querySelector('[name$="_y"]').value;
		mark.hidden = x === '' || y === '';
		mark.style.left = `${x}%`;
		mark.style.top = `${y}%`;
	}
	for (const r of rows) {
		r.addEventListener('focusin', () => {
			row = r;
			say();
			show(r);
		});
	}
	// The layer covers the frame only while paused, so the player's own controls work when it plays.
	const sync = () => { layer.hidden = !player.paused; };
	player.addEventListener('play', sync);
	player.addEventListener('pause', sync);
	layer.addEventListener('click', (e) => {
		const box = player.getBoundingClientRect();
		const pct = (v, size) => Math.max(0, Math.min(100, Math.round((v / size) * 100)));
		const r = current();
		r.querySelector('[name$="_x"]').value = pct(e.clientX - box.left, box.width);
		r.querySelector('[name$="_y"]').value = pct(e.clientY - box.top, box.height);
		const start = r.querySelector('[name$="_start"]');
		if (!start.value) {
			const s = Math.floor(player.currentTime);
			start.value = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
		}
		show(r);
		hint.textContent = `Hotspot of ${label(r)} placed at ${r.querySelector('[name$="_x"]').value}% across, `
			+ `${r.querySelector('[name$="_y"]').value}% down.`;
	});
	hint.setAttribute('aria-live', 'polite');
	say();
	show(current());
	sync();
})();
