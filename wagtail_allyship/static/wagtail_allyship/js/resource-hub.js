// Resource hub: apply filters, search and pages without a full reload. Without this script
// the same form and links work as plain GET requests, so every state keeps its own URL.
(function () {
  "use strict";

  var region = document.querySelector("[data-allyship-hub]");
  function filters() {
    return document.querySelector("[data-allyship-hub-filters]");
  }
  // On a wide screen the filters stand beside the results, so they start open; on a phone
  // they stay behind the "Filter" control and the results come first. Filters a person has
  // opened stay open when the list updates, so the box just ticked keeps the focus.
  function openFilters(wereOpen) {
    var wide = window.matchMedia && window.matchMedia("(min-width: 60rem)").matches;
    if (filters() && (wereOpen || wide)) {
      filters().open = true;
    }
  }
  openFilters(false);
  if (!region || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }

  var pending = null;
  // A live region that stays in the page, so that screen readers hear the new count.
  var announce = document.querySelector("[data-allyship-hub-announce]");

  function load(url, push, focusId) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    region.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-allyship-hub]");
        if (!fresh) {
          window.location.assign(url);
          return;
        }
        var wereOpen = Boolean(filters() && filters().open);
        region.innerHTML = fresh.innerHTML;
        region.removeAttribute("aria-busy");
        openFilters(wereOpen);
        var count = region.querySelector(".allyship-result-count");
        if (announce && count) {
          announce.textContent = count.textContent.replace(/\s+/g, " ").trim();
        }
        if (push) {
          window.history.pushState({ allyshipHub: true }, "", url);
        }
        var target = focusId && document.getElementById(focusId);
        if (!target) {
          target = region.querySelector(".allyship-result-count");
          if (target) {
            target.setAttribute("tabindex", "-1");
          }
        }
        if (target) {
          target.focus();
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
      });
  }

  // The same URL the server would make: no empty search, no default sort.
  function formUrl(form) {
    var params = new URLSearchParams();
    var search = "";
    new FormData(form).forEach(function (value, name) {
      if (name === "q") {
        search = value.trim();
      }
    });
    new FormData(form).forEach(function (value, name) {
      var isDefaultSort = name === "sort" && value === (search ? "relevance" : "newest");
      if (value !== "" && !isDefaultSort) {
        params.append(name, name === "q" ? search : value);
      }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  region.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-allyship-hub-form") && event.target.name !== "q") {
      load(formUrl(form), true, event.target.id);
    }
  });

  region.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-allyship-hub-form")) {
      event.preventDefault();
      load(formUrl(form), true, null);
    }
  });

  region.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-allyship-hub-link]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      load(link.href, true, null);
    }
  });

  window.addEventListener("popstate", function () {
    load(window.location.href, false, null);
  });
})();
