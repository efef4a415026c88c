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

// The panels beside the app (place an order, stock, outbox) are the demo's, not the admin's: the
// Shopify admin does not read a catalogue while an app loads. Reading and building them (at national
// scale 2,010 locations and 1,000 SKU options: about half a second of this page's main thread and
// of the emulator's) waits until the app's frame has loaded, so it does not compete with the app
// for a 2-core machine's CPU while the app paints. At most a few seconds, should the frame never load.
await new Promise((resolve) => {
  frame.addEventListener("load", resolve, { once: true });
  setTimeout(resolve, 5000);
});
// The SKUs the panels offer: a national catalogue's 20,000 options, built at once, would hold this
// page's main thread for seconds. The first 1,000 are plenty to order from.
const MAX_SKU_OPTIONS = 1000;
const catalog = await api.get(`${shopPath}/catalog?skus=${MAX_SKU_OPTIONS}`);
$("#shop-name").textContent = catalog.shop.name;
const skuChoices = catalog.skus;

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
  select.append(...skuChoices.map((item) => option(item.sku, `${item.sku} · ${item.title}`)));
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
      customer: {
        email: form.get("email"),
        phone: form.get("phone"),
        firstName: "Demo",
        lastName: "Shopper",
        // A phone given as the checkout contact gets Shopify's own texts; with email as the contact,
        // texts come from the shop (the app) when the shopper accepted SMS marketing.
        checkoutContact: form.get("checkoutContact"),
        smsMarketingConsent: form.get("smsMarketingConsent") === "on",
      },
    });
    result.textContent = `Placed ${order.name}`;
  } catch (error) {
    result.className = "result error";
    result.textContent = error.message;
  }
});

// --- store stock ---
$("#stock-sku").append(...skuChoices.map((item) => option(item.sku, `${item.sku} · ${item.title}`)));
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

// --- the outbox: each message as it arrives, on the shopper's phone, in their inbox, on a lock screen ---
const STORE_ZONE = "America/Chicago";
const shortTime = new Intl.DateTimeFormat("en-US", {
  timeZone: STORE_ZONE,
  weekday: "short",
  hour: "numeric",
  minute: "2-digit",
});
const longTime = new Intl.DateTimeFormat("en-US", {
  timeZone: STORE_ZONE,
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

// What survives a refresh: the email open in each inbox, and what is being typed on each phone.
const openEmail = new Map();
const drafts = new Map();
let shownOutbox = "";

/** One thread per number: the shop's texts, the shopper's replies, and the answers to them, by time. */
function phoneThread(phone, texts, inbound, replies) {
  const items = [
    ...texts.map((text) => ({ side: "shop", body: text.body, at: text.at, note: text.status })),
    ...inbound.map((text) => ({ side: "shopper", body: text.body, at: text.at, note: "sent" })),
    ...replies.map((reply) => ({
      side: "shop",
      body: reply.body,
      at: reply.at,
      note: reply.by === "twilio" ? "automatic reply (Twilio)" : "answered by the shop",
    })),
  ].sort((a, b) => new Date(a.at) - new Date(b.at));
  const bubbles = el(
    "ol",
    { className: "chat", attrs: { role: "log", "aria-label": `Texts with ${phone}` } },
    ...(items.length ? items : [{ side: "shop", body: "No texts yet", at: null, note: "" }]).map((item) =>
      el(
        "li",
        { className: `bubble ${item.side}` },
        el("span", { className: "text", textContent: item.body }),
        el("span", {
          className: "when",
          textContent: [item.at ? shortTime.format(new Date(item.at)) : "", item.note].filter(Boolean).join(" · "),
        }),
      ),
    ),
  );
  const input = el("input", {
    value: drafts.get(phone) ?? "",
    placeholder: "Text the shop",
    attrs: { "aria-label": `Reply from ${phone}`, "data-phone": phone },
  });
  input.addEventListener("input", () => drafts.set(phone, input.value));
  const sendText = async (body) => {
    try {
      await api.post("/_emulator/sms/inbound", { from: phone, body });
      drafts.delete(phone);
      await refreshOutbox(true);
    } catch (error) {
      toast(`The text was not sent: ${error.message}`, true);
    }
  };
  const reply = el(
    "form",
    { className: "reply", attrs: { "aria-label": `Reply from ${phone}` } },
    input,
    el("button", { type: "submit", textContent: "Send" }),
  );
  reply.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) void sendText(input.value.trim());
  });
  const quick = el(
    "div",
    { className: "quick-replies" },
    ...["STOP", "START", "HELP"].map((word) => {
      const button = el("button", { type: "button", className: "secondary", textContent: word });
      button.addEventListener("click", () => void sendText(word));
      return button;
    }),
  );
  return el(
    "section",
    { className: "device phone", attrs: { role: "region", "aria-label": `Phone ${phone}` } },
    el("div", { className: "notch", textContent: phone }),
    bubbles,
    reply,
    quick,
  );
}

function emailHtml(message) {
  const content = Array.isArray(message.raw?.content) ? message.raw.content : [];
  const html = content.find((part) => part?.type === "text/html")?.value;
  if (html) return html;
  const escaped = String(message.body).replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
  return `<pre style="white-space:pre-wrap;font-family:sans-serif">${escaped}</pre>`;
}

