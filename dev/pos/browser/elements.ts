/**
 * Polaris web components for the POS stand-in, as plain elements with the same attributes,
 * properties and events the extension uses: enough for a person or a browser test to read,
 * type, tap and choose. Layout-only ones (s-stack, s-text, s-banner…) are styled by pos.css.
 */

/** A tappable element: role button, keyboard, and no click while `disabled`. */
class Tappable extends HTMLElement {
  static observedAttributes = ["disabled"];

  constructor() {
    super();
    this.addEventListener(
      "click",
      (event) => {
        if (this.hasAttribute("disabled")) event.stopImmediatePropagation();
      },
      { capture: true },
    );
    this.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.click();
      }
    });
  }

  connectedCallback() {
    if (!this.hasAttribute("role")) this.setAttribute("role", "button");
    this.tabIndex = 0;
  }

  attributeChangedCallback() {
    this.setAttribute("aria-disabled", String(this.hasAttribute("disabled")));
  }
}

class StandInButton extends Tappable {}
class StandInClickable extends Tappable {}

/** The POS home screen's tile: heading, subheading, item count and tone, tapped to open the modal. */
class StandInTile extends Tappable {
  static override observedAttributes = ["disabled", "heading", "subheading", "itemcount", "tone"];
  readonly #root = this.attachShadow({ mode: "open" });

  override attributeChangedCallback() {
    super.attributeChangedCallback();
    const count = this.getAttribute("itemcount");
    const box = document.createElement("div");
    box.className = "tile";
    box.append(
      Object.assign(document.createElement("strong"), { textContent: this.getAttribute("heading") ?? "" }),
      Object.assign(document.createElement("span"), { textContent: this.getAttribute("subheading") ?? "" }),
    );
    if (count) box.append(Object.assign(document.createElement("span"), { className: "count", textContent: count }));
    this.#root.replaceChildren(styleLink(), box);
    this.setAttribute(
      "aria-label",
      [this.getAttribute("heading"), count, this.getAttribute("subheading")].filter(Boolean).join(" · "),
    );
  }
}

function styleLink(): HTMLLinkElement {
  return Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pos.css" });
}

/**
 * A text, number or search field: a labelled input in its shadow root. `value` is a property
 * (Preact sets it so); typing fires `input` (it crosses the shadow boundary by itself) and `change`.
 */
class StandInField extends HTMLElement {
  static observedAttributes = ["label", "error", "placeholder", "disabled", "min", "max"];
  readonly #root = this.attachShadow({ mode: "open" });
  readonly #label = document.createElement("span");
  readonly #error = document.createElement("span");
  readonly #input: HTMLInputElement | HTMLTextAreaElement;

