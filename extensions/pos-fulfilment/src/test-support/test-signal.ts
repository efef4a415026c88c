/**
 * A signal the test moves, standing in for POS's (the tester's mock signals never call their
 * subscribers). Like a Preact signal, it hands its current value to a new subscriber at once.
 */
export interface TestSignal<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
  set(value: T): void;
  /** Someone is subscribed (a screen's effects run after it first paints). */
  readonly observed: boolean;
}

export function testSignal<T>(initial: T): TestSignal<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return value;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(value);
      return () => listeners.delete(listener);
    },
    get observed() {
      return listeners.size > 0;
    },
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
}
