// A lat/lng grid over the stores. Stores are stored sorted by cell, row-major, so the stores of a
// run of cells in one row occupy one contiguous range of positions: a radius query becomes a few
// ranges per row, and only the stores in them get an exact haversine check.
import { EARTH_RADIUS_MILES, toDegrees } from "./geo";

export interface StoreGrid {
  readonly cellDegrees: number;
  readonly rows: number;
  readonly columns: number;
  /** Position of the first store; stores occupy [firstStore, firstStore + cellKeys.length). */
  readonly firstStore: number;
  /** Cell key of each store, ascending. */
  readonly cellKeys: Float64Array;
  /** Index into cellKeys of each row's first store; rowStart[rows] = store count. */
  readonly rowStart: Int32Array;
}

const MILES_PER_DEGREE_OF_LATITUDE = (Math.PI * EARTH_RADIUS_MILES) / 180;
/** Widens every query a little so that float error never drops a store sitting on the radius. */
const ANGULAR_MARGIN_RADIANS = 1e-7;
const DEGREE_MARGIN = 1e-6;

/** Cells about one radius high: a query then touches about three rows. */
export function cellDegreesFor(radiusMiles: number): number {
  const radiusDegrees = radiusMiles / MILES_PER_DEGREE_OF_LATITUDE;
  if (!Number.isFinite(radiusDegrees)) return 10;
  return Math.min(10, Math.max(0.05, radiusDegrees));
}

function gridShape(cellDegrees: number): { rows: number; columns: number } {
  return { rows: Math.ceil(180 / cellDegrees) + 1, columns: Math.ceil(360 / cellDegrees) + 1 };
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

function rowOf(cellDegrees: number, rows: number, latDegrees: number): number {
  return clamp(Math.floor((latDegrees + 90) / cellDegrees), 0, rows - 1);
}

function columnOf(cellDegrees: number, columns: number, lngDegrees: number): number {
  return clamp(Math.floor((lngDegrees + 180) / cellDegrees), 0, columns - 1);
}

export function cellKeyOf(cellDegrees: number, latDegrees: number, lngDegrees: number): number {
  const { rows, columns } = gridShape(cellDegrees);
  return rowOf(cellDegrees, rows, latDegrees) * columns + columnOf(cellDegrees, columns, lngDegrees);
}

export function createStoreGrid(cellDegrees: number, firstStore: number, sortedCellKeys: Float64Array): StoreGrid {
  const { rows, columns } = gridShape(cellDegrees);
  const rowStart = new Int32Array(rows + 1);
  for (let row = 0; row <= rows; row++)
    rowStart[row] = lowerBound(sortedCellKeys, row * columns, 0, sortedCellKeys.length);
  return { cellDegrees, rows, columns, firstStore, cellKeys: sortedCellKeys, rowStart };
}

function lowerBound(keys: Float64Array, key: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Room for the ranges of any query: two longitude segments per row. */
export function maxQueryRanges(grid: StoreGrid): number {
  return grid.rows * 4;
}

/**
 * Writes [start, end) position ranges into `ranges` covering every store that may lie within
 * radiusMiles of the point (a superset; callers check the exact distance). Returns the number of
 * ranges.
 */
export function storeRangesNear(
  grid: StoreGrid,
  latDegrees: number,
  lngDegrees: number,
  latRadians: number,
  radiusMiles: number,
  ranges: Int32Array,
): number {
  const storeCount = grid.cellKeys.length;
  if (storeCount === 0) return 0;
  const angularRadius = radiusMiles / EARTH_RADIUS_MILES + ANGULAR_MARGIN_RADIANS;
  if (!(angularRadius < Math.PI / 2)) {
    ranges[0] = grid.firstStore;
    ranges[1] = grid.firstStore + storeCount;
    return 1;
  }
  const latLow = toDegrees(latRadians - angularRadius) - DEGREE_MARGIN;
  const latHigh = toDegrees(latRadians + angularRadius) + DEGREE_MARGIN;
  let lngHalfWidth = 180;
  if (latLow > -90 && latHigh < 90) {
    // The widest longitude reach of a spherical cap that contains no pole.
    const reach = Math.sin(angularRadius) / Math.cos(latRadians);
    if (reach < 1) lngHalfWidth = toDegrees(Math.asin(reach)) + DEGREE_MARGIN;
  }

  // One longitude segment of columns, or two when the reach crosses the antimeridian.
  let firstColumn = 0;
  let lastColumn = grid.columns - 1;
  let wrappedFirstColumn = 1;
  let wrappedLastColumn = 0;
  if (lngHalfWidth < 180) {
    const west = lngDegrees - lngHalfWidth;
    const east = lngDegrees + lngHalfWidth;
    if (west < -180) {
      firstColumn = columnOf(grid.cellDegrees, grid.columns, west + 360);
      wrappedFirstColumn = 0;
      wrappedLastColumn = columnOf(grid.cellDegrees, grid.columns, east);
    } else if (east > 180) {
      firstColumn = columnOf(grid.cellDegrees, grid.columns, west);
      wrappedFirstColumn = 0;
      wrappedLastColumn = columnOf(grid.cellDegrees, grid.columns, east - 360);
    } else {
      firstColumn = columnOf(grid.cellDegrees, grid.columns, west);
      lastColumn = columnOf(grid.cellDegrees, grid.columns, east);
    }
  }

  const firstRow = rowOf(grid.cellDegrees, grid.rows, latLow);
  const lastRow = rowOf(grid.cellDegrees, grid.rows, latHigh);
  let count = 0;
  for (let row = firstRow; row <= lastRow; row++) {
    const rowFrom = grid.rowStart[row]!;
    const rowTo = grid.rowStart[row + 1]!;
    if (rowFrom === rowTo) continue;
    count = addRange(grid, ranges, count, row, firstColumn, lastColumn, rowFrom, rowTo);
    if (wrappedFirstColumn <= wrappedLastColumn) {
      count = addRange(grid, ranges, count, row, wrappedFirstColumn, wrappedLastColumn, rowFrom, rowTo);
    }
  }
  return count / 2;
}

function addRange(
  grid: StoreGrid,
  ranges: Int32Array,
  count: number,
  row: number,
  firstColumn: number,
  lastColumn: number,
  rowFrom: number,
  rowTo: number,
): number {
  const start = lowerBound(grid.cellKeys, row * grid.columns + firstColumn, rowFrom, rowTo);
  const end = lowerBound(grid.cellKeys, row * grid.columns + lastColumn + 1, start, rowTo);
  if (start >= end) return count;
  ranges[count] = grid.firstStore + start;
  ranges[count + 1] = grid.firstStore + end;
  return count + 2;
}
