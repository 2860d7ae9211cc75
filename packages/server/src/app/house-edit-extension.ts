import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

import { houseEditFormRoute } from '../api/cleaning/house-edit-form-route.js';
import { houseEditRoute } from '../api/cleaning/house-edit-route.js';
import type { HouseEditing } from '../house-edit/index.js';
import type { OutboxWorker, PortalCaller } from '../outbox/index.js';
import type { AppExtension } from './app-dependencies.js';

/** Where an edit is written: the served portal and the worker that runs its outbox. */
export interface EditChannel {
  portal: PortalCaller;
  worker: Pick<OutboxWorker, 'settle'>;
}

/**
 * The house edit routes. They call the portal and the outbox worker, which the API
 * context does not hold; `channel()` is null while no portal is served (an install may
 * bring one later). A write the worker finishes later still empties the read cache.
 */
export function houseEditExtension(
  editing: HouseEditing,
  channel: () => EditChannel | null,
  options: { settleMs?: number } = {},
): AppExtension {
  return (app, context) => {
    editing.onStoreWritten(() => context.readCache.invalidate());
    const editor = () => {
      const served = channel();
      return served ? editing.editor(served.portal, served.worker, options.settleMs) : null;
    };
    const api = app.withTypeProvider<TypeBoxTypeProvider>();
    houseEditFormRoute(api, context);
    houseEditRoute(api, context, editor);
  };
}
