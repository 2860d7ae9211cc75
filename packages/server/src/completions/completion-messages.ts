import { CLEANING_TYPE_NAMES, type CleaningType } from '../domain/index.js';
import type { CompletionStatus } from '../store/index.js';

/** What a completion says in Bitrix24: the deal's timeline, the day's task, the office. */
export interface CompletionFacts {
  id: number;
  houseId: number;
  address: string;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  brigadeName: string | null;
  /** `withdrawn`: the office took the mark back (a wrong mark), see completion-correction. */
  status: CompletionStatus;
  reason: string | null;
  photoCount: number;
  authorName: string;
  /** The office's correction of the mark: who and why; null when never corrected. */
  correction: { byName: string; note: string } | null;
  /** Why it was first marked not done, when it was done later; null otherwise. */
  earlierReason: string | null;
  /** Where the office sees it in AudioBot; null when AudioBot's address is not set. */
  link: string | null;
}

export function completionMarker(id: number): string {
  return `[AB completion:${id}]`;
}

/** One planned cleaning: its line in the day's task is found by this. */
export function cleaningMarker(facts: Pick<CompletionFacts, 'houseId' | 'date' | 'slot'>) {
  return `[AB cleaning:${facts.houseId}:${facts.date}:${facts.slot}]`;
}

const headlines: Record<CompletionStatus, string> = {
  done: 'Уборка выполнена',
  not_done: 'Уборка не выполнена',
  withdrawn: 'Отметка об уборке снята',
};

export function completionComment(facts: CompletionFacts): string {
  const { correction } = facts;
  return [
    `${headlines[facts.status]}: ${russianDate(facts.date)}`,
    `Тип: ${CLEANING_TYPE_NAMES[facts.cleaningType]}`,
    `Бригада: ${facts.brigadeName ?? 'не указана'}`,
    ...evidenceLines(facts),
    `Отметил: ${facts.authorName}`,
    ...(facts.earlierReason ? [`Ранее отмечено «не убрано»: ${facts.earlierReason}`] : []),
    ...(correction ? [`Исправил: ${correction.byName}. ${correction.note}`] : []),
    ...(facts.link ? [`Подробнее в AudioBot: ${facts.link}`] : []),
    completionMarker(facts.id),
  ].join('\n');
}

function evidenceLines(facts: CompletionFacts): string[] {
  if (facts.status === 'done') return [`Фото: ${facts.photoCount}`];
  if (facts.status === 'not_done') return [`Причина: ${facts.reason ?? ''}`];
  return [];
}

/** What a checklist line needs of a completion. */
export type ChecklistFacts = Pick<
  CompletionFacts,
  'houseId' | 'address' | 'date' | 'slot' | 'status' | 'reason' | 'photoCount'
>;

export function checklistTitle(facts: ChecklistFacts): string {
  const states: Record<CompletionStatus, string> = {
    done: `убрано, фото: ${facts.photoCount}`,
    not_done: `не убрано: ${facts.reason ?? ''}`,
    withdrawn: 'отметка снята офисом',
  };
  return `${facts.address} — ${states[facts.status]} ${cleaningMarker(facts)}`;
}

export function notDoneNotice(facts: CompletionFacts): string {
  return [
    `Уборка не выполнена: ${facts.address}, ${russianDate(facts.date)}`,
    `(${CLEANING_TYPE_NAMES[facts.cleaningType]}), бригада «${facts.brigadeName ?? '—'}».`,
    `Причина: ${facts.reason ?? ''}.`,
    ...(facts.link ? [facts.link] : []),
  ].join(' ');
}

function russianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
