// Data a page will ask for, requested while its code and the layout are still
// loading: the router starts it, the page takes it. Taken once, so a reload
// always asks the server again; a failed prefetch is forgotten, not shown.

const pending = new Map<string, Promise<unknown>>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  if (pending.has(key)) return;
  const request = load();
  pending.set(key, request);
  request.catch(() => {
    if (pending.get(key) === request) pending.delete(key);
  });
}

export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const request = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  return request ?? load();
}
