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
        var focused = document.activeElement && hall.contains(document.activeElement) && document.activeElement.value;
        if (focused) {
          return; // someone is typing in the hall: keep their text; the next change refreshes
        }
        hall.outerHTML = html;
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
