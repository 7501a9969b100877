// share.js: the storefront's share button: the phone's share sheet (Web Share API) where there is
// one, else the link copied to the clipboard. Without this file the button stays hidden and the
// link beside it is there to copy by hand.
(() => {
	for (const button of document.querySelectorAll('button[data-share-url]')) {
		const status = document.getElementById(button.getAttribute('aria-describedby'));
		const url = new URL(button.dataset.shareUrl, location.href).href;
		if (!navigator.share && !navigator.clipboard)
			continue;
		button.hidden = false;
		button.addEventListener('click', async () => {
			try {
				if (navigator.share) {
					await navigator.share({ title: document.title, url });
					return;
				}
				await navigator.clipboard.writeText(url);
				if (status)
					status.textContent = 'Link copied.';
			} catch {
				// The visitor closed the share sheet, or the clipboard was refused: nothing to say.
			}
		});
	}
})();
