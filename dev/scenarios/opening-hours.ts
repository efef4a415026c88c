import type { OpeningHours } from "./types";

/** Opening hours the scenarios give their locations (local time). */
export const STORE_HOURS: OpeningHours = {
  monday: { open: "10:00", close: "21:00" },
  tuesday: { open: "10:00", close: "21:00" },
  wednesday: { open: "10:00", close: "21:00" },
  thursday: { open: "10:00", close: "21:00" },
  friday: { open: "10:00", close: "21:00" },
  saturday: { open: "10:00", close: "21:00" },
  sunday: { open: "11:00", close: "18:00" },
};

export const WAREHOUSE_HOURS: OpeningHours = {
  monday: { open: "06:00", close: "22:00" },
  tuesday: { open: "06:00", close: "22:00" },
  wednesday: { open: "06:00", close: "22:00" },
  thursday: { open: "06:00", close: "22:00" },
  friday: { open: "06:00", close: "22:00" },
  saturday: { open: "08:00", close: "16:00" },
  sunday: null,
};