function inbox(address, emails) {
  const newestFirst = [...emails].reverse();
  const selectedId = openEmail.get(address) ?? newestFirst[0]?.id;
  const selected = newestFirst.find((email) => email.id === selectedId) ?? newestFirst[0];
  const list = el(
    "ul",
    { className: "inbox-list", attrs: { "aria-label": `Emails to ${address}` } },
    ...newestFirst.map((email) => {
      const button = el(
        "button",
        { type: "button", attrs: { "aria-pressed": String(email === selected) } },
        el("strong", { textContent: email.subject ?? "(no subject)" }),
        el("span", { textContent: `${email.from ?? ""} · ${shortTime.format(new Date(email.at))} · ${email.status}` }),
      );
      button.addEventListener("click", () => {
        openEmail.set(address, email.id);
        void refreshOutbox(true);
      });
      return el("li", {}, button);
    }),
  );
  const view = selected
    ? el(
        "article",
        { className: "email", attrs: { "aria-label": `Email: ${selected.subject ?? "(no subject)"}` } },
        el(
          "dl",
          {},
          el("dt", { textContent: "Subject" }),
          el("dd", { textContent: selected.subject ?? "" }),
          el("dt", { textContent: "From" }),
          el("dd", { textContent: selected.from ?? "" }),
          el("dt", { textContent: "To" }),
          el("dd", { textContent: selected.to }),
          el("dt", { textContent: "Date" }),
          el("dd", { textContent: longTime.format(new Date(selected.at)) }),
        ),
        // No scripts, no same-origin: the email is the app's HTML, shown as a mail client would.
        el("iframe", {
          srcdoc: emailHtml(selected),
          title: `Email: ${selected.subject ?? ""}`,
          attrs: { sandbox: "" },
        }),
      )
    : null;
  return el(
    "section",
    { className: "device inbox", attrs: { role: "region", "aria-label": `Inbox ${address}` } },
    el("h3", { textContent: `Inbox · ${address}` }),
    list,
    view,
  );
}

function lockScreen(recipient, pushes) {
  return el(
    "section",
    { className: "device lock-screen", attrs: { role: "region", "aria-label": `Lock screen ${recipient}` } },
    el("div", {
      className: "lock-time",
      textContent: pushes.length ? shortTime.format(new Date(pushes.at(-1).at)) : "",
    }),
    ...[...pushes].reverse().map((push) =>
      el(
        "article",
        { className: "push-card", attrs: { "aria-label": `Notification: ${push.subject ?? push.body}` } },
        el("div", {
          className: "push-app",
          textContent: `${catalog.shop.name} · ${shortTime.format(new Date(push.at))}`,
        }),
        push.subject ? el("strong", { textContent: push.subject }) : null,
        el("div", { textContent: push.body }),
      ),
    ),
  );
}

function renderOutbox({ messages, inbound = [], replies = [] }) {
  // One device per recipient, the one with the newest message first.
  const devices = new Map();
  const deviceOf = (kind, key) => {
    const id = `${kind}:${key}`;
    if (!devices.has(id)) devices.set(id, { kind, key, items: [], inbound: [], replies: [], latest: 0 });
    return devices.get(id);
  };
  const touch = (device, at) => (device.latest = Math.max(device.latest, new Date(at).getTime()));
  for (const message of messages) {
    const device = deviceOf(message.channel, message.to);
    device.items.push(message);
    touch(device, message.at);
  }
  for (const text of inbound) {
    const phone = deviceOf("sms", text.from);
    phone.inbound.push(text);
    touch(phone, text.at);
  }
  for (const reply of replies) {
    const phone = deviceOf("sms", reply.to);
    phone.replies.push(reply);
    touch(phone, reply.at);
  }
  const ordered = [...devices.values()].sort((a, b) => b.latest - a.latest);
  const focused = document.activeElement?.dataset?.phone;
  $("#outbox").replaceChildren(
    ...(ordered.length
      ? ordered.map((device) =>
          device.kind === "sms"
            ? phoneThread(device.key, device.items, device.inbound, device.replies)
            : device.kind === "email"
              ? inbox(device.key, device.items)
              : lockScreen(device.key, device.items),
        )
      : [el("p", { className: "empty", textContent: "Nothing sent yet" })]),
  );
  if (focused) document.querySelector(`input[data-phone="${CSS.escape(focused)}"]`)?.focus();
  for (const chat of document.querySelectorAll("#outbox .chat")) chat.scrollTop = chat.scrollHeight;
}

async function refreshClock() {
  const { now } = await api.get("/_emulator/clock");
  $("#demo-clock").textContent = longTime.format(new Date(now));
}

async function refreshOutbox(force = false) {
  const [data] = await Promise.all([api.get("/_emulator/outbox"), refreshClock()]);
  const shown = JSON.stringify([data, [...openEmail]]);
  if (!force && shown === shownOutbox) return;
  shownOutbox = shown;
  renderOutbox(data);
}

for (const button of document.querySelectorAll("[data-advance]")) {
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api.post("/_emulator/clock", { advanceMs: Number(button.dataset.advance) });
      await refreshOutbox();
    } catch (error) {
      toast(`The clock did not move: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  });
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

// Every control is wired: the panels take input from here on.
Object.assign($("#panel-controls"), { disabled: false });
$("#panel-controls").removeAttribute("aria-busy");
