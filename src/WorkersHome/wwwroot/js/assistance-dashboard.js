// 送温暖 dashboard: draws the figures the page embeds as JSON with ECharts (vendored in /lib/echarts).
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const chart = window.whChart;

  chart('chart-causes', {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.byCause.map(c => ({ name: c.cause, value: c.households })) }]
  });
  // Names of programs and unions are long and many: they go down the side, one row each, so no two labels can
  // overlap however many there are; a long one is cut with an ellipsis and shown whole in the tooltip.
  const rowHeight = 28;
  const categoryAxis = names => ({
    type: 'category', inverse: true, data: names,
    axisLabel: { interval: 0, width: 150, overflow: 'truncate', ellipsis: '…' }
  });
  function sized(id, rows, extra) {
    const element = document.getElementById(id);
    if (element) element.style.height = Math.max(200, rows * rowHeight + extra) + 'px';
  }

  sized('chart-paid', data.paidByProgram.length, 60);
  chart('chart-paid', {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    yAxis: categoryAxis(data.paidByProgram.map(p => p.program)),
    xAxis: { type: 'value', name: data.labels.yuan },
    series: [{ type: 'bar', data: data.paidByProgram.map(p => p.paid) }]
  });
  sized('chart-children', data.children.length * 1.5, 80);
  chart('chart-children', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: categoryAxis(data.children.map(c => c.orgName)),
    xAxis: { type: 'value' },
    series: [
      { name: data.labels.households, type: 'bar', data: data.children.map(c => c.households) },
      { name: data.labels.visited, type: 'bar', data: data.children.map(c => c.visited) },
      { name: data.labels.helped, type: 'bar', data: data.children.map(c => c.helped) }
    ]
  });
})();
