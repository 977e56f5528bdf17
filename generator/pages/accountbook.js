/* Accountbook's only script: lists that sort by any column and filter by a column's values,
 * and tables that scroll sideways reachable from the keyboard.
 *
 * It works on the tables the generator marks (class "ab-sortable", with data-filters naming
 * the columns to filter by, counted from 0). Without it they are plain tables, sorted by
 * name. It reads nothing but the page, writes only text (never HTML), and asks no server.
 */
(function () {
  "use strict";


  var lang = document.documentElement.lang || "en";
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  // The page's own number symbols, read from the locale: 1,234.56 or 1 234,56.
  var parts = new Intl.NumberFormat(lang).formatToParts(-1234.5);
  var group = "", decimal = ".";
  parts.forEach(function (part) {
    if (part.type === "group") group = part.value;
    if (part.type === "decimal") decimal = part.value;
  });

  function number(text) {
    var plain = text.split(group).join("").replace(/\s/g, "").replace("\u2212", "-");
    plain = plain.split(decimal).join(".").replace(/[^0-9.\-]/g, "");
    var value = parseFloat(plain);
    return isNaN(value) ? null : value;
  }

  function text(cell) {
    return (cell ? cell.textContent : "").trim();
  }

  function setUp(wrapper) {
    var given = {};
    try {
      given = JSON.parse(wrapper.getAttribute("data-words") || "{}");
    } catch (error) {
      given = {};
    }
    function words(key, fallback) {
      return typeof given[key] === "string" ? given[key] : fallback;
    }
    var table = wrapper.querySelector("table");
    if (!table || !table.tBodies.length || !table.tHead || wrapper.hasAttribute("data-ready")) {
      return;
    }
    wrapper.setAttribute("data-ready", "");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var numeric = headers.map(function (_, index) {
      return wrapper.classList.contains("ab-r" + (index + 1));
    });
    var state = { column: -1, ascending: true };

    headers.forEach(function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ab-sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        state.ascending = state.column === index ? !state.ascending : true;
        state.column = index;
        sort();
        headers.forEach(function (other, at) {
          other.setAttribute(
            "aria-sort",
            at === index ? (state.ascending ? "ascending" : "descending") : "none"
          );
        });
      });
    });

    function sort() {
      var index = state.column, sign = state.ascending ? 1 : -1;
      // Each row's cell read once (a list may have 20,000 rows); the sort is stable, so rows
      // that tie keep the order the page gave them.
      var keyed = rows.map(function (row) {
        var value = text(row.cells[index]);
        return { row: row, text: value, number: numeric[index] ? number(value) : null };
      });
      var sorted = keyed.sort(function (a, b) {
        if (numeric[index] && a.number !== b.number) {
          if (a.number === null) return 1;
          if (b.number === null) return -1;
          return (a.number - b.number) * sign;
        }
        return collator.compare(a.text, b.text) * sign;
      }).map(function (item) { return item.row; });
      sorted.forEach(function (row) { body.appendChild(row); });
    }

    var chosen = (wrapper.getAttribute("data-filters") || "").split(" ").filter(Boolean);
    if (!chosen.length) return;
    var bar = document.createElement("div");
    bar.className = "ab-filters";
    var count = document.createElement("p");
    count.className = "ab-count";
    count.setAttribute("aria-live", "polite");
    var selects = [];
    chosen.forEach(function (column) {
      var index = parseInt(column, 10);
      if (!headers[index]) return;
      var values = [];
      rows.forEach(function (row) {
        var value = text(row.cells[index]);
        if (value && values.indexOf(value) < 0) values.push(value);
      });
      values.sort(collator.compare);
      var label = document.createElement("label");
      var name = document.createElement("span");
      name.textContent = text(headers[index]);
      var select = document.createElement("select");
      var all = document.createElement("option");
      all.value = "";
      all.textContent = words("all", "All");
      select.appendChild(all);
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.addEventListener("change", filter);
      label.appendChild(name);
      label.appendChild(select);
      bar.appendChild(label);
      selects.push({ index: index, select: select });
    });
    var find = document.createElement("label");
    var findName = document.createElement("span");
    findName.textContent = words("find", "Find");
    var input = document.createElement("input");
    input.type = "search";
    input.addEventListener("input", filter);
    find.appendChild(findName);
    find.appendChild(input);
    bar.appendChild(find);
    wrapper.parentNode.insertBefore(bar, wrapper);
    wrapper.parentNode.insertBefore(count, wrapper);

    function filter() {
      var needle = input.value.trim().toLocaleLowerCase(lang);
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (chosen) {
          return !chosen.select.value || text(row.cells[chosen.index]) === chosen.select.value;
        });
        if (keep && needle) keep = row.textContent.toLocaleLowerCase(lang).indexOf(needle) >= 0;
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = words("shown", "{shown} of {total}")
        .replace("{shown}", shown.toLocaleString(lang))
        .replace("{total}", rows.length.toLocaleString(lang));
    }
    filter();
  }

  // A table wider than the screen scrolls in its box: the box takes the keyboard's focus (so
  // the arrow keys scroll it) and is named by the table's first header.
  function focusable() {
    Array.prototype.forEach.call(
      document.querySelectorAll(".md-typeset__scrollwrap, .ab-table"),
      function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
          if (!box.hasAttribute("tabindex")) {
            box.setAttribute("tabindex", "0");
            box.setAttribute("role", "region");
            var header = box.querySelector("th");
            box.setAttribute("aria-label", header ? text(header) || "table" : "table");
          }
        } else if (box.getAttribute("tabindex") === "0") {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
    );
  }

  var started = false;
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".ab-sortable"), setUp);
    focusable();
    if (!started) window.addEventListener("resize", focusable);
    started = true;
  }
  // After the theme has wrapped the tables in their scrolling boxes (on its document$, which
  // it subscribes to first), or at load where there is no theme script.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
