// The admin stand-in page: hosts the embedded app in an iframe like the Shopify admin does,
// shows what the app asks of App Bridge (menu, title, toasts), and gives the demo its panels:
// place an order as a shopper, change a store's stock, read the outbox and the webhook log.
const $ = (selector) => document.querySelector(selector);
const json = async (response) => {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
};
const api = {
  get: (path) => fetch(path).then(json),
  post: (path, body) =>
    fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then(
      json,
    ),
};

const config = await api.get("/_emulator/demo-config");
const shopPath = `/_emulator/shops/${encodeURIComponent(config.shop)}`;
const catalog = await api.get(`${shopPath}/catalog`);
$("#shop-name").textContent = catalog.shop.name;
// The demo's Store POS stand-in, where a store's associates work the orders routed to them.
if (config.posUrl) Object.assign($("#pos-link"), { href: config.posUrl, hidden: false });
// The demo's Checkout stand-in, where a shopper fills a cart and chooses a store to pick it up.
if (config.checkoutUrl) Object.assign($("#checkout-link"), { href: config.checkoutUrl, hidden: false });

// --- the embedded app and App Bridge messages ---
const frame = $("#app-frame");
// A deep link into the app, as the admin's /apps/<app>/<path> URLs are: /?path=/app/orders
// opens the app on its Orders page.
const embeddedUrl = new URL(config.embeddedUrl);
const deepLink = new URLSearchParams(location.search).get("path");
if (deepLink && /^\/app(\/[\w/-]*)?$/.test(deepLink)) embeddedUrl.pathname = deepLink;
frame.src = embeddedUrl.href;
const appOrigin = new URL(config.appUrl).origin;

function toast(message, isError) {
  const node = document.createElement("div");
  node.className = `toast${isError ? " error" : ""}`;
  node.textContent = message;
  $("#toasts").append(node);
  setTimeout(() => node.remove(), 4000);
}

let navItems = [];
let currentPath = "";
function renderNav() {
  const list = $("#app-nav");
  list.replaceChildren(
    ...navItems.map((item) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = item.href;
      link.textContent = item.label;
      if (currentPath === new URL(item.href, appOrigin).pathname) link.setAttribute("aria-current", "page");
      link.addEventListener("click", (event) => {
        event.preventDefault();
        frame.contentWindow.postMessage({ source: "admin-stand-in", type: "navigate", href: item.href }, appOrigin);
      });
      li.append(link);
      return li;
    }),
  );
}

window.addEventListener("message", (event) => {
  if (event.origin !== appOrigin || !event.data || event.data.source !== "app-bridge-stand-in") return;
  const message = event.data;
  if (message.type === "nav") {
    navItems = message.items;
    renderNav();
  } else if (message.type === "title") {
    $("#title").textContent = message.title || "Omniroute";
  } else if (message.type === "toast") {
    toast(message.message, message.isError);
  } else if (message.type === "loading") {
    $("#loading").hidden = !message.isLoading;
  } else if (message.type === "location") {
    currentPath = message.path;
    renderNav();
  }
});

// --- tabs ---
for (const button of document.querySelectorAll("[role=tab]")) {
  button.addEventListener("click", () => {
    for (const other of document.querySelectorAll("[role=tab]"))
      other.setAttribute("aria-selected", String(other === button));
    for (const tab of document.querySelectorAll(".tab")) tab.hidden = tab.id !== `tab-${button.dataset.tab}`;
    if (button.dataset.tab === "outbox") refreshOutbox();
    if (button.dataset.tab === "webhooks") refreshWebhooks();
    if (button.dataset.tab === "stock") refreshStock();
  });
}

const option = (value, label) => Object.assign(document.createElement("option"), { value, textContent: label });

// --- place an order ---
$("#address-select").append(...catalog.addresses.map((address, index) => option(String(index), address.label)));
$("#pickup-select").append(
  ...catalog.locations
    .filter((location) => location.pickupEnabled)
    .map((location) => option(location.id, location.name)),
);

function addLine(sku = catalog.skus[0]?.sku, quantity = 1) {
  const row = document.createElement("div");
  row.className = "line";
  const select = document.createElement("select");
  select.name = "sku";
  select.append(...catalog.skus.map((item) => option(item.sku, `${item.sku} · ${item.title}`)));
  select.value = sku;
  const qty = Object.assign(document.createElement("input"), {
    type: "number",
    min: "1",
    value: String(quantity),
    name: "quantity",
  });
  const remove = Object.assign(document.createElement("button"), { type: "button", textContent: "×", title: "Remove" });
  remove.addEventListener("click", () => row.remove());
  row.append(select, qty, remove);
  $("#lines").append(row);
}
addLine();
$("#add-line").addEventListener("click", () => addLine());

