// Bar charts from data attributes: <div class="chart" data-chart='{"title":..,"labels":[..],"values":[..]}'>.
// Category labels never overlap: when the widest label does not fit its slot they turn (45°, or 90° when crowded),
// long ones are cut with an ellipsis (the tooltip has the whole name), and the grid makes room for them.
var YiwangCharts = {
  labelWidth: function (labels) {
    var context = document.createElement('canvas').getContext('2d');
    context.font = '12px sans-serif';
    return labels.reduce(function (widest, label) { return Math.max(widest, context.measureText(String(label)).width); }, 0);
  },
  axisLabel: function (labels, width) {
    var slot = (width - 60) / Math.max(1, labels.length);
    var widest = YiwangCharts.labelWidth(labels);
    var rotate = widest + 8 <= slot ? 0 : slot >= 18 ? 45 : 90;
    return { interval: 0, rotate: rotate, hideOverlap: true, width: rotate ? 96 : Math.max(slot - 4, 24), overflow: 'truncate' };
  },
  crowded: function (labels, width) {
    // more bars than the width can show each name for: every name still shows, one after another, on a turned axis
    return (width - 60) / Math.max(1, labels.length) < 14;
  }
};
document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', data.title + '：' + data.labels.map(function (l, i) { return l + ' ' + data.values[i]; }).join('，'));
  var chart = echarts.init(element);
  function draw() {
    var label = YiwangCharts.axisLabel(data.labels, element.clientWidth);
    element.setAttribute('data-label-rotate', label.rotate);
    chart.setOption({
      title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'axis' },
      grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: label },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e96' },
        label: { show: !YiwangCharts.crowded(data.labels, element.clientWidth) && data.labels.length <= 24, position: 'top' } }]
    });
  }
  draw();
  window.addEventListener('resize', function () { chart.resize(); draw(); });
});
