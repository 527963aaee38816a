// Price monitoring: one line per hospital (unit prices paid over time) and the listing price as a step line, from
// <div class="figure" data-chart='{"title":..,"series":[{"name":..,"step":bool,"points":[[epochMillis, price],..]}]}'>.
document.querySelectorAll('#price-chart[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  chart.setOption({
    title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
    tooltip: { trigger: 'item' },
    legend: { top: 24 },
    grid: { left: 70, right: 20, top: 70, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: data.unit },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'line', step: s.step ? 'end' : false, symbolSize: 8, data: s.points,
        lineStyle: s.step ? { type: 'dashed' } : {} };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
