import type { Leak } from './leak-scan.js';

/** What one test file's watch found, written for the run's teardown to gather. */
export interface LeakReport {
  testFile: string;
  /** How many different secrets the file used. */
  secrets: number;
  /** How many log lines and answers were searched. */
  texts: number;
  /** Answers streamed (files of the web app), whose bodies were not searched. */
  streamedAnswers: number;
  leaks: Leak[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where each test file's watch writes its `LeakReport`. */
    leakReportFolder: string;
  }
}
