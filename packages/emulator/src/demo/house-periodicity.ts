import type { DemoCleaningType } from './cleaning-types.js';

/**
 * How often a house is cleaned in a month, as the two schedule slots hold it: slot 1 is
 * the main cleaning, slot 2 the lighter one in the weeks between. The labels are the
 * office's own words.
 */
export interface Periodicity {
  label: string;
  main: { count: number; type: DemoCleaningType };
  between: { count: number; type: DemoCleaningType } | null;
  /** Relative share of houses with this periodicity. */
  weight: number;
}

export const PERIODICITIES: readonly Periodicity[] = [
  { label: '4 раза', main: { count: 4, type: 'full_wet' }, between: null, weight: 35 },
  {
    label: '2 раза + 2 подметания',
    main: { count: 2, type: 'full_wet' },
    between: { count: 2, type: 'sweeping' },
    weight: 28,
  },
  {
    label: '2 раза + 2 первых этажа',
    main: { count: 2, type: 'full_wet' },
    between: { count: 2, type: 'first_floor' },
    weight: 20,
  },
  { label: '2 раза', main: { count: 2, type: 'full_wet' }, between: null, weight: 6 },
  {
    label: '4 раза + 4 первых этажа',
    main: { count: 4, type: 'full_wet' },
    between: { count: 4, type: 'first_floor' },
    weight: 4,
  },
  {
    label: '1 раз + 3 подметания',
    main: { count: 1, type: 'full_wet' },
    between: { count: 3, type: 'sweeping' },
    weight: 4,
  },
  {
    label: '2 подметания + 2 первых этажа',
    main: { count: 2, type: 'sweeping' },
    between: { count: 2, type: 'first_floor' },
    weight: 3,
  },
];

export const PERIODICITY_WEIGHTS = PERIODICITIES.map((entry) => [entry, entry.weight] as const);
