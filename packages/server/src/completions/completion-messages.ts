import { CLEANING_TYPE_NAMES, type CleaningType } from '../domain/index.js';

/** What a completion says in Bitrix24: the deal's timeline, the day's task, the office. */
export interface CompletionFacts {
  id: number;
  houseId: number;
  address: string;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  brigadeName: string | null;
  status: 'done' | 'not_done';
  reason: string | null;
  photoCount: number;
  authorName: string;
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

export function completionComment(facts: CompletionFacts): string {
  const done = facts.status === 'done';
  return [
    `${done ? 'Уборка выполнена' : 'Уборка не выполнена'}: ${russianDate(facts.date)}`,
    `Тип: ${CLEANING_TYPE_NAMES[facts.cleaningType]}`,
    `Бригада: ${facts.brigadeName ?? 'не указана'}`,
    done ? `Фото: ${facts.photoCount}` : `Причина: ${facts.reason ?? ''}`,
    `Отметил: ${facts.authorName}`,
    ...(facts.earlierReason ? [`Ранее отмечено «не убрано»: ${facts.earlierReason}`] : []),
    ...(facts.link ? [`Подробнее в AudioBot: ${facts.link}`] : []),
    completionMarker(facts.id),
  ].join('\n');
}

export function checklistTitle(facts: CompletionFacts): string {
  const state =
    facts.status === 'done'
      ? `убрано, фото: ${facts.photoCount}`
      : `не убрано: ${facts.reason ?? ''}`;
  return `${facts.address} — ${state} ${cleaningMarker(facts)}`;
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
