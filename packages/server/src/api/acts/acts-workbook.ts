import ExcelJS from 'exceljs';

import type { Act, ActStatistics } from './act-schemas.js';

export const ACT_STATUS_NAMES: Record<Act['status'], string> = {
  signed: 'Подписан',
  ready: 'Готов к подписанию',
  behind: 'Отстаёт',
  in_progress: 'В работе',
};

type Cell = string | number | null;

/** The columns of the acts sheet, in Russian, as the office reads it in Excel. */
const ACT_COLUMNS: ReadonlyArray<readonly [string, number, (act: Act) => Cell]> = [
  ['ID дома', 10, (act) => Number(act.house.id)],
  ['Адрес', 44, (act) => act.house.address],
  ['Название', 30, (act) => act.house.title],
  ['Бригада', 20, (act) => act.brigade?.name ?? null],
  ['Запланировано', 14, (act) => act.planned],
  ['Выполнено', 12, (act) => act.done],
  ['Просрочено', 12, (act) => act.overdue],
  ['Статус', 20, (act) => ACT_STATUS_NAMES[act.status]],
  ['Дата подписания', 16, (act) => act.signature?.date ?? null],
  ['Подписал', 26, (act) => act.signature?.by.name ?? null],
];

/** Two sheets: every house's act of the month, and the month's totals. */
export async function actsWorkbook(
  month: string,
  acts: Act[],
  statistics: ActStatistics,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addActsSheet(workbook, acts);
  addTotalsSheet(workbook, month, statistics);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addActsSheet(workbook: ExcelJS.Workbook, acts: Act[]): void {
  const sheet = workbook.addWorksheet('Акты');
  sheet.columns = ACT_COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(acts.map((act) => ACT_COLUMNS.map(([, , value]) => value(act))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function addTotalsSheet(
  workbook: ExcelJS.Workbook,
  month: string,
  statistics: ActStatistics,
): void {
  const sheet = workbook.addWorksheet('Итоги');
  sheet.columns = [{ width: 28 }, { width: 12 }];
  sheet.addRows([
    ['Месяц', month],
    ['Домов', statistics.houses],
    ['Подписано', statistics.signed],
    ['Готово к подписанию', statistics.ready],
    ['Отстают', statistics.behind],
    ['В работе', statistics.inProgress],
    ['Уборок запланировано', statistics.planned],
    ['Уборок выполнено', statistics.done],
  ]);
  sheet.getColumn(1).font = { bold: true };
}
