// Draws the Spend charts from /api/spend: monthly spend per Project (stacked bars) and this month's
// spend by day, cumulative, with the forecast to the month's end. Values reach the page only as
// chart data and DOM text, never as HTML.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var palette = ['#2f6fdb', '#e07b39', '#3aa57a', '#c0504d', '#8064a2', '#4bacc6', '#f2c14e', '#7f8c8d', '#d35400', '#16a085'];

  function monthly(months) {
    var canvas = document.getElementById('chart-monthly');
    if (!canvas) return;
    var groups = [];
    months.forEach(function (m) {
      Object.keys(m.groups || {}).forEach(function (g) { if (groups.indexOf(g) < 0) groups.push(g); });
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: months.map(function (m) { return m.month; }),
        datasets: groups.map(function (g, i) {
          return { label: g, data: months.map(function (m) { return (m.groups || {})[g] || 0; }),
            backgroundColor: palette[i % palette.length] };
        }) },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'USD' } } } }
    });
  }

  function daily(s) {
    var canvas = document.getElementById('chart-daily');
    if (!canvas) return;
    var start = new Date(s.period.monthStart + 'T00:00:00Z');
    var end = new Date(s.period.monthEnd + 'T00:00:00Z');
    var labels = [];
    for (var d = new Date(start); d < end; d.setUTCDate(d.getUTCDate() + 1)) labels.push(d.toISOString().substring(0, 10));
    var byDate = {};
    (s.daily || []).forEach(function (p) { byDate[p.date] = p.amount; });
    var total = 0;
    var actual = labels.map(function (l) {
      if (!(l in byDate)) return null;
      total += byDate[l];
      return Math.round(total * 100) / 100;
    });
    var forecast = labels.map(function () { return null; });
    var f = s.forecast || {};
    if (f.monthEnd !== null && f.monthEnd !== undefined) {
      var last = -1;
      actual.forEach(function (v, i) { if (v !== null) last = i; });
      if (last >= 0) forecast[last] = actual[last];
      forecast[labels.length - 1] = f.monthEnd;
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: [
        { label: 'spent so far ($)', data: actual, borderColor: '#2f6fdb', backgroundColor: '#2f6fdb', pointRadius: 2 },
        { label: 'forecast (' + (f.source || 'none') + ')', data: forecast, borderColor: '#e07b39', backgroundColor: '#e07b39',
          borderDash: [6, 4], spanGaps: true, pointRadius: 3 }] },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'USD, cumulative' } } } }
    });
  }

  window.labcloudCharts('/api/spend', function (o) {
    if (o.spend) {
      monthly(o.spend.monthlyByProject || []);
      daily(o.spend);
    }
  });
}());
