// Bar charts of the supervision workspace from data attributes:
// <div class="figure" data-chart='{"title":..,"labels":[..],"series":[{"name":..,"values":[..]}]}'>.
document.querySelectorAll('.figure[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  chart.setOption({
    title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'bar', data: s.values, itemStyle: { color: '#1f4e96' } };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
