// The opening hall updates live: the server says "changed" over server-sent events and the page fetches the hall
// again with its own session (so each viewer sees what it may). EventSource reconnects by itself; every (re)connect
// fetches the hall too, so nothing is missed while the connection was down.
(function () {
  var page = document.getElementById('opening-page');
  if (!page || !window.EventSource) {
    return;
  }
  var connection = document.getElementById('connection');
  var hallUrl = page.getAttribute('data-hall-url');
  function refresh() {
    fetch(hallUrl, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var hall = document.getElementById('hall');
        var parsed = document.createElement('template');
        parsed.innerHTML = html.trim();
        if (parsed.content.firstElementChild && parsed.content.firstElementChild.isEqualNode(hall)) {
          return; // nothing this viewer sees has changed: leave the page (and a click under way) alone
        }
        // what the viewer has typed (a content key, a share, an objection) survives the replacement, and so does focus
        var typed = {};
        hall.querySelectorAll('input[id], textarea[id]').forEach(function (field) {
          if (field.type !== 'hidden' && field.value) {
            typed[field.id] = field.value;
          }
        });
        var focusedId = document.activeElement && hall.contains(document.activeElement) ? document.activeElement.id : null;
        hall.outerHTML = html;
        Object.keys(typed).forEach(function (id) {
          var field = document.getElementById(id);
          if (field && !field.value) {
            field.value = typed[id];
          }
        });
        var refocus = focusedId && document.getElementById(focusedId);
        if (refocus) {
          refocus.focus();
        }
      });
  }
  var source = new EventSource(page.getAttribute('data-events-url'));
  var connectedBefore = false;
  source.addEventListener('changed', function (event) {
    connection.textContent = connection.getAttribute('data-live');
    if (event.data === 'connected' && !connectedBefore) {
      connectedBefore = true; // the page was just rendered: nothing to fetch on the first connect, only on reconnects
      return;
    }
    refresh();
  });
  source.onerror = function () {
    connection.textContent = connection.getAttribute('data-lost');
  };
})();
