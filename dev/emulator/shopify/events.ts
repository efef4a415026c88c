import crypto from "node:crypto";

/** A webhook-worthy change, handed to listeners (the dispatcher delivers it to the app). */
export interface EmulatorEvent {
  shop: string;
  /** Shopify's topic name, e.g. "orders/create". */
  topic: string;
  /** The REST-style body Shopify would POST. */
  payload: object;
  occurredAt: Date;
  /** Stable for the same shop and sequence number, so replays of a scenario repeat ids. */
  eventId: string;
}

export type EventListener = (event: EmulatorEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EmulatorEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** A UUID-shaped id derived from the shop and a per-shop counter: deterministic, unique per shop. */
export function deterministicEventId(shop: string, sequence: number): string {
  const hex = crypto.createHash("sha256").update(`${shop}#${sequence}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
