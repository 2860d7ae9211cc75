import { portalInstant } from './portal-time.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * When each deal was created, and the id that gives it: ids grow with creation time and
 * skip the deals people deleted. About a third of the houses were imported at once when
 * the pipeline was set up in November 2022; the rest arrived one by one since.
 */
export const PIPELINE_IMPORT_START = portalInstant(2022, 11, 28, 10);
const IMPORT_SPAN_MS = 21 * 86_400_000;
const IMPORTED_SHARE = 0.35;

export interface DealSlot {
  id: string;
  createdAt: number;
  /** True for houses created by the initial import. */
  imported: boolean;
}

export interface DealTimeline {
  houses: DealSlot[];
  others: DealSlot[];
}

export function buildDealTimeline(
  houses: number,
  others: number,
  now: Date,
  random: SeededRandom,
): DealTimeline {
  const end = Math.max(now.getTime() - 86_400_000, PIPELINE_IMPORT_START + IMPORT_SPAN_MS * 2);
  const importedUntil = PIPELINE_IMPORT_START + IMPORT_SPAN_MS;
  const between = (from: number, to: number) => from + Math.floor(random.next() * (to - from));

  // Times in one typed array each, sorted, then merged: cheap for 100 000 houses.
  const houseTimes = new Float64Array(houses);
  for (let index = 0; index < houses; index++) {
    const imported = random.chance(IMPORTED_SHARE);
    houseTimes[index] = imported
      ? between(PIPELINE_IMPORT_START, importedUntil)
      : between(importedUntil, end);
  }
  const otherTimes = new Float64Array(others);
  for (let index = 0; index < others; index++) {
    otherTimes[index] = between(portalInstant(2023, 1, 10), end);
  }
  houseTimes.sort();
  otherTimes.sort();

  return mergeById(houseTimes, otherTimes, importedUntil, random);
}

function mergeById(
  houseTimes: Float64Array,
  otherTimes: Float64Array,
  importedUntil: number,
  random: SeededRandom,
): DealTimeline {
  const timeline: DealTimeline = { houses: [], others: [] };
  let id = 1200 + random.int(0, 300);
  let house = 0;
  let other = 0;

  while (house < houseTimes.length || other < otherTimes.length) {
    const houseTime = houseTimes[house] ?? Number.POSITIVE_INFINITY;
    const otherTime = otherTimes[other] ?? Number.POSITIVE_INFINITY;
    id += random.chance(0.15) ? random.int(2, 6) : 1;

    if (houseTime <= otherTime) {
      timeline.houses.push({
        id: String(id),
        createdAt: houseTime,
        imported: houseTime < importedUntil,
      });
      house += 1;
    } else {
      timeline.others.push({ id: String(id), createdAt: otherTime, imported: false });
      other += 1;
    }
  }
  return timeline;
}
