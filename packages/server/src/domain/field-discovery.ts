import { labelsOf, monthOfLabel, normalizeLabel, type UserFieldRow } from './field-label.js';
import { FIELD_ROLES, type FieldRole, ROLE_LABELS, SCHEDULE_LABEL } from './field-role.js';
import { HOUSES_PIPELINE_NAME } from './houses-pipeline.js';
import type { MappingOverride } from './mapping-override.js';

export interface MappedField {
  field: string;
  label: string;
  source: 'label' | 'override';
}

/** One schedule slot of one month: the dates field and the cleaning-type field. */
export interface ScheduleSlot {
  month: string;
  slot: number;
  date: MappedField | null;
  type: MappedField | null;
}

export type UnplacedReason =
  | 'unrecognised'
  | 'other_pipeline'
  | 'no_month'
  | 'duplicate'
  | 'overridden'
  | 'override_unknown_field';

export interface UnplacedField {
  field: string;
  label: string;
  reason: UnplacedReason;
  /** For a duplicate or an overridden field: the field used instead. */
  chosen?: string;
}

export interface FieldMapping {
  roles: Partial<Record<FieldRole, MappedField>>;
  /** Sorted by month, then slot. */
  schedule: ScheduleSlot[];
  unplaced: UnplacedField[];
  /** Roles no field was found for. */
  missing: FieldRole[];
}

export interface DiscoveryOptions {
  override?: MappingOverride;
  /**
   * Name of the houses pipeline (default «Уборка подъездов»). A label ending in
   * «| <another pipeline>» («Адрес квартиры | Частная уборка») belongs to that pipeline.
   */
  pipelineName?: string;
  /** Deals having a value, per field: breaks a tie between same-label fields. */
  valueCounts?: Record<string, number>;
}

interface Candidate {
  row: UserFieldRow;
  label: string;
  source: 'label' | 'override';
}

/** Where a field goes: a role, or `schedule|YYYY-MM|slot|date|type`. */
type Place = FieldRole | `schedule|${string}|${number}|${'date' | 'type'}`;

/**
 * Maps the deal user fields to their roles from their labels, never from their codes,
 * since the admin adds four fields a month and the codes differ between portals.
 * Labels are normalised (case, ё, spaces around «|»), so «Дата уборки1| Май 2025» is
 * slot 1 of May 2025. Same-label fields are reported and one is chosen deterministically
 * (see `pickOne`). A mapping override wins over any label.
 */
export function discoverFields(
  rows: readonly UserFieldRow[],
  options: DiscoveryOptions = {},
): FieldMapping {
  const unplaced: UnplacedField[] = [];
  const candidates = new Map<Place, Candidate[]>();

  const pipeline = normalizeLabel(options.pipelineName ?? HOUSES_PIPELINE_NAME);
  for (const row of rows) {
    const placed = placeByLabel(row, pipeline);
    if ('place' in placed) {
      pushCandidate(candidates, placed.place, { row, label: placed.label, source: 'label' });
    } else {
      unplaced.push({ field: row.FIELD_NAME, label: placed.label, reason: placed.reason });
    }
  }

  applyOverride(candidates, rows, options.override, unplaced);
  const chosen = resolveDuplicates(candidates, options.valueCounts ?? {}, unplaced);
  return buildMapping(chosen, unplaced);
}

function placeByLabel(row: UserFieldRow, pipeline: string): Placement {
  const labels = labelsOf(row);
  const refused: { reason: UnplacedReason; label: string }[] = [];

  for (const label of labels) {
    const placed = placeLabel(label, pipeline);
    if ('place' in placed) return placed;
    if (placed.reason !== 'unrecognised') refused.push(placed);
  }
  return refused[0] ?? { reason: 'unrecognised', label: labels[0] ?? '' };
}

type Placement = { place: Place; label: string } | { reason: UnplacedReason; label: string };

/**
 * One label: a schedule slot when it says «Дата/Тип уборки N» and a month; else a role
 * by its head (the part before «|»), unless its tail names another pipeline (a tail
 * that is a month, «| Сентябрь 2025», is not a pipeline).
 */
function placeLabel(label: string, pipeline: string): Placement {
  const normalized = normalizeLabel(label);
  const schedule = SCHEDULE_LABEL.exec(normalized);
  if (schedule) {
    const month = monthOfLabel(normalized);
    if (!month) return { reason: 'no_month', label };
    const part = schedule[1] === 'дата' ? 'date' : 'type';
    return { place: `schedule|${month}|${Number(schedule[2])}|${part}`, label };
  }

  const [head = '', tail] = normalized.split(' | ');
  const role = ROLE_LABELS.find(([, pattern]) => pattern.test(head))?.[0];
  if (!role) return { reason: 'unrecognised', label };
  if (tail && tail !== pipeline && !monthOfLabel(tail)) {
    return { reason: 'other_pipeline', label };
  }
  return { place: role, label };
}

