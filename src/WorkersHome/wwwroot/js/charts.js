// Shared by the dashboards: draws one ECharts chart (vendored in /lib/echarts) as SVG in the union's colours, redrawn on resize.
window.whChart = function (id, option) {
  const element = document.getElementById(id);
  if (!element) return;
  const instance = echarts.init(element, null, { renderer: 'svg' });
  const red = ['#c8161d', '#e8553e', '#f29b76', '#f6c7a8', '#8c1c13', '#d4a373', '#6c757d', '#adb5bd'];
  instance.setOption(Object.assign({ color: red, animation: false }, option));
  window.addEventListener('resize', () => instance.resize());
};
