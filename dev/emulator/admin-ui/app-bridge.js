// A local stand-in for Shopify's App Bridge script (which loads from Shopify's CDN and cannot
// here). It gives the embedded app what it uses of App Bridge, talking to the admin stand-in
// page (the parent frame) the way App Bridge talks to the Shopify admin:
// - `shopify.idToken()` and an Authorization: Bearer <session token> on the app's own fetches;
// - `shopify.toast.show()`, `shopify.loading()`;
// - the <ui-nav-menu> and <ui-title-bar> elements, shown by the parent;
// - navigation from the parent's menu, as `shopify:navigate` events like App Bridge's;
// - Shopify's bounce page: a document request without a session token is answered with a page
//   that loads App Bridge and names, in `shopify-reload`, the URL to load again with a token.
(function () {
  const script = document.currentScript;
  const emulatorOrigin = new URL(script.src).origin;
  const params = new URLSearchParams(location.search);
  const shop = params.get("shop") || sessionStorage.getItem("omniroute-demo-shop") || "";
  if (shop) sessionStorage.setItem("omniroute-demo-shop", shop);
  const apiKey = script.getAttribute("data-api-key") || "";

  function post(message) {
    window.parent.postMessage({ source: "app-bridge-stand-in", ...message }, emulatorOrigin);
  }

  let cached = null;
  async function idToken() {
    if (cached && cached.expiresAt > Date.now() + 5000) return cached.token;
    const response = await fetch(`${emulatorOrigin}/_emulator/session-token?shop=${encodeURIComponent(shop)}`);
    if (!response.ok) throw new Error(`session token: HTTP ${response.status}`);
    const { token, expiresAt } = await response.json();
    cached = { token, expiresAt };
    return token;
  }

  const appFetch = window.fetch.bind(window);
  window.fetch = async function (input, init) {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
    if (url.origin !== location.origin) return appFetch(input, init);
    const headers = new Headers(init?.headers || (input instanceof Request ? input.headers : undefined));
    if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${await idToken()}`);
    return appFetch(input, { ...init, headers });
  };

  // The bounce page (the app's `/auth/session-token?shopify-reload=<url>`): load the URL again
  // with a fresh token as `id_token`, as App Bridge does. Only a URL of the app's own origin.
  const reload = params.get("shopify-reload");
  if (reload) {
    const target = new URL(reload, location.href);
    if (target.origin === location.origin) {
      idToken().then(
        (token) => {
          target.searchParams.set("id_token", token);
          location.replace(target.href);
        },
        (error) => console.error(`App Bridge stand-in: no session token to reload with (${error.message})`),
      );
    }
  }

  window.shopify = {
    config: { apiKey, shop, host: params.get("host") || "" },
    environment: { embedded: true, mobile: false, pos: false },
    origin: emulatorOrigin,
    idToken,
    toast: {
      show(message, options) {
        post({ type: "toast", message, isError: Boolean(options && options.isError) });
        return "toast";
      },
      hide() {},
    },
    loading(isLoading) {
      post({ type: "loading", isLoading: Boolean(isLoading) });
    },
  };

  // Shown by the admin around the app, never inside it. A stylesheet rather than an inline
  // style: React hydrates these elements and must find them as the server rendered them.
  const hide = document.createElement("style");
  hide.textContent = "ui-nav-menu, ui-title-bar { display: none !important; }";
  document.head.append(hide);

  class NavMenu extends HTMLElement {
    connectedCallback() {
      this.observer = new MutationObserver(() => this.report());
      this.observer.observe(this, { childList: true, subtree: true, attributes: true });
      this.report();
    }
    disconnectedCallback() {
      this.observer?.disconnect();
    }
    report() {
      // Like the admin, show the app's menu once the app has loaded: a click before the app
      // has hydrated would find no one listening for the navigation.
      if (document.readyState !== "complete") {
        if (!this.waiting) {
          this.waiting = true;
          window.addEventListener("load", () => setTimeout(() => this.report(), 0), { once: true });
        }
        return;
      }
      const items = [...this.querySelectorAll("a")].map((link) => ({
        label: link.textContent.trim(),
        href: link.getAttribute("href"),
        home: link.getAttribute("rel") === "home",
      }));
      post({ type: "nav", items });
    }
  }

  class TitleBar extends HTMLElement {
    static get observedAttributes() {
      return ["title"];
    }
    connectedCallback() {
      post({ type: "title", title: this.getAttribute("title") || "" });
    }
    attributeChangedCallback() {
      post({ type: "title", title: this.getAttribute("title") || "" });
    }
  }

  if (!customElements.get("ui-nav-menu")) customElements.define("ui-nav-menu", NavMenu);
  if (!customElements.get("ui-title-bar")) customElements.define("ui-title-bar", TitleBar);

  window.addEventListener("message", (event) => {
    if (event.origin !== emulatorOrigin || !event.data || event.data.source !== "admin-stand-in") return;
    if (event.data.type === "navigate") {
      const link = [...document.querySelectorAll("ui-nav-menu a")].find(
        (a) => a.getAttribute("href") === event.data.href,
      );
      if (link) link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    }
  });

  // The parent highlights the current page in its menu.
  let lastPath = "";
  setInterval(() => {
    if (location.pathname !== lastPath) {
      lastPath = location.pathname;
      post({ type: "location", path: location.pathname });
    }
  }, 250);
})();
