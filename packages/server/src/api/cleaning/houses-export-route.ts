import { Type } from '@sinclair/typebox';
import ExcelJS from 'exceljs';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { toCsv } from './csv-writer.js';
import { assertDateRange } from './date-range.js';
import { EXPORT_COLUMNS, exportRows } from './house-export-table.js';
import { HouseFilterProperties, type HouseSummary } from './house-schemas.js';
import { presentHouseSummary } from './house-summary-presenter.js';
import { selectHouseSummaries } from './house-summary-query.js';
import { nextCleaningsOf } from './next-cleaning-query.js';

// Ids per IN list: far below SQLite's and PostgreSQL's parameter limits.
const ID_CHUNK = 1000;

const schema = {
  tags: ['cleaning'],
  summary: 'The filtered houses as a file: CSV for Excel (UTF-8, `;`) or XLSX',
  querystring: Type.Object(
    {
      ...HouseFilterProperties,
      format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Unsafe<Buffer | string>({
      type: 'string',
      format: 'binary',
      description: 'The file',
    }),
    ...protectedErrors,
  },
};

export function housesExportRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/houses/export', { schema }, async (request, reply) => {
    const { format, ...query } = request.query;
    const filter = { ...query, brigadeId: scopedBrigadeId(request.user, query.brigadeId) };
    assertDateRange(filter);
    const houses = await allHouses(context, filter);

    const stamp = context.today();
    const header = EXPORT_COLUMNS.map(([title]) => title);
    const rows = exportRows(houses);
    reply.header('content-disposition', `attachment; filename="houses-${stamp}.${format}"`);

    if (format === 'xlsx') {
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(await toXlsx(header, rows));
    }
    reply.type('text/csv; charset=utf-8');
    return reply.send(toCsv(header, rows));
  });
}

async function allHouses(
  context: ApiContext,
  filter: Parameters<typeof selectHouseSummaries>[1],
): Promise<HouseSummary[]> {
  const scope = { memberId: context.memberId(), today: context.today() };
  const rows = await selectHouseSummaries(context.db, filter, scope);

  const houses: HouseSummary[] = [];
  for (let start = 0; start < rows.length; start += ID_CHUNK) {
    const chunk = rows.slice(start, start + ID_CHUNK);
    const ids = chunk.map((row) => Number(row.id));
    const next = await nextCleaningsOf(context.db, scope.memberId, ids, scope.today);
    for (const row of chunk) houses.push(presentHouseSummary(row, next.get(Number(row.id))));
  }
  return houses;
}

async function toXlsx(header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дома');
  sheet.addRow(header).font = { bold: true };
  sheet.addRows(rows);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => {
    column.width = 18;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
