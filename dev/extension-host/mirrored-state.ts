export interface SubscribableSignal<T> {
  value: T;
  subscribe(listener: (value: T) => void): () => void;
}

/** Preact's Signal class, as `@shopify/ui-extensions/preact` hands it to `shopify.setSignals`. */
export type SignalClass = new (value: unknown) => SubscribableSignal<unknown>;

/**
 * One piece of state a stand-in page owns (POS's last scan, connection or pinned staff member;
 * checkout's cart lines or pickup option), followed by a signal in every sandbox. Each sandbox's
 * signal is made from the Signal class its own bundle handed over (`shopify.setSignals`), so the
 * extension's subscriptions and re-renders work as with the host's own signals.
 */
export class MirroredState<T> {
  #value: T;
  readonly #followers = new Map<Window, (value: T) => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  set(value: T): void {
    this.#value = value;
    for (const follow of [...this.#followers.values()]) follow(value);
  }

  /** A signal in `sandbox` that follows this state: Preact's when the sandbox gave its class. */
  signalFor(sandbox: Window, Signal: SignalClass | null): SubscribableSignal<T> {
    const signal = Signal
      ? // The class is generic in Preact; handed over untyped, it holds what this state holds.
        (new Signal(this.#value) as SubscribableSignal<T>)
      : plainSignal(this.#value);
    this.#followers.set(sandbox, (value) => {
      signal.value = value;
    });
    return signal;
  }

  forget(sandbox: Window): void {
    this.#followers.delete(sandbox);
  }
}

/** For a target that never handed over Preact's class: the same contract, without Preact. */
function plainSignal<T>(initial: T): SubscribableSignal<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      current = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
  };
}
