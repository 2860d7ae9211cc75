import { computed, ref, shallowRef } from 'vue';
import { api } from '../api/audiobot-api.js';
import { errorText, setUnauthorizedHandler } from '../api/http.js';
import type { Health, SessionUser } from '../api/types.js';

// Who is signed in and which portal the server serves. Shared by the layout
// (demo banner, sign-in screen) and pages (admin-only details).

const health = shallowRef<Health | null>(null);
const user = shallowRef<SessionUser | null>(null);
const ready = ref(false);
const startError = ref<string | null>(null);

setUnauthorizedHandler(() => {
  user.value = null;
});

async function start(): Promise<void> {
  startError.value = null;

  try {
    const [healthAnswer, signedIn] = await Promise.all([api.health(), loadUser()]);
    health.value = healthAnswer;
    user.value = signedIn;
  } catch (failure) {
    startError.value = errorText(failure);
  } finally {
    ready.value = true;
  }
}

async function loadUser(): Promise<SessionUser | null> {
  try {
    return (await api.me()).user;
  } catch {
    return null;
  }
}

async function signInDemo(): Promise<void> {
  user.value = (await api.signInDemo()).user;
}

async function signOut(): Promise<void> {
  await api.signOut().catch(() => undefined);
  user.value = null;
}

export function useSession() {
  return {
    health,
    user,
    ready,
    startError,
    demo: computed(() => health.value?.demo === true),
    isAdmin: computed(() => user.value?.role === 'admin'),
    // A brigade user sees their own brigade only: no choice of brigade to offer.
    seesAllBrigades: computed(() => !user.value?.role.startsWith('brigade')),
    start,
    signInDemo,
    signOut,
  };
}
