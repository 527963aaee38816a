// Bar charts from data attributes: <div class="chart" data-chart='{"title":..,"labels":[..],"values":[..]}'>.
document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  chart.setOption({
    title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 20 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e96' }, label: { show: true, position: 'top' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
