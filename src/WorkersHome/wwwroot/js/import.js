// Follows a background import: polls its state and fills in the progress bar and the result.
(function () {
  const card = document.getElementById('import-result');
  if (!card || card.dataset.finished === 'true') return;
  const bar = document.getElementById('import-bar');
  const status = document.getElementById('import-status');
  const report = document.getElementById('error-report');
  const format = (text, values) => text.replace(/\{(\d)\}/g, (_, i) => values[i]);

  async function poll() {
    let view;
    try {
      const response = await fetch('/api/members/imports/' + card.dataset.import, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.status);
      view = await response.json();
    } catch {
      setTimeout(poll, 3000);
      return;
    }

    bar.style.width = view.percent + '%';
    bar.textContent = view.percent + '%';
    bar.parentElement.setAttribute('aria-valuenow', view.percent);
    if (view.state === 'Queued') {
      status.textContent = status.dataset.queued;
    } else if (view.state === 'Running') {
      status.textContent = format(status.dataset.running, [view.processed.toLocaleString()]);
    } else {
      // Finished: the page itself shows the result and any further actions.
      location.reload();
      return;
    }
    setTimeout(poll, 1000);
  }

  setTimeout(poll, 500);
})();
