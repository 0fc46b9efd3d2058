// Hardship form: 添加家庭成员 adds an empty household row, numbered after the last, up to the server's limit.
(function () {
    const household = document.getElementById('household');
    const add = document.getElementById('household-add');
    if (!household || !add || add.dataset.ready) {
        return;
    }

    add.dataset.ready = 'true';
    const max = Number(household.dataset.max);
    const full = document.getElementById('household-full');
    const rows = () => household.querySelectorAll('.household-row');
    const showLimit = () => {
        const atLimit = rows().length >= max;
        add.classList.toggle('d-none', atLimit);
        if (full) {
            full.classList.toggle('d-none', !atLimit);
        }
    };

    add.addEventListener('click', () => {
        const all = rows();
        const last = all[all.length - 1];
        const index = all.length;
        const row = last.cloneNode(true);
        row.dataset.row = String(index + 1);
        // Model binding needs the indexes without gaps: Form.Household[0] … [n].
        row.querySelectorAll('[name]').forEach(field => {
            field.name = field.name.replace(/\[\d+\]/, `[${index}]`);
            if (field.tagName === 'SELECT') {
                field.selectedIndex = 0;
            } else {
                field.value = '';
            }
        });
        row.querySelectorAll('.text-danger').forEach(message => { message.textContent = ''; });
        row.querySelector('.small.text-muted').textContent = household.dataset.rowLabel.replace('{n}', String(index + 1));
        last.after(row);
        row.querySelector('input').focus();
        showLimit();
    });
    showLimit();
})();
