// The live auction page: state by server-sent events (EventSource reconnects by itself and the server sends the
// whole state on every connection), a countdown from the server's clock, the client's drift, and bids posted with an
// idempotency key so that a retry never bids twice.
(function () {
  var root = document.getElementById('live');
  if (!root) { return; }
  var labels = document.getElementById('labels').dataset;
  var myNumber = root.dataset.myNumber || null;
  var offset = 0;        // server time minus client time, ms
  var state = null;
  var pendingKey = null; // the key of a bid not yet answered, reused on retry
  var $ = function (id) { return document.getElementById(id); };
  // Amounts arrive as JSON numbers (yuan with two decimals); shown with both decimals.
  var yuan = function (v) { return v == null ? '—' : Number(v).toFixed(2); };
  var kind = root.dataset.kind || 'ENGLISH';
  var clock = function (left) {
    var h = Math.floor(left / 3600000), m = Math.floor(left % 3600000 / 60000), sec = Math.floor(left % 60000 / 1000);
    return (h > 0 ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(sec).padStart(2, '0');
  };

  // Bid times are the platform's, in Beijing time whatever zone the browser is in (the column says so).
  function beijingTime(instant) {
    return new Date(instant).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  function render(s) {
    state = s;
    offset = Date.parse(s.serverTime) - Date.now();
    $('drift').textContent = (offset / 1000).toFixed(2) + ' s';
    $('price').textContent = yuan(s.price);
    $('status').textContent = s.status === 'RUNNING' ? labels.running : s.status === 'SOLD' ? labels.sold : labels.failedStatus;
    $('leader').textContent = s.leaderNumber ? labels.leader + ' ' + s.leaderNumber : '';
    var body = document.querySelector('#bid-history tbody');
    body.innerHTML = '';
    s.bids.forEach(function (b) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-seq', b.seq);
      if (b.bidderNumber === myNumber) { tr.className = 'mine'; }
      [b.seq, b.bidderNumber, yuan(b.amount), beijingTime(b.placedAt)]
        .forEach(function (v) { var td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
    if (myNumber && $('my-rank')) {
      var rank = s.ranking.findIndex(function (b) { return b.bidderNumber === myNumber; });
      $('my-rank').textContent = rank < 0 ? '—' : String(rank + 1);
    }
    var amount = $('amount');
    if (amount && s.minimumBid != null && (amount.value === '' || Number(amount.value) < Number(s.minimumBid))) {
      amount.value = yuan(s.minimumBid);
    }
    if (s.status !== 'RUNNING') {
      var w = $('winner');
      w.hidden = false;
      w.textContent = s.status === 'SOLD' ? labels.winner + ' ' + s.leaderNumber + (s.winnerName ? ' · ' + s.winnerName : '') + ' · ' + yuan(s.price)
        : labels.failed;
      ['bid-form', 'accept-form', 'sealed-form'].forEach(function (id) { if ($(id)) { $(id).hidden = true; } });
    }
    tick();
  }

  function tick() {
    if (!state) { return; }
    var now = Date.now() + offset;
    var el = $('countdown');
    if (state.status !== 'RUNNING') { el.textContent = labels.ended; $('phase').textContent = ''; return; }
    var start = Date.parse(state.startsAt), timed = Date.parse(state.timedFrom), end = Date.parse(state.endsAt);
    if (now < start) { $('phase').textContent = labels.notStarted; }
    else if (kind === 'DUTCH') { $('phase').textContent = labels.dutch; }
    else if (kind === 'SEALED') { $('phase').textContent = labels.sealedPhase; }
    else { $('phase').textContent = now < timed ? labels.free : labels.timed; }
    // A running Dutch auction has no end on show: it would tell where the price stops (the reserve).
    el.textContent = state.endsAt ? clock(Math.max(0, end - now)) : '—';
    // Dutch: the server pushes each step; between them the page counts down to the next from the server's clock.
    if ($('next-step') && state.nextStepAt) { $('next-step').textContent = clock(Math.max(0, Date.parse(state.nextStepAt) - now)); }
  }
  setInterval(tick, 250);

  var events = new EventSource(root.dataset.eventsUrl);
  var connection = $('connection');
  events.addEventListener('state', function (e) { render(JSON.parse(e.data)); });
  events.onopen = function () { connection.textContent = connection.dataset.live; connection.className = 'live-ok'; };
  events.onerror = function () { connection.textContent = connection.dataset.lost; connection.className = 'live-lost'; };

  var form = $('bid-form');
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var amount = $('amount').value.trim();
      pendingKey = pendingKey && pendingKey.amount === amount ? pendingKey : { amount: amount, key: newKey() };
      send(pendingKey, 0);
    });
  }

  var acceptForm = $('accept-form');
  var acceptKey = null; // one key per accept click, reused on retry
  if (acceptForm) {
    acceptForm.addEventListener('submit', function (e) {
      e.preventDefault();
      acceptKey = acceptKey || newKey();
      post(root.dataset.acceptUrl, acceptKey, '', $('accept-result'), function (body) {
        return labels.accepted + ' · ' + yuan(body.amount);
      }, 0);
    });
  }

  var sealedForm = $('sealed-form');
  var sealedKey = null;
  function showSealed(body) {
    var p = $('sealed-receipt');
    p.hidden = false;
    p.textContent = p.dataset.label + ' SHA-256: ' + body.commitment + (body.salt ? ' · salt: ' + body.salt : '');
    if (sealedForm) { sealedForm.hidden = true; }
  }
  if (sealedForm) {
    fetch(root.dataset.sealedUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) { if (body && body.commitment) { showSealed(body); } });
    sealedForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var amount = $('sealed-amount').value.trim();
      sealedKey = sealedKey && sealedKey.amount === amount ? sealedKey : { amount: amount, key: newKey() };
      post(root.dataset.bidUrl, sealedKey.key, 'amount=' + encodeURIComponent(amount), $('sealed-result'), function (body) {
        showSealed(body);
        return labels.accepted;
      }, 0);
    });
  }

  function post(url, key, body, result, ok, attempt) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': key, 'Accept': 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        result.className = r.ok ? 'notice' : 'form-errors';
        result.textContent = r.ok ? ok(r.body) : (r.body.detail || r.body.title);
      })
      .catch(function () {
        if (attempt < 3) { setTimeout(function () { post(url, key, body, result, ok, attempt + 1); }, 500 * (attempt + 1)); }
        else { result.className = 'form-errors'; result.textContent = labels.network; }
      });
  }

  function newKey() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + '-' + Math.random().toString(36).slice(2);
  }

  function send(pending, attempt) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': pending.key, 'Accept': 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    var result = $('bid-result');
    fetch(root.dataset.bidUrl, { method: 'POST', headers: headers, body: 'amount=' + encodeURIComponent(pending.amount), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        pendingKey = null;
        result.className = r.ok ? 'notice' : 'form-errors';
        result.textContent = r.ok ? labels.accepted + ' #' + r.body.seq + ' · ' + yuan(r.body.amount) : (r.body.detail || r.body.title);
      })
      .catch(function () {
        // No answer: the bid may or may not have been committed. Retrying with the same key cannot bid twice.
        if (attempt < 3) { setTimeout(function () { send(pending, attempt + 1); }, 500 * (attempt + 1)); }
        else { result.className = 'form-errors'; result.textContent = labels.network; }
      });
  }
})();
