// Analytics charts from data attributes: <div class="analytics-chart" data-chart='{"title":..,"labels":[..],"values":[..],
// "previousYear":[..],"yoy":[..],"mom":[..],"links":[..],"names":[current, previous year, yoy, mom]}'>.
// Bars are this period, the line the same period a year before; the tooltip gives both changes; a bar leads to the
// facts behind it. Labels turn rather than overlap (YiwangCharts from charts.js).
document.querySelectorAll('.analytics-chart[data-chart]').forEach(function (element) {
  var data = JSON.parse(element.getAttribute('data-chart'));
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', data.title + '：' + data.labels.map(function (l, i) {
    return l + ' ' + (data.values[i] === null ? '—' : data.values[i]);
  }).join('，'));
  var chart = echarts.init(element);
  function pct(v) { return v === null || v === undefined ? '—' : (v > 0 ? '+' : '') + v + '%'; }
  function draw() {
    var label = YiwangCharts.axisLabel(data.labels, element.clientWidth);
    chart.setOption({
      title: { text: data.title, left: 'left', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      legend: { top: 24, data: [data.names[0], data.names[1]] },
      tooltip: { trigger: 'axis', formatter: function (items) {
        var i = items[0].dataIndex;
        return data.labels[i] + '<br>' + data.names[0] + ' ' + (data.values[i] === null ? '—' : data.values[i]) + '<br>' +
          data.names[1] + ' ' + (data.previousYear[i] === null ? '—' : data.previousYear[i]) + '<br>' +
          data.names[2] + ' ' + pct(data.yoy[i]) + '<br>' + data.names[3] + ' ' + pct(data.mom[i]);
      } },
      grid: { left: 10, right: 20, top: 60, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: label },
      yAxis: { type: 'value' },
      series: [
        { name: data.names[0], type: 'bar', data: data.values, itemStyle: { color: '#1f4e96' }, cursor: 'pointer' },
        { name: data.names[1], type: 'line', data: data.previousYear, itemStyle: { color: '#c8842a' } }
      ]
    });
  }
  draw();
  chart.on('click', function (event) {
    if (event.seriesIndex === 0 && data.links[event.dataIndex]) {
      window.location.href = data.links[event.dataIndex];
    }
  });
  window.addEventListener('resize', function () { chart.resize(); draw(); });
});
