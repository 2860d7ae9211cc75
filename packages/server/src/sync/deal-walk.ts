import type { CommandPump } from './command-pump.js';
import { batchLimit, pageSize, type RestCommand, rowsOf } from './rest-command.js';
import type { PortalRow } from './sync-domain.js';

/** One page of house deals with the companies and contacts they name, written together. */
export interface HouseUnit {
  page: number;
  deals: PortalRow[];
  companies: PortalRow[];
  contacts: PortalRow[];
}

export interface DealWalkOptions {
  pump: CommandPump;
  /** `crm.deal.list` filter: the pipeline, and `>ID` or `>DATE_MODIFY` bounds. */
  filter: Record<string, unknown>;
  /** Companies and contacts already asked for in this run, so each is fetched once. */
  requested: { companies: Set<string>; contacts: Set<string> };
  /** Deal pages fetched but not yet written; bounds memory on a large portal. */
  maxPagesInFlight?: number;
  onTotal?: (total: number) => void;
  /** Called once per page, in completion order; the walk waits for it. */
  writeUnit: (unit: HouseUnit) => Promise<void>;
}

export const dealSelect = ['*', 'UF_*'];

/**
 * Three batches of pages: the store writes slower than the portal answers, and with two
 * the writer ran dry while the next batch's deals and then their contacts were on their
 * way (a 20 000-house sync idled a third of its time). Each page is ~50 parsed deals.
 */
const MAX_PAGES_IN_FLIGHT = 150;
const companySelect = ['ID', 'TITLE', 'PHONE', 'EMAIL', 'ADDRESS', 'DATE_MODIFY'];
const contactSelect = ['ID', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'PHONE', 'EMAIL', 'DATE_MODIFY'];

export function dealPage(filter: Record<string, unknown>, start: number): RestCommand {
  return {
    method: 'crm.deal.list',
    params: { filter, select: dealSelect, order: { ID: 'ASC' }, start },
  };
}

/**
 * Walks the house deals matching `filter` page by page: the first page gives the
 * count, the rest go out 50 to a batch. Each page's companies and contacts are asked
 * for by `@ID` (only the ones this run has not asked for yet) and the page is handed
 * to `writeUnit` with them. Returns how many deals it saw.
 */
export async function walkDeals(options: DealWalkOptions): Promise<number> {
  const { pump } = options;
  const first = await pump.run(dealPage(options.filter, 0));
  const total = first.total ?? rowsOf(first).length;
  options.onTotal?.(total);

  const slots = new Slots(options.maxPagesInFlight ?? MAX_PAGES_IN_FLIGHT);
  let failure: { error: unknown } | null = null;
  const settle = (page: Promise<void>) =>
    page.catch((error: unknown) => {
      failure ??= { error };
    });
  const pages: Promise<void>[] = [settle(unitOf(options, 0, rowsOf(first)))];

  const lastPage = Math.ceil(total / pageSize) - 1;
  for (let page = 1; page <= lastPage && !failure; page += 1) {
    // Pages are asked for a batch at a time: a page freed alone would otherwise go out in
    // a batch of its own while the pump is idle (the writer sets the pace), and on a
    // large portal every extra request waits for the rate limit.
    if ((page - 1) % batchLimit === 0) await slots.take(Math.min(batchLimit, lastPage - page + 1));
    const done = pump
      .run(dealPage(options.filter, page * pageSize))
      .then((outcome) => unitOf(options, page, rowsOf(outcome)))
      .finally(() => slots.release());
    pages.push(settle(done));
  }

  await Promise.all(pages);
  if (failure) throw (failure as { error: unknown }).error;
  return total;
}

async function unitOf(options: DealWalkOptions, page: number, deals: PortalRow[]): Promise<void> {
  const companyIds = newIds(deals, 'COMPANY_ID', options.requested.companies);
  const contactIds = newIds(deals, 'CONTACT_ID', options.requested.contacts);

  const [companies, contacts] = await Promise.all([
    byIds(options.pump, 'crm.company.list', companySelect, companyIds),
    byIds(options.pump, 'crm.contact.list', contactSelect, contactIds),
  ]);
  await options.writeUnit({ page, deals, companies, contacts });
}

/** The ids the deals name that nobody asked for yet; marks them asked. */
function newIds(deals: PortalRow[], field: string, requested: Set<string>): string[] {
  const ids: string[] = [];

  for (const deal of deals) {
    const id = String(deal[field] ?? '');
    if (id === '' || id === '0' || requested.has(id)) continue;
    requested.add(id);
    ids.push(id);
  }
  return ids;
}

/** Rows by `@ID`, 50 ids per command; urgent, so the page waiting for them is written soon. */
export async function byIds(
  pump: CommandPump,
  method: string,
  select: string[],
  ids: string[],
): Promise<PortalRow[]> {
  const chunks: Promise<PortalRow[]>[] = [];

  for (let start = 0; start < ids.length; start += pageSize) {
    const filter = { '@ID': ids.slice(start, start + pageSize) };
    const command = { method, params: { filter, select, start: -1 } };
    chunks.push(pump.run(command, true).then((outcome) => rowsOf<PortalRow>(outcome)));
  }
  return (await Promise.all(chunks)).flat();
}

/** A counting semaphore: at most `size` pages between fetch and write. */
class Slots {
  readonly #size: number;
  #free: number;
  #waiting: { count: number; resolve: () => void } | null = null;

  constructor(size: number) {
    this.#size = Math.max(1, size);
    this.#free = this.#size;
  }

  /** Waits until `count` slots (at most all) are free and takes them; one taker at a time. */
  async take(wanted: number): Promise<void> {
    const count = Math.min(wanted, this.#size);
    if (this.#free >= count) {
      this.#free -= count;
      return;
    }
    await new Promise<void>((resolve) => {
      this.#waiting = { count, resolve };
    });
  }

  release(): void {
    this.#free += 1;
    const waiting = this.#waiting;
    if (waiting && this.#free >= waiting.count) {
      this.#free -= waiting.count;
      this.#waiting = null;
      waiting.resolve();
    }
  }
}
