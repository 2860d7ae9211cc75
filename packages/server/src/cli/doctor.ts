import { type DoctorReport, runDoctor } from '../doctor/index.js';
import { reportText } from '../doctor/report-text.js';
import { configProblemsOf, openPortal } from '../portal/open-portal.js';

/**
 * `npm run doctor [-- --json]`: checks every step of the setup guide and prints what to
 * fix. Exit code 1 when any check failed, 0 otherwise (warnings included).
 */
async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const report = await doctorReport();

  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return report.ok ? 0 : 1;
}

async function doctorReport(): Promise<DoctorReport> {
  let opened: Awaited<ReturnType<typeof openPortal>>;
  try {
    opened = await openPortal();
  } catch (error) {
    const problems = configProblemsOf(error) ?? [
      error instanceof Error ? error.message : String(error),
    ];
    return runDoctor({ config: null, configProblems: problems, connection: null });
  }

  try {
    return await runDoctor({ config: opened.config, connection: opened.connection });
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Ошибка: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
