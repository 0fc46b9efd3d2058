// 送温暖 dashboard: draws the figures the page embeds as JSON with ECharts (vendored in /lib/echarts).
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const red = ['#c8161d', '#e8553e', '#f29b76', '#f6c7a8', '#8c1c13', '#d4a373', '#6c757d', '#adb5bd'];

  function chart(id, option) {
    const element = document.getElementById(id);
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    instance.setOption(Object.assign({ color: red, animation: false }, option));
    window.addEventListener('resize', () => instance.resize());
  }

  chart('chart-causes', {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.byCause.map(c => ({ name: c.cause, value: c.households })) }]
  });
  chart('chart-paid', {
    tooltip: { trigger: 'axis' },
    grid: { left: 80, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: data.paidByProgram.map(p => p.program), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: data.labels.yuan },
    series: [{ type: 'bar', data: data.paidByProgram.map(p => p.paid) }]
  });
  chart('chart-children', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 100 },
    xAxis: { type: 'category', data: data.children.map(c => c.orgName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: data.labels.households, type: 'bar', data: data.children.map(c => c.households) },
      { name: data.labels.visited, type: 'bar', data: data.children.map(c => c.visited) },
      { name: data.labels.helped, type: 'bar', data: data.children.map(c => c.helped) }
    ]
  });
})();
