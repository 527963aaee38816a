// Grouped bar charts from data attributes: <div class="figure" data-chart='{"title":..,"labels":[..],"series":[{"name":..,"values":[..]}]}'>.
function widest(labels) {
  var context = document.createElement('canvas').getContext('2d');
  context.font = '12px sans-serif';
  return labels.reduce(function (w, label) { return Math.max(w, context.measureText(String(label)).width); }, 0);
}
document.querySelectorAll('.figure[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  var colors = ['#1f4e96', '#c8842a'];
  function draw() {
    chart.setOption({
      title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { left: 10, right: 20, top: 60, bottom: 10, containLabel: true },
      // names turn rather than overlap when the chart is narrow (a phone) or the categories many
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, hideOverlap: true, width: 96, overflow: 'truncate',
        rotate: widest(data.labels) + 8 <= (element.clientWidth - 80) / Math.max(1, data.labels.length) ? 0 : 45 } },
      yAxis: { type: 'value' },
      series: data.series.map(function (s, i) {
        return { name: s.name, type: 'bar', data: s.values, itemStyle: { color: colors[i % colors.length] } };
      })
    });
  }
  draw();
  // the labels' rotation depends on the width: worked out again when the window changes
  window.addEventListener('resize', function () { chart.resize(); draw(); });
});
