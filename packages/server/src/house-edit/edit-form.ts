import type { Kysely } from 'kysely';

import { apiError } from '../http/api-error.js';
import type { Database, House } from '../store/index.js';
import { type EditReference, loadEditReference, storedDealValues } from './edit-reference.js';
import { meaningOf } from './field-values.js';
import { COUNT_PARTS, type CountPart, type SlotCleaningType } from './house-edit.js';
import { hasOpenEdit } from './house-editor.js';

export interface SlotForm {
  slot: number;
  dates: string[];
  cleaningType: SlotCleaningType | null;
  /** The types the month's type field offers; empty when the slot has no type field. */
  types: SlotCleaningType[];
}

/** The general cleaning as stored; null when the portal has no date field for it. */
export interface GeneralCleaningForm {
  date: string | null;
  /** Item ids of «Генеральная уборка» the house's deal holds. */
  items: string[];
  /** The list's items; empty when the portal has no such list. */
  choices: { id: string; name: string }[];
}

/** What the edit form starts from: the stored values of one deal version. */
export interface EditForm {
  houseId: number;
  /** Send back as `baseVersion`: the deal's DATE_MODIFY these values are from. */
  version: string | null;
  counts: Record<CountPart, number | null>;
  /** Parts the portal has a field for. */
  editableCounts: CountPart[];
  brigadeId: number | null;
  brigades: { id: number; name: string }[];
  months: { month: string; slots: SlotForm[] }[];
  generalCleaning: GeneralCleaningForm | null;
  /** An earlier edit is still being written: a new one is refused until it is. */
  pendingEdit: boolean;
}

export async function loadEditForm(
  db: Kysely<Database>,
  memberId: string,
  houseId: number,
  timeZone: string,
): Promise<EditForm> {
  const house = await db
    .selectFrom('houses')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', houseId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!house) throw apiError('house_not_found', `No house with id ${houseId}.`);
  const reference = await loadEditReference(db, memberId);
  if (!reference) throw apiError('sync_pending');

  return {
    houseId,
    version: house.dealModifiedAt,
    counts: {
      apartments: house.apartments,
      entrances: house.entrances,
      floors: house.floors,
      area: house.area,
    },
    editableCounts: COUNT_PARTS.filter((part) => reference.mapping.fields.roles[part]),
    brigadeId: house.brigadeId === null ? null : Number(house.brigadeId),
    brigades: [...reference.brigades.values()].map(({ brigadeId, name }) => ({
      id: brigadeId,
      name,
    })),
    months: monthsOf(house, reference, timeZone),
    generalCleaning: generalCleaningOf(house, reference, timeZone),
    pendingEdit: await hasOpenEdit(db, memberId, houseId),
  };
}

function monthsOf(house: House, reference: EditReference, timeZone: string): EditForm['months'] {
  const values = storedDealValues(house);
  const months = new Map<string, SlotForm[]>();

  for (const slot of reference.mapping.fields.schedule) {
    if (!slot.date) continue;
    const typeField = slot.type?.field;
    const items = typeField ? (reference.typeItems.get(typeField) ?? []) : [];
    const itemId = typeField ? meaningOf('enum', values[typeField], timeZone) : null;

    const slots = months.get(slot.month) ?? [];
    slots.push({
      slot: slot.slot,
      dates: meaningOf('dates', values[slot.date.field], timeZone) as string[],
      cleaningType: slotType(items.find((item) => item.itemId === itemId)?.cleaningType),
      types: [...new Set(items.map((item) => slotType(item.cleaningType)))].filter(
        (type): type is SlotCleaningType => type !== null,
      ),
    });
    months.set(slot.month, slots);
  }
  return [...months].map(([month, slots]) => ({ month, slots }));
}

function generalCleaningOf(
  house: House,
  reference: EditReference,
  timeZone: string,
): GeneralCleaningForm | null {
  const { generalCleaningDate, generalCleaning } = reference.mapping.fields.roles;
  if (!generalCleaningDate) return null;

  const values = storedDealValues(house);
  const items = generalCleaning ? values[generalCleaning.field] : undefined;
  return {
    date: meaningOf('date', values[generalCleaningDate.field], timeZone) as string | null,
    items: meaningOf('enums', items, timeZone) as string[],
    choices: generalCleaning
      ? reference.generalItems.map((item) => ({ id: String(item.itemId), name: item.name }))
      : [],
  };
}

function slotType(type: string | undefined): SlotCleaningType | null {
  return type === 'full_wet' || type === 'sweeping' || type === 'first_floor' ? type : null;
}
