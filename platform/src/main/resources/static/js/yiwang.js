// htmx requests carry the CSRF token that the page's meta tags name.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Buttons that ask before acting: <button data-confirm="...">.
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-confirm]');
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
// The region field of the new-account form only matters for region-scoped roles.
document.addEventListener('change', function (event) {
  if (event.target.matches('[data-kind-select]')) {
    var machine = event.target.value === 'MACHINE';
    document.querySelectorAll('[data-person-only]').forEach(function (el) { el.hidden = machine; });
  }
});
