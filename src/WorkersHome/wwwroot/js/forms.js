// Behaviour that pages declare in markup, so that no page needs inline script (the CSP allows none):
// <form data-confirm="…"> asks before submitting; <select data-autosubmit> submits its form when changed.
(function () {
    document.addEventListener('submit', event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });
    document.addEventListener('change', event => {
        const field = event.target;
        if (field instanceof HTMLSelectElement && field.hasAttribute('data-autosubmit') && field.form) {
            field.form.requestSubmit();
        }
    });
})();
