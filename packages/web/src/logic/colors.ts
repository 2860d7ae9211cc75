import type { CleaningType } from '../api/types.js';

// Colours are assigned, not hard-coded per brigade: brigades come from the
// portal, so the palette is handed out in a stable order (sorted by id) and a
// brigade keeps its colour on every page.

/** Bitrix24-like hues with at least 3:1 contrast on white for markers and bars. */
export const BRIGADE_PALETTE: readonly string[] = [
  '#0075ff',
  '#e0484f',
  '#1f9d55',
  '#c46a00',
  '#8b3fd9',
  '#00838f',
  '#b8417f',
  '#5c6f00',
  '#3d5afe',
  '#795548',
];

export const NO_BRIGADE_COLOR = '#6a737f';

export function assignBrigadeColors(brigadeIds: readonly string[]): Map<string, string> {
  const sorted = [...new Set(brigadeIds)].sort(compareIds);
  return new Map(sorted.map((id, index) => [id, paletteAt(index)]));
}

export function brigadeColor(colors: Map<string, string>, brigadeId: string | null): string {
  return (brigadeId && colors.get(brigadeId)) || NO_BRIGADE_COLOR;
}

function paletteAt(index: number): string {
  return BRIGADE_PALETTE[index % BRIGADE_PALETTE.length] ?? NO_BRIGADE_COLOR;
}

// Numeric ids sort as numbers ("10" after "9"), as Bitrix24 departments do.
function compareIds(left: string, right: string): number {
  const byNumber = Number(left) - Number(right);
  return Number.isNaN(byNumber) || byNumber === 0 ? left.localeCompare(right) : byNumber;
}

export interface CleaningTypeStyle {
  color: string;
  badge:
    | 'air-primary'
    | 'air-primary-success'
    | 'air-primary-warning'
    | 'air-primary-copilot'
    | 'air-tertiary';
}

// Text is drawn in white on these, so each keeps at least 4.5:1 contrast.
export const CLEANING_TYPE_STYLES: Readonly<Record<CleaningType, CleaningTypeStyle>> = {
  full_wet: { color: '#0068e0', badge: 'air-primary' },
  sweeping: { color: '#0d7f4f', badge: 'air-primary-success' },
  first_floor: { color: '#a85600', badge: 'air-primary-warning' },
  general: { color: '#8b3fd9', badge: 'air-primary-copilot' },
  unknown: { color: '#6a737f', badge: 'air-tertiary' },
};
