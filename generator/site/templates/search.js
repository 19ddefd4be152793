// Pagefind's search box in the page header, for MkDocs and Zensical alike (their own search is off).
// `dossier build` writes this file and the index beside it (generator/site/search.py); the component
// script loads the index's parts only when a reader searches.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("..", script.src); // this file is <site>/assets/search.js
  var bundle = new URL("pagefind/", root);

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-component-ui.css", bundle).href;
  document.head.appendChild(style);

  var colours = document.createElement("style"); // follow the theme's light and dark palettes
  colours.textContent =
    "body{--pf-text:var(--md-default-fg-color);--pf-text-secondary:var(--md-default-fg-color--light);" +
    "--pf-text-muted:var(--md-default-fg-color--light);--pf-background:var(--md-default-bg-color);" +
    "--pf-border:var(--md-default-fg-color--lightest);--pf-hover:var(--md-code-bg-color);" +
    "--pf-mark:var(--md-default-fg-color);--pf-font:inherit}" +
    ".md-header__inner>pagefind-modal-trigger{align-self:center;margin:0 .4rem}";
  document.head.appendChild(colours);

  var config = document.createElement("pagefind-config");
  config.setAttribute("base-url", root.pathname); // result links stay under the site's own path
  config.setAttribute("bundle-path", bundle.pathname);
  config.setAttribute("excerpt-length", "24");
  var trigger = document.createElement("pagefind-modal-trigger");
  trigger.setAttribute("compact", "");
  trigger.setAttribute("hide-shortcut", ""); // the Ctrl+K hint fails contrast and would not match the button's name
  var modal = element("pagefind-modal", {}, [
    element("pagefind-modal-header", {}, [element("pagefind-input")]),
    element("pagefind-modal-body", {}, [
      element("pagefind-summary"),
      // Without a limit a placeholder is drawn for every page found: seconds at 1,000 articles on a phone.
      element("pagefind-results", { "max-results": "25" }),
    ]),
    element("pagefind-modal-footer", {}, [element("pagefind-keyboard-hints")]),
  ]);
  document.body.appendChild(config);
  document.body.appendChild(modal);
  var header = document.querySelector(".md-header__inner");
  if (header) {
    header.insertBefore(trigger, header.querySelector(".md-header__source"));
  } else {
    document.body.insertBefore(trigger, document.body.firstChild);
  }

  function element(name, attributes, children) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      made.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      made.appendChild(child);
    });
    return made;
  }

  var component = document.createElement("script");
  component.type = "module";
  component.src = new URL("pagefind-component-ui.js", bundle).href;
  document.head.appendChild(component);
})();
