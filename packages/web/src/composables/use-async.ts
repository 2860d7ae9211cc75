import { type Ref, ref, shallowRef, type WatchSource, watch } from 'vue';
import { errorText } from '../api/http.js';

// The loading / error / data triple every page needs. A newer load wins: an
// answer that arrives after a later request started is dropped, so typing fast
// in a search box never shows stale rows.

export interface AsyncState<T> {
  data: Ref<T | null>;
  error: Ref<string | null>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
}

export function useAsync<T>(load: () => Promise<T>, sources: WatchSource[] = []): AsyncState<T> {
  const data = shallowRef<T | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(true);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;

    try {
      const result = await load();
      if (mine === generation) data.value = result;
    } catch (failure) {
      if (mine === generation) error.value = errorText(failure);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  if (sources.length > 0) watch(sources, () => void reload(), { deep: true });
  void reload();
  return { data, error, loading, reload };
}
