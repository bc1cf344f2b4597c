// Shared by the pages with charts: fetches the page's data and hands it to the page's drawing
// function; on any failure the page says so in a banner (set as text, never as HTML) and marks
// <body data-charts> so that tests and scripts can tell drawn from failed.
(function () {
  'use strict';
  window.labcloudCharts = function (url, draw) {
    fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (o) {
      draw(o);
      document.body.setAttribute('data-charts', 'ready');
    }).catch(function (e) {
      document.body.setAttribute('data-charts', 'failed');
      var p = document.createElement('p');
      p.className = 'banner error';
      p.textContent = 'Charts unavailable: ' + e.message;
      document.querySelector('main').prepend(p);
    });
  };
}());
