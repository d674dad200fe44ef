/* Accord website snippet: page views and form fills, nothing else. No cookies; an anonymous id in
   localStorage. Honours Do-Not-Track and Global Privacy Control. Never sends passwords or hidden fields. */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var site = script.getAttribute('data-site');
  var optedOut = navigator.doNotTrack === '1' || window.doNotTrack === '1' || navigator.globalPrivacyControl === true;
  if (!site || optedOut) return;
  var endpoint = new URL('/api/v1/collect', script.src).href;
  var SKIP = /pass|card|cvv|cvc|iban|ssn|secret|token/i;

  function anonymousId() {
    var key = 'accord_aid';
    try {
      var id = localStorage.getItem(key);
      if (!id) {
        id = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + String(Date.now());
        localStorage.setItem(key, id);
      }
      return id;
    } catch (e) {
      return 'session-' + String(Math.random()).slice(2) + String(Date.now());
    }
  }

  function send(event) {
    var body = JSON.stringify({ site: site, anonymousId: anonymousId(), events: [event] });
    try {
      fetch(endpoint, { method: 'POST', mode: 'no-cors', keepalive: true, headers: { 'content-type': 'text/plain' }, body: body });
    } catch (e) {
      /* tracking must never break the page */
    }
  }

  function pageView() {
    send({ type: 'page_view', url: location.href, referrer: document.referrer || undefined, title: document.title.slice(0, 300) });
  }

  function formFields(form) {
    var fields = {};
    var count = 0;
    for (var i = 0; i < form.elements.length && count < 50; i++) {
      var el = form.elements[i];
      if (!el.name || el.name.length > 80 || SKIP.test(el.name)) continue;
      if (el.type === 'password' || el.type === 'hidden' || el.type === 'file' || el.type === 'submit') continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      fields[el.name] = String(el.value).slice(0, 500);
      count++;
    }
    return fields;
  }

  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      if (form && form.elements) send({ type: 'form_submit', url: location.href, fields: formFields(form) });
    },
    true,
  );

  var pushState = history.pushState;
  history.pushState = function () {
    pushState.apply(this, arguments);
    pageView();
  };
  window.addEventListener('popstate', pageView);
  pageView();
})();
