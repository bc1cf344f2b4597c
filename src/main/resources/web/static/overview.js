// Draws the Overview charts from /api/overview. Values reach the page only as chart data and
// text set through the DOM (never as HTML), so tag values cannot inject markup.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var palette = ['#2f6fdb', '#e07b39', '#3aa57a', '#c0504d', '#8064a2', '#4bacc6', '#f2c14e', '#7f8c8d', '#d35400', '#16a085'];

  function bar(id, map, label, money) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var keys = Object.keys(map).filter(function (k) { return map[k] > 0; }).slice(0, 12);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: keys, datasets: [{ label: label, data: keys.map(function (k) { return map[k]; }),
        backgroundColor: keys.map(function (_, i) { return palette[i % palette.length]; }) }] },
      options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, plugins: { legend: { display: false },
        tooltip: { callbacks: { label: function (c) { return money ? '$' + c.parsed.x.toFixed(2) : String(c.parsed.x); } } } } }
    });
  }

  // One line per rule (findings open at each snapshot) plus the monthly cost on its own axis.
  function trend(points) {
    var canvas = document.getElementById('chart-trend');
    if (!canvas) return;
    var labels = points.map(function (p) { return p.takenAt ? p.takenAt.substring(0, 16).replace('T', ' ') : '#' + p.snapshotId; });
    var rules = [];
    points.forEach(function (p) {
      Object.keys(p.findingsByRule || {}).forEach(function (r) { if (rules.indexOf(r) < 0) rules.push(r); });
    });
    rules.sort();
    var datasets = rules.map(function (r, i) {
      return { label: r, data: points.map(function (p) { return (p.findingsByRule || {})[r] || 0; }),
        borderColor: palette[(i + 3) % palette.length], backgroundColor: palette[(i + 3) % palette.length], yAxisID: 'y',
        pointRadius: points.length > 20 ? 0 : 3 };
    });
    datasets.push({ label: 'cost/month ($)', data: points.map(function (p) { return p.monthlyCost; }), borderColor: '#2f6fdb',
      backgroundColor: '#2f6fdb', borderDash: [6, 4], yAxisID: 'y1', pointRadius: points.length > 20 ? 0 : 3 });
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: { y: { position: 'left', beginAtZero: true, title: { display: true, text: 'open findings' } },
          y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: '$/month' } } } }
    });
  }

  window.labcloudCharts('/api/overview', function (o) {
    bar('chart-cost-by-region', o.costByRegion, 'cost/month', true);
    bar('chart-cost-by-type', o.costByType, 'cost/month', true);
    bar('chart-cost-by-project', o.costByProject, 'cost/month', true);
    bar('chart-cost-by-owner', o.costByOwner, 'cost/month', true);
    bar('chart-findings-by-rule', o.findingsByRule, 'findings', false);
    trend(o.trend || []);
  });
}());
