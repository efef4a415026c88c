// @vitest-environment jsdom
import { act, memo } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useFormFields } from "./use-form-fields";

vi.hoisted(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

const renders: string[] = [];
const Field = memo(function Field({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  renders.push(name);
  return <input aria-label={name} value={value} onChange={(event) => onChange(event.target.value)} />;
});

let setters: ((value: string) => void)[] = [];
function Form() {
  const [fields, set] = useFormFields({ radius: "25", minimum: "2" });
  setters.push(set("radius"));
  return (
    <>
      <Field name="radius" value={fields.radius} onChange={set("radius")} />
      <Field name="minimum" value={fields.minimum} onChange={set("minimum")} />
      <output>{`${fields.radius}/${fields.minimum}`}</output>
    </>
  );
}

describe("useFormFields", () => {
  it("keeps what is typed per field, and re-renders a memoised field only when its own value changes", () => {
    renders.length = 0;
    setters = [];
    const container = document.body.appendChild(document.createElement("div"));
    root = createRoot(container);
    act(() => root!.render(<Form />));
    expect(renders).toEqual(["radius", "minimum"]);

    act(() => setters[0]!("40"));
    expect(container.querySelector("output")?.textContent).toBe("40/2");
    expect(renders).toEqual(["radius", "minimum", "radius"]);
    // The same setter on every render: the untouched field's props did not change.
    expect(new Set(setters).size).toBe(1);
  });
});