function showFieldsFor(method) {
  for (const field of document.querySelectorAll("[data-for]"))
    field.hidden = !field.dataset.for.split(" ").includes(method);
}
for (const radio of document.querySelectorAll("input[name=method]"))
  radio.addEventListener("change", () => showFieldsFor(radio.value));
showFieldsFor("SHIPPING");

$("#order-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const method = form.get("method");
  const lines = [...document.querySelectorAll("#lines .line")].map((row) => ({
    sku: row.querySelector("select").value,
    quantity: Number(row.querySelector("input").value),
  }));
  const address = catalog.addresses[Number(form.get("address"))];
  const result = $("#order-result");
  result.className = "result";
  result.textContent = "Placing…";
  try {
    const order = await api.post(`${shopPath}/orders`, {
      deliveryMethod: method,
      lines,
      pickupLocationId: method === "PICK_UP" ? form.get("pickupLocationId") : undefined,
      shippingAddress: method === "PICK_UP" ? undefined : address,
      shippingLineTitle:
        method === "LOCAL_DELIVERY" ? "Same day" : method === "PICK_UP" ? "Pickup in store" : form.get("shippingLine"),
      customer: { email: form.get("email"), phone: form.get("phone"), firstName: "Demo", lastName: "Shopper" },
    });
    result.textContent = `Placed ${order.name}`;
  } catch (error) {
    result.className = "result error";
    result.textContent = error.message;
  }
});

// --- store stock ---
$("#stock-sku").append(...catalog.skus.map((item) => option(item.sku, `${item.sku} · ${item.title}`)));
$("#stock-sku").addEventListener("change", refreshStock);

async function refreshStock() {
  const sku = $("#stock-sku").value;
  const { levels } = await api.get(`${shopPath}/inventory?sku=${encodeURIComponent(sku)}`);
  $("#stock-rows").replaceChildren(
    ...levels.map((level) => {
      const row = document.createElement("tr");
      const input = Object.assign(document.createElement("input"), {
        type: "number",
        min: "0",
        value: String(level.available),
      });
      const save = Object.assign(document.createElement("button"), {
        type: "button",
        textContent: "Set",
        className: "secondary",
      });
      save.addEventListener("click", async () => {
        const result = $("#stock-result");
        try {
          await api.post(`${shopPath}/inventory`, {
            locationId: level.locationId,
            sku,
            available: Number(input.value),
          });
          result.className = "result";
          result.textContent = `${level.locationName}: ${sku} now ${input.value} available`;
        } catch (error) {
          result.className = "result error";
          result.textContent = error.message;
        }
      });
      const cells = [level.locationName, input, save].map((content) => {
        const cell = document.createElement("td");
        cell.append(content);
        return cell;
      });
      row.append(...cells);
      return row;
    }),
  );
}

// --- outbox and webhooks ---
const OUTCOMES = {
  delivered: { className: "ok", label: "delivered" },
  "retry-scheduled": { className: "fail", label: "will retry" },
  "gave-up": { className: "fail", label: "gave up" },
  "not-sent": { className: "", label: "not subscribed" },
};

function feedItem(meta, body, outcome) {
  const li = document.createElement("li");
  const head = document.createElement("div");
  head.className = "meta";
  const badge = outcome && OUTCOMES[outcome];
  if (badge)
    head.append(
      Object.assign(document.createElement("span"), {
        className: `badge ${badge.className}`,
        textContent: badge.label,
      }),
      " ",
    );
  head.append(meta);
  const text = Object.assign(document.createElement("div"), { className: "body", textContent: body });
  li.append(head, text);
  return li;
}

async function refreshOutbox() {
  const { messages } = await api.get("/_emulator/outbox");
  $("#outbox").replaceChildren(
    ...(messages.length
      ? messages.map((message) =>
          feedItem(
            `${message.channel.toUpperCase()} to ${message.to} · ${new Date(message.at).toLocaleTimeString()}`,
            [message.subject, message.body].filter(Boolean).join("\n"),
          ),
        )
      : [feedItem("Nothing sent yet", "")]),
  );
}

async function refreshWebhooks() {
  const { deliveries } = await api.get("/_emulator/webhooks");
  $("#webhooks").replaceChildren(
    ...(deliveries.length
      ? deliveries
          .slice(-100)
          .reverse()
          .map((delivery) =>
            feedItem(
              `${delivery.topic} · ${delivery.attempt ? `attempt ${delivery.attempt} · ` : ""}${delivery.status} · ${new Date(delivery.at).toLocaleTimeString()}`,
              delivery.uri ?? "",
              delivery.outcome,
            ),
          )
      : [feedItem("No webhook delivered yet", "")]),
  );
}

setInterval(() => {
  if (!$("#tab-outbox").hidden) refreshOutbox();
  if (!$("#tab-webhooks").hidden) refreshWebhooks();
}, 2000);
