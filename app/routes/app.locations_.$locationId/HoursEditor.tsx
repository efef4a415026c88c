import { memo, useDeferredValue, useMemo } from "react";
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
import { DAY_NAMES, WEEK, type HoursField, type TimeZoneOption } from "~/domain/locations/hours-form";
import type { Weekday } from "~/domain/locations/opening-hours";
import type { ProfileErrors } from "~/domain/locations/profile-form";
import type { LocationProfileRow } from "~/services/locations/location-profiles.server";

type FormState = LocationProfileRow["form"];
/** The form's setter of one field, stable across renders (useFormFields). */
type SetField = (key: keyof FormState) => (value: string) => void;

/**
 * One weekday: a checkbox for whether the location opens, and from when to when. Given its own
 * values rather than the whole form, so typing in one field re-renders only that day's row.
 */
const DayRow = memo(function DayRow({
  day,
  isOpen,
  opens,
  closes,
  opensError,
  closesError,
  set,
}: {
  day: Weekday;
  isOpen: boolean;
  opens: string;
  closes: string;
  opensError: string | undefined;
  closesError: string | undefined;
  set: SetField;
}) {
  const name = DAY_NAMES[day];
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
            error={opensError}
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
            error={closesError}
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
});

/**
 * The time zone list: some 400 options, rendered again only when the zone, its error or the list
 * changes, not on every keystroke elsewhere in the card.
 */
const TimeZoneSelect = memo(function TimeZoneSelect({
  timeZone,
  error,
  timeZones,
  set,
}: {
  timeZone: string;
  error: string | undefined;
  timeZones: TimeZoneOption[];
  set: SetField;
}) {
  // A zone the runtime lists under another name (a saved legacy alias) stays choosable.
  const zoneOptions = useMemo(
    () =>
      timeZones.some((zone) => zone.value === timeZone)
        ? timeZones
        : [{ label: timeZone, value: timeZone }, ...timeZones],
    [timeZones, timeZone],
  );
  return (
    <Select
      label="Time zone"
      name="timeZone"
      options={zoneOptions}
      value={timeZone}
      onChange={set("timeZone")}
      error={error}
      helpText="Opening hours, same-day cut-offs and daily capacity follow the clock here."
    />
  );
});

/**
 * The fields the hours editor posts, as [name, value] pairs, for a card whose hours are folded:
 * the time zone and the choice of hours, and with set hours each day's tick (only when ticked, as
 * a checkbox posts) and the times of the days ticked open.
 */
export function postedHoursFields(form: FormState): [HoursField, string][] {
  const fields: [HoursField, string][] = [
    ["timeZone", form.timeZone],
    ["hours", form.hours],
  ];
  if (form.hours !== "weekly") return fields;
  for (const day of WEEK) {
    if (form[`${day}IsOpen`] !== "on") continue;
    fields.push([`${day}IsOpen`, "on"], [`${day}Opens`, form[`${day}Opens`]], [`${day}Closes`, form[`${day}Closes`]]);
  }
  return fields;
}

/**
 * Folded hours, posted as the editor would post them: the card saves the whole profile, and the
 * editor (hundreds of time zone options, seven rows of times) is only built once it is opened.
 */
export function FoldedHoursFields({ form, daysOnly = false }: { form: FormState; daysOnly?: boolean }) {
  const fields = postedHoursFields(form).filter(([name]) => !daysOnly || (name !== "timeZone" && name !== "hours"));
  return (
    <>
      {fields.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
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
  set: SetField;
  setForm: (update: (previous: FormState) => FormState) => void;
  timeZones: TimeZoneOption[];
}) {
  // The seven rows follow a switch to set hours a moment later, in a render of their own: the
  // choice shows as made at once, and building the rows does not hold up that paint. Meanwhile
  // the days are posted as they stand.
  const weeklyShown = useDeferredValue(form.hours === "weekly");
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
      <TimeZoneSelect timeZone={form.timeZone} error={errors.timeZone} timeZones={timeZones} set={set} />
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
      {form.hours === "weekly" && !weeklyShown ? <FoldedHoursFields form={form} daysOnly /> : null}
      {form.hours === "weekly" && weeklyShown ? (
        <BlockStack gap="200">
          {WEEK.map((day) => (
            <DayRow
              key={day}
              day={day}
              isOpen={form[`${day}IsOpen`] === "on"}
              opens={form[`${day}Opens`]}
              closes={form[`${day}Closes`]}
              opensError={errors[`${day}Opens`]}
              closesError={errors[`${day}Closes`]}
              set={set}
            />
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
