import { renderSVG } from "uqr";

/**
 * Checkout's Polaris web components the pickup pass renders, as far as the thank-you and order
 * status stand-ins need them to be seen and used: a section with its heading, a link that opens,
 * and a QR code drawn from its content (what the store's handover screen would scan). Text,
 * stacks, badges and headings are plain elements styled by checkout.css.
 */

class StandInSection extends HTMLElement {
  static observedAttributes = ["heading"];
  readonly #heading = document.createElement("h2");

  constructor() {
    super();
    this.#heading.part.add("heading");
    this.attachShadow({ mode: "open" }).append(this.#heading, document.createElement("slot"));
  }

  attributeChangedCallback(_name: string, _old: string | null, value: string | null) {
    this.#heading.textContent = value ?? "";
    this.#heading.hidden = !value;
  }
}

class StandInLink extends HTMLElement {
  static observedAttributes = ["href", "target"];
  readonly #anchor = document.createElement("a");

  constructor() {
    super();
    this.#anchor.append(document.createElement("slot"));
    this.#anchor.rel = "noopener";
    this.attachShadow({ mode: "open" }).append(this.#anchor);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (value === null) this.#anchor.removeAttribute(name);
    else this.#anchor.setAttribute(name, value);
  }
}

class StandInQrCode extends HTMLElement {
  static observedAttributes = ["content", "accessibilitylabel"];
  readonly #figure = document.createElement("div");

  constructor() {
    super();
    this.#figure.setAttribute("role", "img");
    this.#figure.style.width = "160px";
    this.attachShadow({ mode: "open" }).append(this.#figure);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (name === "accessibilitylabel") {
      this.#figure.setAttribute("aria-label", value ?? "QR code");
      return;
    }
    // The app's own payload ("omniroute:pickup:K7M4QX"), drawn as checkout draws it: ECC M.
    this.#figure.innerHTML = value ? renderSVG(value, { ecc: "M", border: 2 }) : "";
    this.dataset.content = value ?? "";
  }
}

export function definePassElements(registry: CustomElementRegistry): void {
  const elements: Record<string, CustomElementConstructor> = {
    "s-section": StandInSection,
    "s-link": StandInLink,
    "s-qr-code": StandInQrCode,
  };
  for (const [tag, element] of Object.entries(elements)) if (!registry.get(tag)) registry.define(tag, element);
}
