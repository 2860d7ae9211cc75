import { computed, shallowRef } from 'vue';
import { api } from '../api/audiobot-api.js';
import type { Filters } from '../api/types.js';
import { assignBrigadeColors } from '../logic/colors.js';

// The filter lists (brigades, УК, types, problems) change only with a sync, so
// every page shares one request.

const filters = shallowRef<Filters | null>(null);
let pending: Promise<Filters> | null = null;

function loadFilters(): Promise<Filters> {
  pending ??= api.filters().then(
    (result) => {
      filters.value = result;
      return result;
    },
    (failure: unknown) => {
      pending = null;
      throw failure;
    },
  );
  return pending;
}

export function useFilters() {
  const brigadeColors = computed(() =>
    assignBrigadeColors(filters.value?.brigades.map((brigade) => brigade.id) ?? []),
  );
  const brigadeName = (id: string | null) =>
    filters.value?.brigades.find((brigade) => brigade.id === id)?.name ?? null;

  return { filters, loadFilters, brigadeColors, brigadeName };
}
