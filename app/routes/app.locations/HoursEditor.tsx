import { useMemo } from "react";
import {
  BlockStack,
  Box,
  Button,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { DAY_NAMES, WEEK, type TimeZoneOption } from "~/domain/locations/hours-form";
import type { Weekday } from "~/domain/locations/opening-hours";
import type { ProfileErrors } from "~/domain/locations/profile-form";
import type { LocationProfileRow } from "~/services/locations/location-profiles.server";

type FormState = LocationProfileRow["form"];

/** One weekday: a checkbox for whether the location opens, and from when to when. */
function DayRow({
  day,
  form,
  errors,
  set,
}: {
  day: Weekday;
  form: FormState;
  errors: ProfileErrors;
  set: (key: keyof FormState) => (value: string) => void;
}) {
  const name = DAY_NAMES[day];
  const isOpen = form[`${day}IsOpen`] === "on";
  const opens = form[`${day}Opens`];
  const closes = form[`${day}Closes`];
  return (
    <InlineGrid
      columns={{ xs: "7.5rem minmax(0, 1fr) minmax(0, 1fr)", md: "9rem 11rem 11rem" }}
      gap="300"
      alignItems="start"
    >
      <Box paddingBlockStart="150">
        <Checkbox
          label={name}
          name={`${day}IsOpen`}
          value="on"
          checked={isOpen}
          onChange={(checked) => set(`${day}IsOpen`)(checked ? "on" : "")}
        />
      </Box>
      {isOpen ? (
        <>
          <TextField
            label={`${name} opens`}
            labelHidden
            name={`${day}Opens`}
            type="time"
            autoComplete="off"
            prefix="From"
            value={opens}
            onChange={set(`${day}Opens`)}
            error={errors[`${day}Opens`]}
          />
          <TextField
            label={`${name} closes`}
            labelHidden
            name={`${day}Closes`}
            type="time"
            autoComplete="off"
            prefix="To"
            value={closes}
            onChange={set(`${day}Closes`)}
            error={errors[`${day}Closes`]}
            helpText={closes !== "" && opens !== "" && closes < opens ? "Closes the next day" : undefined}
          />
        </>
      ) : (
        <Box paddingBlockStart="150">
          <Text as="span" tone="subdued">
            Closed
          </Text>
        </Box>
      )}
    </InlineGrid>
  );
}

/** The time zone, and either "always open" or the hours of each weekday. */
export function HoursEditor({
  form,
  errors,
  set,
  setForm,
  timeZones,
}: {
  form: FormState;
  errors: ProfileErrors;
  set: (key: keyof FormState) => (value: string) => void;
  setForm: (update: (previous: FormState) => FormState) => void;
  timeZones: TimeZoneOption[];
}) {
  // A zone the runtime lists under another name (a saved legacy alias) stays choosable.
  const zoneOptions = useMemo(
    () =>
      timeZones.some((zone) => zone.value === form.timeZone)
        ? timeZones
        : [{ label: form.timeZone, value: form.timeZone }, ...timeZones],
    [timeZones, form.timeZone],
  );
  const copyMonday = () =>
    setForm((previous) => {
      const next = { ...previous };
      for (const day of ["tuesday", "wednesday", "thursday", "friday"] as const) {
        next[`${day}IsOpen`] = previous.mondayIsOpen;
        next[`${day}Opens`] = previous.mondayOpens;
        next[`${day}Closes`] = previous.mondayCloses;
      }
      return next;
    });
  return (
    <FormLayout>
      <Select
        label="Time zone"
        name="timeZone"
        options={zoneOptions}
        value={form.timeZone}
        onChange={set("timeZone")}
        error={errors.timeZone}
        helpText="Opening hours, same-day cut-offs and daily capacity follow the clock here."
      />
      <ChoiceList
        title="Opening hours"
        titleHidden
        name="hours"
        choices={[
          { label: "Always open", value: "always", helpText: "Open 24 hours, every day" },
          { label: "Open on set hours", value: "weekly", helpText: "Pickup and same-day orders only while open" },
        ]}
        selected={[form.hours]}
        onChange={([value]) => set("hours")(value ?? "")}
        error={errors.hours}
      />
      {form.hours === "weekly" ? (
        <BlockStack gap="200">
          {WEEK.map((day) => (
            <DayRow key={day} day={day} form={form} errors={errors} set={set} />
          ))}
          <InlineStack>
            <Button variant="plain" onClick={copyMonday}>
              Copy Monday to Tuesday–Friday
            </Button>
          </InlineStack>
        </BlockStack>
      ) : null}
    </FormLayout>
  );
}
