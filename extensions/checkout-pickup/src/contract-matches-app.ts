// Compiled by `tsc -p extensions/checkout-pickup` only (nothing imports it): the build fails when
// the app's answer or body stops fitting what this extension reads and sends.
import type { AvailabilityAnswer } from "../../../app/services/checkout-pickup/availability-answer";
import type { AvailabilityBody } from "../../../app/services/checkout-pickup/availability-input";
import type { AvailabilityRequest, PickupPromise } from "./contract";

type Fits<Actual extends Expected, Expected> = Actual;

export type AppPromiseFits = Fits<NonNullable<AvailabilityAnswer["promise"]>, PickupPromise>;
export type RequestFitsAppBody = Fits<AvailabilityRequest, AvailabilityBody>;
