// Compiled by `tsc -p extensions/checkout-pickup` only (nothing imports it): the build fails when
// the app's answer or body stops fitting what this extension reads and sends.
import type { AvailabilityAnswer } from "../../../app/services/checkout-pickup/availability-answer";
import type { AvailabilityBody } from "../../../app/services/checkout-pickup/availability-input";
import type { AvailabilityRequest, PickupPromise } from "./contract";
import type { ExtensionPassAnswer, ExtensionPassBody } from "../../../app/services/pickup-pass/extension-pass-answer";
import type { PassRequest, PassState, PassStore, PickupPass } from "./pass-contract";

type Fits<Actual extends Expected, Expected> = Actual;

export type AppPromiseFits = Fits<NonNullable<AvailabilityAnswer["promise"]>, PickupPromise>;
export type RequestFitsAppBody = Fits<AvailabilityRequest, AvailabilityBody>;

// The pickup pass blocks (src/pass-contract.ts, app/services/pickup-pass/extension-pass-answer.ts).
export type AppPassStateFits = Fits<ExtensionPassAnswer["state"], PassState>;
export type AppPassFits = Fits<Omit<Extract<ExtensionPassAnswer, { state: "PASS" }>, "state">, PickupPass>;
export type AppPassStoreFits = Fits<Extract<ExtensionPassAnswer, { state: "PASS" }>["stores"][number], PassStore>;
export type PassRequestFitsAppBody = Fits<PassRequest, ExtensionPassBody>;