  constructor(kind: "text" | "number" | "search" | "area") {
    super();
    this.#input = kind === "area" ? document.createElement("textarea") : document.createElement("input");
    if (this.#input instanceof HTMLInputElement) this.#input.type = kind === "number" ? "number" : kind;
    this.#input.addEventListener("change", () => this.dispatchEvent(new Event("change", { bubbles: true })));
    this.#error.className = "field-error";
    const label = document.createElement("label");
    label.className = "field";
    label.append(this.#label, this.#input, this.#error);
    this.#root.append(styleLink(), label);
  }

  get value(): string {
    return this.#input.value;
  }

  set value(value: string | null | undefined) {
    const text = value ?? "";
    if (this.#input.value !== text) this.#input.value = text;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (name === "label") this.#label.textContent = value ?? "";
    else if (name === "error") this.#error.textContent = value ?? "";
    else if (name === "disabled") this.#input.disabled = value !== null;
    else if (value === null) this.#input.removeAttribute(name);
    else this.#input.setAttribute(name, value);
  }
}

class StandInTextField extends StandInField {
  constructor() {
    super("text");
  }
}
class StandInNumberField extends StandInField {
  constructor() {
    super("number");
  }
}
class StandInSearchField extends StandInField {
  constructor() {
    super("search");
  }
}
class StandInTextArea extends StandInField {
  constructor() {
    super("area");
  }
}

/** A labelled switch: `checked` is a property; toggling fires `change` (and `input`). */
class StandInSwitch extends HTMLElement {
  static observedAttributes = ["label", "disabled"];
  readonly #root = this.attachShadow({ mode: "open" });
  readonly #input = Object.assign(document.createElement("input"), { type: "checkbox" });
  readonly #label = document.createElement("span");

  constructor() {
    super();
    this.#input.setAttribute("role", "switch");
    this.#input.addEventListener("change", () => {
      this.dispatchEvent(new Event("input", { bubbles: true }));
      this.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const label = document.createElement("label");
    label.className = "switch";
    label.append(this.#input, this.#label);
    this.#root.append(styleLink(), label);
  }

  get checked(): boolean {
    return this.#input.checked;
  }

  set checked(checked: boolean | null | undefined) {
    this.#input.checked = Boolean(checked);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (name === "label") this.#label.textContent = value ?? "";
    else this.#input.disabled = value !== null;
  }
}

/** Tabs: `value` names the selected tab's panel; tapping an s-tab selects it and fires `change`. */
class StandInTabs extends HTMLElement {
  #value = "";
  readonly #watch = new MutationObserver(() => this.#show());

  get value(): string {
    return this.#value;
  }

  set value(value: string | null | undefined) {
    this.#value = value ?? "";
    this.#show();
  }

  connectedCallback() {
    this.#watch.observe(this, { childList: true, subtree: true });
    this.addEventListener("click", this.#choose);
    this.#show();
  }

  disconnectedCallback() {
    this.#watch.disconnect();
    this.removeEventListener("click", this.#choose);
  }

  readonly #choose = (event: Event) => {
    const tab = event.target instanceof Element ? event.target.closest("s-tab") : null;
    const panel = tab?.getAttribute("controls");
    if (!panel || panel === this.#value) return;
    this.value = panel;
    this.dispatchEvent(new Event("change", { bubbles: true }));
  };

  #show() {
    for (const tab of this.querySelectorAll("s-tab")) {
      tab.setAttribute("role", "tab");
      tab.setAttribute("tabindex", "0");
      tab.setAttribute("aria-selected", String(tab.getAttribute("controls") === this.#value));
    }
    for (const panel of this.querySelectorAll("s-tab-panel")) {
      const hidden = panel.id !== this.#value;
      if (panel.hasAttribute("hidden") !== hidden) panel.toggleAttribute("hidden", hidden);
    }
  }
}

/** A choice list: `values` is the chosen s-choice values; tapping one chooses it and fires `change`. */
class StandInChoiceList extends HTMLElement {
  #values: string[] = [];
  readonly #watch = new MutationObserver(() => this.#show());

  get values(): string[] {
    return [...this.#values];
  }

  set values(values: readonly string[] | null | undefined) {
    this.#values = [...(values ?? [])];
    this.#show();
  }

  connectedCallback() {
    this.setAttribute("role", "radiogroup");
    this.#watch.observe(this, { childList: true, subtree: true });
    this.addEventListener("click", this.#choose);
    this.#show();
  }

  disconnectedCallback() {
    this.#watch.disconnect();
    this.removeEventListener("click", this.#choose);
  }

  readonly #choose = (event: Event) => {
    const choice = event.target instanceof Element ? event.target.closest("s-choice") : null;
    const value = choice?.getAttribute("value");
    if (!value) return;
    const multiple = this.hasAttribute("multiple");
    if (multiple) {
      this.#values = this.#values.includes(value)
        ? this.#values.filter((other) => other !== value)
        : [...this.#values, value];
    } else this.#values = [value];
    this.#show();
    this.dispatchEvent(new Event("input", { bubbles: true }));
    this.dispatchEvent(new Event("change", { bubbles: true }));
  };

  #show() {
    const role = this.hasAttribute("multiple") ? "checkbox" : "radio";
    for (const choice of this.querySelectorAll("s-choice")) {
      choice.setAttribute("role", role);
      choice.setAttribute("tabindex", "0");
      choice.setAttribute("aria-checked", String(this.#values.includes(choice.getAttribute("value") ?? "")));
    }
  }
}

class StandInImage extends HTMLElement {
  static observedAttributes = ["src", "alt"];
  readonly #image = document.createElement("img");

  constructor() {
    super();
    this.attachShadow({ mode: "open" }).append(this.#image);
    this.#image.style.maxWidth = "64px";
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (value === null) this.#image.removeAttribute(name);
    else this.#image.setAttribute(name, value);
  }
}

export function defineStandInElements(registry: CustomElementRegistry): void {
  const elements: Record<string, CustomElementConstructor> = {
    "s-button": StandInButton,
    "s-clickable": StandInClickable,
    "s-tile": StandInTile,
    "s-text-field": StandInTextField,
    "s-number-field": StandInNumberField,
    "s-search-field": StandInSearchField,
    "s-text-area": StandInTextArea,
    "s-switch": StandInSwitch,
    "s-tabs": StandInTabs,
    "s-choice-list": StandInChoiceList,
    "s-image": StandInImage,
  };
  for (const [tag, element] of Object.entries(elements)) if (!registry.get(tag)) registry.define(tag, element);
}