function pushCandidate(candidates: Map<Place, Candidate[]>, place: Place, candidate: Candidate) {
  const list = candidates.get(place) ?? [];
  list.push(candidate);
  candidates.set(place, list);
}

/** The override's field takes the place; whatever the labels put there is reported. */
function applyOverride(
  candidates: Map<Place, Candidate[]>,
  rows: readonly UserFieldRow[],
  override: MappingOverride | undefined,
  unplaced: UnplacedField[],
): void {
  const byName = new Map(rows.map((row) => [row.FIELD_NAME, row]));

  for (const [place, field] of overridePlaces(override)) {
    const row = byName.get(field);
    if (!row) {
      unplaced.push({ field, label: '', reason: 'override_unknown_field' });
      continue;
    }

    removeField(candidates, field);
    dropUnplaced(unplaced, field);
    for (const previous of candidates.get(place) ?? []) {
      unplaced.push({
        field: previous.row.FIELD_NAME,
        label: previous.label,
        reason: 'overridden',
        chosen: field,
      });
    }
    candidates.set(place, [{ row, label: labelsOf(row)[0] ?? '', source: 'override' }]);
  }
}

function overridePlaces(override: MappingOverride | undefined): [Place, string][] {
  if (!override) return [];
  const places: [Place, string][] = [];

  for (const role of FIELD_ROLES) {
    const field = override.roles?.[role];
    if (field) places.push([role, field]);
  }
  for (const [month, slots] of Object.entries(override.schedule ?? {})) {
    for (const [slot, fields] of Object.entries(slots)) {
      if (fields.date) places.push([`schedule|${month}|${Number(slot)}|date`, fields.date]);
      if (fields.type) places.push([`schedule|${month}|${Number(slot)}|type`, fields.type]);
    }
  }
  return places;
}

/** A field the override places is no longer "unrecognised". */
function dropUnplaced(unplaced: UnplacedField[], field: string): void {
  const kept = unplaced.filter((entry) => entry.field !== field);
  unplaced.splice(0, unplaced.length, ...kept);
}

function removeField(candidates: Map<Place, Candidate[]>, field: string): void {
  for (const [place, list] of candidates) {
    const rest = list.filter((candidate) => candidate.row.FIELD_NAME !== field);
    if (rest.length === 0) candidates.delete(place);
    else candidates.set(place, rest);
  }
}

function resolveDuplicates(
  candidates: Map<Place, Candidate[]>,
  valueCounts: Record<string, number>,
  unplaced: UnplacedField[],
): Map<Place, Candidate> {
  const chosen = new Map<Place, Candidate>();

  for (const [place, list] of candidates) {
    const winner = pickOne(list, valueCounts);
    chosen.set(place, winner);
    for (const other of list) {
      if (other === winner) continue;
      unplaced.push({
        field: other.row.FIELD_NAME,
        label: other.label,
        reason: 'duplicate',
        chosen: winner.row.FIELD_NAME,
      });
    }
  }
  return chosen;
}

/**
 * Among fields with the same meaning: the one more deals fill in (the other is usually an
 * abandoned copy), then the older one (lower ID: the copy came later), then by code.
 */
function pickOne(list: Candidate[], valueCounts: Record<string, number>): Candidate {
  const sorted = [...list].sort(
    (a, b) =>
      (valueCounts[b.row.FIELD_NAME] ?? 0) - (valueCounts[a.row.FIELD_NAME] ?? 0) ||
      numericId(a.row) - numericId(b.row) ||
      a.row.FIELD_NAME.localeCompare(b.row.FIELD_NAME),
  );
  return sorted[0]!;
}

function numericId(row: UserFieldRow): number {
  const id = Number(row.ID);
  return Number.isFinite(id) && row.ID !== undefined ? id : Number.MAX_SAFE_INTEGER;
}

function buildMapping(chosen: Map<Place, Candidate>, unplaced: UnplacedField[]): FieldMapping {
  const roles: Partial<Record<FieldRole, MappedField>> = {};
  const slots = new Map<string, ScheduleSlot>();

  for (const [place, candidate] of chosen) {
    const mapped = {
      field: candidate.row.FIELD_NAME,
      label: candidate.label,
      source: candidate.source,
    };
    if (!place.startsWith('schedule|')) {
      roles[place as FieldRole] = mapped;
      continue;
    }
    const [, month = '', slot = '0', part] = place.split('|');
    const key = `${month}|${slot.padStart(3, '0')}`;
    const entry = slots.get(key) ?? { month, slot: Number(slot), date: null, type: null };
    entry[part === 'date' ? 'date' : 'type'] = mapped;
    slots.set(key, entry);
  }

  const schedule = [...slots.keys()].sort().map((key) => slots.get(key)!);
  const missing = FIELD_ROLES.filter((role) => !roles[role]);
  return { roles, schedule, unplaced: sortUnplaced(unplaced), missing };
}

function sortUnplaced(unplaced: UnplacedField[]): UnplacedField[] {
  return [...unplaced].sort(
    (a, b) => a.field.localeCompare(b.field) || a.reason.localeCompare(b.reason),
  );
}
