/**
 * Durations as a merchant reads them on the Stores page and an order's store timeline:
 * "42 s", "6 min 12 s", "1 h 5 min", "2 d 3 h". Two units at most: past a minute the seconds
 * matter for a pick time; past an hour they do not.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const join = (big: string, small: number, unit: string) => (small === 0 ? big : `${big} ${small} ${unit}`);
  if (seconds < 3600) return join(`${Math.floor(seconds / 60)} min`, seconds % 60, "s");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 24 * 60) return join(`${Math.floor(minutes / 60)} h`, minutes % 60, "min");
  const hours = Math.floor(minutes / 60);
  return join(`${Math.floor(hours / 24)} d`, hours % 24, "h");
}
