// Member card page: fetch a freshly signed token and its QR code now and every refreshSeconds; a code
// on screen is never older than that, and a stale one is hidden rather than shown when the phone is offline.
(function () {
    const qr = document.getElementById('card-qr');
    if (!qr) {
        return;
    }

    const hint = document.getElementById('qr-hint');
    const tokenBox = document.getElementById('card-token');
    const antiforgery = document.querySelector('input[name="__RequestVerificationToken"]');
    let timer = null;

    async function refresh() {
        let seconds = 30;
        try {
            const body = new URLSearchParams();
            if (antiforgery) {
                body.append('__RequestVerificationToken', antiforgery.value);
            }

            const response = await fetch('?handler=Token', { method: 'POST', body, credentials: 'same-origin' });
            if (response.status === 409) {
                window.location.reload();
                return;
            }

            if (!response.ok) {
                throw new Error(String(response.status));
            }

            const data = await response.json();
            qr.innerHTML = data.svg;
            tokenBox.value = data.token;
            qr.dataset.expiresAt = data.expiresAt;
            hint.textContent = hint.dataset.refreshing;
            seconds = data.refreshSeconds;
        } catch {
            qr.innerHTML = '';
            tokenBox.value = '';
            hint.textContent = hint.dataset.offline;
            seconds = 5;
        }

        clearTimeout(timer);
        timer = setTimeout(refresh, seconds * 1000);
    }

    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            refresh();
        }
    });
    refresh();
})();
