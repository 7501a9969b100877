// live-studio.js: on the creator's control panel (/studio/live/{id}), polls the session's public
// events (/live/{id}/events) every second and, when viewers asked, voted, chatted or questions
// changed, fetches this panel again and swaps in its questions and chat sections (server-rendered
// and escaped, with fresh forms), unless the creator is typing an answer. Without this file a
// reload does the same.
(() => {
	const panel = document.getElementById('live-panel');
	if (!panel)
		return;
	const id = panel.dataset.live;
	let seq = Number(panel.dataset.seq);
	let pending = false;

	function typing() {
		const a = document.activeElement;
		return [...document.querySelectorAll('#live-panel-questions textarea')].some((t) => t === a || t.value !== '');
	}

	async function refresh() {
		if (typing()) {
			pending = true;
			return;
		}
		pending = false;
		const res = await fetch(location.pathname, { credentials: 'same-origin', cache: 'no-store' });
		if (!res.ok)
			return;
		const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
		for (const section of ['live-panel-questions', 'live-panel-chat']) {
			const fresh = doc.getElementById(section);
			const mine = document.getElementById(section);
			if (fresh && mine)
				mine.replaceWith(document.importNode(fresh, true));
		}
	}

	async function poll() {
		try {
			const res = await fetch(`/live/${id}/events?after=${seq}`, { credentials: 'same-origin', cache: 'no-store' });
			if (res.ok) {
				const data = await res.json();
				const news = data.reset || data.events.some((e) => e.kind !== 'pin' && e.kind !== 'state');
				seq = Math.max(seq, data.seq);
				if (news || pending)
					await refresh();
			}
		} catch {
			// Tried again on the next tick.
		}
		setTimeout(poll, 1000);
	}
	setTimeout(poll, 1000);
})();
