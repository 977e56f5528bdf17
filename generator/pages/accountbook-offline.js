/* Accountbook's search for a site opened from disk (file:), loaded before the theme's scripts
 * (as one of the theme's "polyfills"). Served over http(s) it does nothing.
 */
(function () {
  "use strict";

  if (location.protocol === "file:") {
    // The theme reads each language's sitemap to switch language on the same page; a page
    // from disk may not read files, and our switcher's links already land on the same page.
    document.addEventListener("DOMContentLoaded", function () {
      Array.prototype.forEach.call(
        document.querySelectorAll("link[rel=alternate][hreflang]"),
        function (link) { link.remove(); }
      );
    });
  }

  // Opened from disk (file:), the browser runs no web worker, and the theme's search runs in
  // one. There it runs in a hidden frame instead, as Material's offline plugin does with the
  // iframe-worker script (which it would load from unpkg.com): the theme looks for this class
  // by that name, and takes the scripts its worker imports from where the worker's script is.
  if (location.protocol === "file:") {
    var FrameWorker = function (url) {
      var worker = this, frame = document.createElement("iframe");
      this.listeners = [];
      this.onmessage = null;
      this.queue = [];
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      this.frame = frame;
      var inside = frame.contentWindow, page = frame.contentDocument;
      var load = function (source) {
        return new Promise(function (resolve, reject) {
          var script = page.createElement("script");
          script.src = new URL(source, url).href;
          script.onload = resolve;
          script.onerror = reject;
          page.body.appendChild(script);
        });
      };
      inside.importScripts = function () {
        var sources = Array.prototype.slice.call(arguments);
        return sources.reduce(function (done, source) {
          return done.then(function () { return load(source); });
        }, Promise.resolve());
      };
      inside.postMessage = function (data) {
        setTimeout(function () { worker.deliver(data); });
      };
      url = new URL(url, location.href).href;
      load(url).then(function () {
        worker.inside = inside;
        worker.queue.forEach(function (data) { worker.postMessage(data); });
        worker.queue = [];
      });
    };
    FrameWorker.prototype.deliver = function (data) {
      var event = { data: data, type: "message" };
      if (typeof this.onmessage === "function") this.onmessage(event);
      this.listeners.forEach(function (listener) { listener(event); });
    };
    FrameWorker.prototype.postMessage = function (data) {
      if (!this.inside) return void this.queue.push(data);
      this.inside.dispatchEvent(new this.inside.MessageEvent("message", { data: data }));
    };
    FrameWorker.prototype.addEventListener = function (type, listener) {
      if (type === "message") this.listeners.push(listener);
    };
    FrameWorker.prototype.removeEventListener = function (type, listener) {
      this.listeners = this.listeners.filter(function (other) { return other !== listener; });
    };
    FrameWorker.prototype.terminate = function () {
      this.frame.remove();
    };
    window.IFrameWorker = FrameWorker;
    window.Worker = FrameWorker;
  }
})();
