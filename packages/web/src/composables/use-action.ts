import { ref } from 'vue';
import { errorText } from '../api/http.js';

// A button's write (create a token, send the day's tasks, sign in): busy while
// it runs, so a second click waits; a failure becomes the sentence to show.

export function useAction() {
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Runs `work`; false when it failed (its sentence is then in `error`). */
  async function run(work: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    error.value = null;

    try {
      await work();
      return true;
    } catch (failure) {
      error.value = errorText(failure);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
