// 维权 dashboard: draws the figures the page embeds as JSON with ECharts (vendored in /lib/echarts).
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

  const pie = counts => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '62%'], data: counts.map(c => ({ name: c.name, value: c.count })) }]
  });
  chart('chart-kind', pie(data.byKind));
  chart('chart-topic', pie(data.byTopic));
  chart('chart-channel', pie(data.byChannel));
  chart('chart-status', {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.byStatus.map(s => s.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: data.byStatus.map(s => s.count) }]
  });
  // Union names are long and many: one row each down the side, so labels never overlap.
  const element = document.getElementById('chart-children');
  if (element) element.style.height = Math.max(200, data.children.length * 42 + 80) + 'px';
  chart('chart-children', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: data.children.map(c => c.orgName), axisLabel: { interval: 0, width: 150, overflow: 'truncate', ellipsis: '…' } },
    xAxis: { type: 'value' },
    series: [
      { name: data.labels.cases, type: 'bar', data: data.children.map(c => c.cases) },
      { name: data.labels.open, type: 'bar', data: data.children.map(c => c.open) }
    ]
  });
})();
