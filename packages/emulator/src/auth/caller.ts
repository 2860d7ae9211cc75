import type { SnapshotUser } from '../snapshot/snapshot-format.js';

/** Who makes a REST call: a webhook or an application acting for a user. */
export interface Caller {
  kind: 'webhook' | 'application';
  user: SnapshotUser;
  scopes: ReadonlySet<string>;
  /** The application's client id (OAuth calls only). */
  clientId: string | null;
  /** A stable key for the per-caller time budget, free of secrets. */
  budgetKey: string;
}
