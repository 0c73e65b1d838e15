/* global window, document */
/*
 * Toetsblad start-up guard, in ES5 so that every webview Office has ever used
 * can run it (Internet Explorer 11 in Office 2016/2019 volume licence, old
 * Edge/EdgeHTML in Office 2019 retail). It loads before the main bundle.
 * Where the main bundle cannot run (its syntax is ES2017, and Fluent UI and
 * React 18 need a current browser engine), it shows a Dutch and English
 * "Excel te oud / Excel too old" screen instead of a pane stuck on "loading".
 *
 *  - Internet Explorer and EdgeHTML are recognised by their user agent and get
 *    the screen at once; the main bundle sees window.__toetsbladTooOld and
 *    stays out of the way.
 *  - Anywhere else, an error thrown while the main bundle loads (a syntax it
 *    cannot parse, a missing built-in) before it reports that it started
 *    (window.__toetsbladStarted) shows the same screen.
 *
 * Keep this file ES5: test/browser/bundleSyntax.test.ts parses it as ES5.
 */
(function () {
  var shown = false;

  function text(tag, content, style) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(content));
    if (style) el.setAttribute('style', style);
    return el;
  }

  function showTooOld() {
    if (shown) return;
    shown = true;
    window.__toetsbladTooOld = true;
    var container = document.getElementById('container');
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'too-old');
    box.setAttribute('style', "padding:16px;font-family:'Segoe UI',sans-serif;font-size:14px;line-height:1.4");
    box.appendChild(text('h1', 'Excel te oud', 'font-size:18px;margin:0 0 8px'));
    box.appendChild(
      text(
        'p',
        'Deze versie van Excel kan Toetsblad niet uitvoeren. Toetsblad werkt in Microsoft 365 (Windows en Mac), Excel 2021 en nieuwer, en Excel voor het web. ' +
          'Open de werkmap in Excel voor het web, vraag uw beheerder om Microsoft Edge WebView2, of gebruik de opdrachtregel (toetsblad report).'
      )
    );
    box.appendChild(text('h2', 'Excel too old', 'font-size:16px;margin:16px 0 8px'));
    box.appendChild(
      text(
        'p',
        'This version of Excel cannot run Toetsblad. Toetsblad works in Microsoft 365 (Windows and Mac), Excel 2021 and later, and Excel on the web. ' +
          'Open the workbook in Excel on the web, ask your IT department for Microsoft Edge WebView2, or use the command line (toetsblad report).'
      )
    );
    container.appendChild(box);
  }

  function whenReady(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  var ua = (window.navigator && window.navigator.userAgent) || '';
  // Trident = Internet Explorer 11; "Edge/NN" = EdgeHTML (Chromium Edge says "Edg/").
  if (/Trident\/|MSIE |Edge\/\d/.test(ua)) {
    window.__toetsbladTooOld = true;
    whenReady(showTooOld);
    return;
  }

  window.addEventListener(
    'error',
    function (event) {
      if (window.__toetsbladStarted) return;
      var file = (event && event.filename) || '';
      if (/taskpane\.js/.test(file)) whenReady(showTooOld);
    },
    true
  );
})();
