import type { SnapshotContact } from '../snapshot/snapshot-format.js';
import { flat } from './flat-string.js';
import type { MultiFieldIds } from './multi-field-ids.js';
import { randomMobilePhone } from './phone-numbers.js';
import { formatPortalDateTime } from './portal-time.js';
import { randomPersonName } from './russian-names.js';
import type { SeededRandom } from './seeded-random.js';
import { transliterate } from './transliteration.js';

/**
 * CRM contacts: the senior residents of houses and the private clients of the other
 * pipelines. Senior residents are reached by phone; a few also left an e-mail.
 */
export class ContactBook {
  readonly contacts: SnapshotContact[] = [];
  private nextId = 1;

  constructor(
    private readonly random: SeededRandom,
    private readonly multiFields: MultiFieldIds,
    private readonly managerIds: string[],
  ) {}

  seniorResident(createdAt: number, modifiedAt: number): SnapshotContact {
    const post = this.random.weighted<string | null>([
      ['Старший по дому', 60],
      ['Председатель совета дома', 20],
      [null, 20],
    ]);
    return this.add(post, createdAt, modifiedAt, 0.1);
  }

  privateClient(createdAt: number): SnapshotContact {
    return this.add(null, createdAt, createdAt, 0.4);
  }

  private add(post: string | null, createdAt: number, modifiedAt: number, emailShare: number) {
    const name = randomPersonName(this.random, 0.65);
    const contact: SnapshotContact = {
      ID: String(this.nextId),
      NAME: name.firstName,
      LAST_NAME: name.lastName,
      SECOND_NAME: this.random.chance(0.7) ? name.secondName : '',
      POST: post,
      COMPANY_ID: null,
      ASSIGNED_BY_ID: this.random.pick(this.managerIds),
      DATE_CREATE: formatPortalDateTime(createdAt),
      DATE_MODIFY: formatPortalDateTime(modifiedAt),
    };
    this.nextId += this.random.chance(0.2) ? this.random.int(2, 3) : 1;

    this.addPhones(contact);
    if (this.random.chance(emailShare)) {
      const mailbox = `${transliterate(name.lastName)}${this.random.int(1950, 1999)}@mail.ru`;
      contact.EMAIL = [this.multiFields.value('EMAIL', 'HOME', flat(mailbox))];
    }
    this.contacts.push(contact);
    return contact;
  }

  private addPhones(contact: SnapshotContact): void {
    if (this.random.chance(0.03)) return;

    contact.PHONE = [this.multiFields.value('PHONE', 'MOBILE', randomMobilePhone(this.random))];
    if (this.random.chance(0.1)) {
      contact.PHONE.push(this.multiFields.value('PHONE', 'HOME', randomMobilePhone(this.random)));
    }
  }
}
