import type { CheckStatus, DoctorReport } from './doctor-report.js';

const marks: Record<CheckStatus, string> = {
  ok: '✔',
  warn: '!',
  fail: '✘',
  skip: '–',
};

/** The report as `npm run doctor` prints it: one block per check, fixes indented. */
export function reportText(report: DoctorReport): string {
  const lines = [
    `Проверка подключения AudioBot${report.domain ? ` к ${report.domain}` : ''}` +
      `${report.demo ? ' (демо-портал)' : ''}`,
    '',
  ];

  for (const item of report.checks) {
    lines.push(`${marks[item.status]} [Шаг ${item.step}] ${item.title}: ${item.detail}`);
    if (item.fix) lines.push(`    Что сделать: ${item.fix}`);
  }

  const failed = report.checks.filter((item) => item.status === 'fail').length;
  lines.push('', failed === 0 ? 'Итог: всё в порядке.' : `Итог: ошибок — ${failed}.`, '');
  return lines.join('\n');
}
