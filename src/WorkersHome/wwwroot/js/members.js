// Full ID and phone are fetched one record at a time, on request; the server audits every reveal.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('#members button.reveal');
  if (!button) return;
  const row = button.closest('tr');
  button.disabled = true;
  const response = await fetch('/api/members/' + row.dataset.member + '/reveal', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) { button.disabled = false; return; }
  const member = await response.json();
  row.querySelector('[data-field=id]').textContent = member.idNumber;
  row.querySelector('[data-field=phone]').textContent = member.phone ?? '';
  button.remove();
});
