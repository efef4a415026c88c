import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from "react";

/**
 * A form's fields as the merchant typed them, with a setter per field for Polaris inputs'
 * `onChange`: `set("radiusMiles")`. Each field's setter is the same function on every render, so
 * a memoised input re-renders only when its own value changes.
 */
export function useFormFields<Fields extends Record<string, string>>(
  initial: Fields | (() => Fields),
): [Fields, (key: keyof Fields) => (value: string) => void, Dispatch<SetStateAction<Fields>>] {
  const [fields, setFields] = useState(initial);
  const setters = useRef(new Map<keyof Fields, (value: string) => void>());
  const set = useCallback((key: keyof Fields) => {
    let setter = setters.current.get(key);
    if (!setter) {
      setter = (value: string) => setFields((previous) => ({ ...previous, [key]: value }));
      setters.current.set(key, setter);
    }
    return setter;
  }, []);
  return [fields, set, setFields];
}
