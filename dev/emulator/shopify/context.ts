import { deterministicEventId, type EventBus } from "./events";
import type { ShopState } from "./state";
import { graphqlTime } from "./time";

/**
 * What every action on one shop needs: its state, the clock, a way to raise webhooks, and a way
 * to say where the emulator had to choose a behaviour Shopify's documentation does not settle.
 */
export class ShopContext {
  constructor(
    readonly state: ShopState,
    private readonly clock: () => Date,
    private readonly bus: EventBus,
    private readonly onWarning: (message: string) => void = () => {},
  ) {}

  /** Records that the emulator guessed; the message names the guess and why the docs do not settle it. */
  warn(message: string): void {
    this.onWarning(message);
  }

  now(): Date {
    return this.clock();
  }

  /** Timestamps are stored as GraphQL DateTime strings (UTC). */
  nowIso(): string {
    return graphqlTime(this.clock());
  }

  emit(topic: string, payload: object): void {
    const sequence = this.state.data.nextEventNumber++;
    this.bus.emit({
      shop: this.state.domain,
      topic,
      payload,
      occurredAt: this.clock(),
      eventId: deterministicEventId(this.state.domain, sequence),
    });
  }
}
