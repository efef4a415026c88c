import { vi } from "vitest";

/** Elements of a tag whose text contains `text`, in document order. */
export function allWithText(tag: string, text: string): HTMLElement[] {
  return [...document.body.querySelectorAll<HTMLElement>(tag)].filter((element) => element.textContent?.includes(text));
}

export function withText(tag: string, text: string): HTMLElement {
  const [element] = allWithText(tag, text);
  if (!element) throw new Error(`no <${tag}> with text "${text}" in:\n${document.body.innerHTML}`);
  return element;
}

export function field(label: string, tag = "s-text-field"): HTMLElement {
  const element = document.body.querySelector<HTMLElement>(`${tag}[label="${label}"]`);
  if (!element) throw new Error(`no <${tag}> labelled "${label}"`);
  return element;
}

export function click(tag: string, text: string): void {
  withText(tag, text).dispatchEvent(new Event("click"));
}

/** A field's value, whether Preact set it as a property or as an attribute. */
export function valueOf(element: HTMLElement): string | null {
  const { value } = element as { value?: unknown };
  return typeof value === "string" ? value : element.getAttribute("value");
}

/** What POS's field does when the associate types: the value changes, then `input` fires. */
export function type(element: HTMLElement, value: string): void {
  Object.assign(element, { value });
  element.dispatchEvent(new Event("input"));
}

/** A choice list's selection changes, then `change` fires. */
export function choose(list: HTMLElement, ...values: string[]): void {
  Object.assign(list, { values });
  list.dispatchEvent(new Event("change"));
}

export function banner(heading: string): HTMLElement {
  const element = document.body.querySelector<HTMLElement>(`s-banner[heading="${heading}"]`);
  if (!element) throw new Error(`no banner "${heading}" in:\n${document.body.innerHTML}`);
  return element;
}

/** Lets Preact re-render after an event, as it does before the associate's next tap. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function bannerHeadings(): string[] {
  return [...document.body.querySelectorAll("s-banner")].map((banner) => banner.getAttribute("heading") ?? "");
}

/** Waits until the assertion holds (screens re-render after answers arrive). */
export function eventually(assertion: () => void, timeout = 2_000): Promise<void> {
  return vi.waitFor(assertion, { timeout, interval: 10 });
}
