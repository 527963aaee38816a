// 透明日志 page: the tree's growth as a line chart, and the inclusion proof on the page checked again in the reader's
// browser (RFC 9162 section 2.1.3.2, SHA-256 by WebCrypto), so the answer does not rest on the platform's word.
(function () {
  var chartElement = document.getElementById('growth-chart');
  if (chartElement && window.echarts) {
    var data = JSON.parse(chartElement.getAttribute('data-chart'));
    chartElement.setAttribute('role', 'img');
    chartElement.setAttribute('aria-label', data.title + '：' + data.labels.map(function (l, i) { return l + ' ' + data.values[i]; }).join('，'));
    var chart = echarts.init(chartElement);
    chart.setOption({
      title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'axis' },
      grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', minInterval: 1, scale: true },
      series: [{ type: 'line', step: 'end', data: data.values, itemStyle: { color: '#1f4e96' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var proofElement = document.getElementById('proof');
  var verdict = document.getElementById('browser-check');
  if (!proofElement || !verdict) {
    return;
  }
  var proof = JSON.parse(proofElement.getAttribute('data-proof'));
  if (!window.crypto || !window.crypto.subtle) {
    // WebCrypto exists only on https (or localhost): say so rather than pretend
    verdict.textContent = verdict.getAttribute('data-unavailable');
    verdict.setAttribute('data-result', 'unavailable');
    return;
  }
  function bytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) { out[i] = parseInt(hex.substr(2 * i, 2), 16); }
    return out;
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function node(left, right) {
    var joined = new Uint8Array(1 + left.length + right.length);
    joined[0] = 1;
    joined.set(left, 1);
    joined.set(right, 1 + left.length);
    return crypto.subtle.digest('SHA-256', joined).then(function (d) { return new Uint8Array(d); });
  }
  // sizes below 2^53 are exact in JavaScript numbers; halving is Math.floor(x / 2)
  var fn = proof.leafIndex, sn = proof.treeSize - 1;
  var step = Promise.resolve(bytes(proof.leafHash));
  var broken = fn > sn;
  proof.auditPath.forEach(function (siblingHex) {
    var sibling = bytes(siblingHex);
    if (sn === 0) { broken = true; return; }
    if (fn % 2 === 1 || fn === sn) {
      step = step.then(function (r) { return node(sibling, r); });
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      step = step.then(function (r) { return node(r, sibling); });
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  });
  step.then(function (root) {
    var ok = !broken && sn === 0 && hex(root) === proof.root;
    verdict.textContent = verdict.getAttribute(ok ? 'data-ok' : 'data-bad');
    verdict.setAttribute('data-result', ok ? 'ok' : 'bad');
    verdict.className = ok ? 'ok' : 'field-error';
  });
})();
