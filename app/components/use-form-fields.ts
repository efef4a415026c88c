import { useCallback, useState, type Dispatch, type SetStateAction } from "react";

/**
 * A form's fields as the merchant typed them, with a setter per field for Polaris inputs'
 * `onChange`: `set("radiusMiles")`.
 */
export function useFormFields<Fields extends Record<string, string>>(
  initial: Fields | (() => Fields),
): [Fields, (key: keyof Fields) => (value: string) => void, Dispatch<SetStateAction<Fields>>] {
  const [fields, setFields] = useState(initial);
  const set = useCallback(
    (key: keyof Fields) => (value: string) => setFields((previous) => ({ ...previous, [key]: value })),
    [],
  );
  return [fields, set, setFields];
}
