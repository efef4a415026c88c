import { BlockStack, InlineStack, Text } from "@shopify/polaris";

/**
 * The Analytics page's daily charts, drawn as plain SVG (decision 018): no chart library is
 * installed, and two small charts do not need one. Each scales to its card's width at a fixed
 * height, so it never shifts the page as it loads, and names its figures for screen readers.
 */

export interface ChartSeries<Day> {
  key: string;
  label: string;
  color: string;
  value: (day: Day) => number | null;
}

const WIDTH = 720;
const HEIGHT = 220;
const PLOT = { left: 48, right: 8, top: 8, bottom: 28 };
const MAX_X_LABELS = 8;

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function axisTop(largest: number): number {
  if (!(largest > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= largest) ?? 10 * power;
}

function Legend<Day>({ series }: { series: readonly ChartSeries<Day>[] }) {
  return (
    <InlineStack gap="400">
      {series.map((entry) => (
        <InlineStack key={entry.key} gap="100" blockAlign="center">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill={entry.color} />
          </svg>
          <Text as="span" variant="bodySm">
            {entry.label}
          </Text>
        </InlineStack>
      ))}
    </InlineStack>
  );
}

interface ChartProps<Day extends { label: string }> {
  title: string;
  /** One sentence for screen readers: what the chart shows, in figures. */
  summary: string;
  days: readonly Day[];
  series: readonly ChartSeries<Day>[];
  /** Formats an axis value (a count, an amount). */
  formatAxis: (value: number) => string;
}

function Frame<Day extends { label: string }>({
  title,
  summary,
  days,
  series,
  formatAxis,
  top,
  children,
}: ChartProps<Day> & { top: number; children: React.ReactNode }) {
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = (WIDTH - PLOT.left - PLOT.right) / Math.max(1, days.length);
  const every = Math.max(1, Math.ceil(days.length / MAX_X_LABELS));
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        {[0, 0.5, 1].map((fraction) => {
          const y = PLOT.top + plotHeight * (1 - fraction);
          return (
            <g key={fraction}>
              <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y} y2={y} stroke="#e3e3e3" />
              <text x={PLOT.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#616161">
                {formatAxis(top * fraction)}
              </text>
            </g>
          );
        })}
        {children}
        {days.map((day, index) =>
          index % every === 0 ? (
            <text
              key={day.label + index}
              x={PLOT.left + slot * (index + 0.5)}
              y={HEIGHT - 8}
              textAnchor="middle"
              fontSize="11"
              fill="#616161"
            >
              {day.label}
            </text>
          ) : null,
        )}
      </svg>
      <Legend series={series} />
    </BlockStack>
  );
}

/** Bars per day, the series stacked bottom up in their order. */
export function StackedBarChart<Day extends { label: string }>(props: ChartProps<Day>) {
  const { days, series } = props;
  const totals = days.map((day) => series.reduce((sum, entry) => sum + (entry.value(day) ?? 0), 0));
  const top = axisTop(Math.max(0, ...totals));
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = (WIDTH - PLOT.left - PLOT.right) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.7);
  return (
    <Frame {...props} top={top}>
      {days.map((day, index) => {
        let base = 0;
        return (
          <g key={day.label + index}>
            {series.map((entry) => {
              const value = entry.value(day) ?? 0;
              const height = (value / top) * plotHeight;
              base += height;
              return value > 0 ? (
                <rect
                  key={entry.key}
                  x={PLOT.left + slot * index + (slot - barWidth) / 2}
                  y={PLOT.top + plotHeight - base}
                  width={barWidth}
                  height={height}
                  fill={entry.color}
                />
              ) : null;
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** A line per series; a day without a value breaks the line. */
export function LineChart<Day extends { label: string }>(props: ChartProps<Day>) {
  const { days, series } = props;
  const values = days.flatMap((day) => series.map((entry) => entry.value(day) ?? 0));
  const top = axisTop(Math.max(0, ...values));
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = (WIDTH - PLOT.left - PLOT.right) / Math.max(1, days.length);
  return (
    <Frame {...props} top={top}>
      {series.map((entry) => {
        let path = "";
        let drawing = false;
        const dots: { x: number; y: number }[] = [];
        days.forEach((day, index) => {
          const value = entry.value(day);
          if (value === null) {
            drawing = false;
            return;
          }
          const x = PLOT.left + slot * (index + 0.5);
          const y = PLOT.top + plotHeight * (1 - value / top);
          path += `${drawing ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
          drawing = true;
          dots.push({ x, y });
        });
        return (
          <g key={entry.key}>
            <path d={path} fill="none" stroke={entry.color} strokeWidth="2" />
            {days.length <= 31
              ? dots.map((dot, index) => <circle key={index} cx={dot.x} cy={dot.y} r="2.5" fill={entry.color} />)
              : null}
          </g>
        );
      })}
    </Frame>
  );
}
