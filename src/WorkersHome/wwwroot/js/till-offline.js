// Till offline: keep the verification keys, the revocation list and this shop's offers cached; when the phone has no
// connection, verify a code here (ES256 via WebCrypto, expiry, revocation) and queue the sale; send the queue
// when the connection is back. The server checks every queued sale as of its time and records each once.
(function () {
    const CACHE = 'wh-till-cache';
    const QUEUE = 'wh-till-queue';
    const form = document.getElementById('check-form');
    const panel = document.getElementById('offline-panel');
    const status = document.getElementById('sync-status');
    if (!form || !panel) {
        return;
    }

    const text = panel.dataset;
    const read = (name, fallback) => JSON.parse(localStorage.getItem(name) || fallback);
    const queue = () => read(QUEUE, '[]');

    async function refreshCache() {
        try {
            const [keys, revocations, offers] = await Promise.all(['/api/cards/keys', '/api/cards/revocations', '/api/till/offers']
                .map(url => fetch(url, { credentials: 'same-origin' }).then(r => { if (!r.ok) { throw new Error(url); } return r.json(); })));
            localStorage.setItem(CACHE, JSON.stringify({ keys: keys.keys, revocations: revocations.cards, offers, savedAt: Date.now() }));
        } catch {
            // Keep the previous cache: it stays good for a day.
        }
    }

    async function sync() {
        const pending = queue();
        if (pending.length === 0 || !navigator.onLine) {
            showQueue();
            return;
        }

        try {
            const response = await fetch('/api/till/redemptions/sync', {
                method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pending),
            });
            if (!response.ok) {
                throw new Error(String(response.status));
            }

            const results = await response.json();
            const done = new Set(results.map(r => r.clientId));
            localStorage.setItem(QUEUE, JSON.stringify(queue().filter(s => !done.has(s.clientId))));
            const recorded = results.filter(r => r.recorded).length;
            const refused = results.filter(r => !r.recorded);
            status.textContent = text.synced.replace('{0}', recorded) + refused.map(r => ' ' + r.error).join('');
            status.classList.remove('d-none');
        } catch {
            showQueue();
        }
    }

    function showQueue() {
        const n = queue().length;
        status.classList.toggle('d-none', n === 0);
        status.textContent = text.pending.replace('{0}', n);
    }

    function bytesOf(base64url) {
        const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((base64url.length + 3) % 4);
        return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    }

    function guidOf(bytes) {
        const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }

    // The same checks, in the same order, as the server's verifier (docs/adr/0008).
    async function verify(token, cache) {
        token = token.trim();
        if (!token.startsWith('WHC1.')) {
            return { ok: false, reason: text.malformed };
        }

        let bytes;
        try {
            bytes = bytesOf(token.slice(5));
        } catch {
            return { ok: false, reason: text.malformed };
        }

        const kidLength = bytes[1];
        const bodyLength = 2 + kidLength + 16 + 4 + 8;
        if (bytes[0] !== 1 || kidLength < 1 || kidLength > 8 || bytes.length !== bodyLength + 64) {
            return { ok: false, reason: text.malformed };
        }

        const kid = String.fromCharCode(...bytes.slice(2, 2 + kidLength));
        const jwk = (cache.keys || []).find(k => k.kid === kid);
        if (!jwk) {
            return { ok: false, reason: text.unknownKey };
        }

        const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bytes.slice(bodyLength), bytes.slice(0, bodyLength));
        if (!valid) {
            return { ok: false, reason: text.badSignature };
        }

        const at = 2 + kidLength;
        const cardId = guidOf(bytes.slice(at, at + 16));
        const view = new DataView(bytes.buffer, at + 16, 4);
        if (Date.now() / 1000 > view.getUint32(0) + 10) {
            return { ok: false, reason: text.expired };
        }

        if ((cache.revocations || []).some(r => r.cardId === cardId)) {
            return { ok: false, reason: text.revoked };
        }

        return { ok: true, reason: text.valid };
    }

    form.addEventListener('submit', async event => {
        if (navigator.onLine) {
            return;
        }

        event.preventDefault();
        const cache = read(CACHE, '{}');
        const token = document.getElementById('Token').value;
        const stale = !cache.savedAt || Date.now() - cache.savedAt > 24 * 3600 * 1000;
        const result = stale ? { ok: false, reason: text.stale } : await verify(token, cache);
        const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
        const offers = (cache.offers || []).filter(o => o.validFrom <= today && o.validTo >= today);
        panel.classList.remove('d-none');
        panel.querySelector('[data-verdict]').textContent = result.reason;
        panel.querySelector('[data-verdict]').className = result.ok ? 'fs-5 fw-semibold text-success' : 'fs-5 fw-semibold text-danger';
        const choose = panel.querySelector('[data-offers]');
        choose.replaceChildren(...offers.map((o, i) => {
            const label = document.createElement('label');
            label.className = 'form-check';
            label.innerHTML = `<input class="form-check-input" type="radio" name="offline-offer" value="${o.id}" ${i === 0 ? 'checked' : ''}> <span class="form-check-label"></span>`;
            label.querySelector('span').textContent = o.description;
            return label;
        }));
        panel.querySelector('[data-record]').classList.toggle('d-none', !result.ok || offers.length === 0);
        panel.dataset.token = result.ok ? token.trim() : '';
    });

    panel.querySelector('[data-record]').addEventListener('click', () => {
        const offer = panel.querySelector('input[name="offline-offer"]:checked');
        const amount = Number(panel.querySelector('[data-amount]').value);
        if (!offer || !(amount > 0) || !panel.dataset.token) {
            return;
        }

        const pending = queue();
        if (!pending.some(s => s.token === panel.dataset.token)) {
            pending.push({ clientId: crypto.randomUUID(), token: panel.dataset.token, offerId: Number(offer.value), saleAmount: amount, recordedAt: new Date().toISOString() });
            localStorage.setItem(QUEUE, JSON.stringify(pending));
        }

        panel.querySelector('[data-verdict]').textContent = text.queued;
        panel.querySelector('[data-record]').classList.add('d-none');
        panel.dataset.token = '';
        document.getElementById('Token').value = '';
        showQueue();
    });

    window.addEventListener('online', async () => {
        await sync();
        await refreshCache();
    });

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/shop-sw.js', { scope: '/shop' }).catch(() => { });
    }

    if (navigator.onLine) {
        refreshCache().then(sync);
    } else {
        showQueue();
    }
})();
