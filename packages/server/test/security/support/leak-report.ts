import { type EmittedText, findLeaksIn, type Leak, type SecretKind } from './leak-scan.js';
import type { LeakWatch } from './leak-watch.js';

/**
 * What one test file's watch gathered, written for the run's teardown, which searches
 * every file's texts for every file's secrets: a secret one file used must not turn up
 * in what another file's AudioBot said either.
 */
export interface LeakReport {
  testFile: string;
  secrets: [string, SecretKind][];
  texts: { origin: string; text: string; exempt: string[] }[];
  /** Answers streamed (files of the web app), whose bodies were not searched. */
  streamedAnswers: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where each test file's watch writes its `LeakReport`. */
    leakReportFolder: string;
  }
}

export function reportOf(testFile: string, watch: LeakWatch): LeakReport {
  return {
    testFile,
    secrets: [...watch.secrets],
    texts: watch.texts.map(({ origin, text, exempt }) => ({
      origin,
      text,
      exempt: [...(exempt ?? [])],
    })),
    streamedAnswers: watch.streamedAnswers,
  };
}

/** The report's texts, each origin led by the test file it came from. */
export function textsOf(report: LeakReport): EmittedText[] {
  return report.texts.map(({ origin, text, exempt }) => ({
    origin: `${report.testFile}: ${origin}`,
    text,
    exempt: new Set(exempt),
  }));
}

/** Every file's texts searched for every file's secrets. */
export function searchReports(reports: readonly LeakReport[]): {
  secrets: number;
  texts: number;
  leaks: Leak[];
} {
  const secrets = new Map(reports.flatMap((report) => report.secrets));
  const texts = reports.flatMap(textsOf);
  return { secrets: secrets.size, texts: texts.length, leaks: findLeaksIn(secrets, texts) };
}
