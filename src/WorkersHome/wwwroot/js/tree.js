// Lazy-expanding organisation tree: children are fetched as an HTML fragment on first expand.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('.wh-tree button.toggle');
  if (!button) return;
  const item = button.closest('li');
  const open = button.getAttribute('aria-expanded') === 'true';
  const loaded = item.querySelector(':scope > ul');
  if (open) {
    if (loaded) loaded.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = '▸';
    return;
  }
  if (loaded) {
    loaded.hidden = false;
  } else {
    button.disabled = true;
    const response = await fetch('/Organizations/Children?id=' + encodeURIComponent(item.dataset.id), { credentials: 'same-origin' });
    button.disabled = false;
    if (!response.ok) return;
    item.insertAdjacentHTML('beforeend', await response.text());
  }
  button.setAttribute('aria-expanded', 'true');
  button.textContent = '▾';
});
