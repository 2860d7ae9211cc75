/** The doctor's verdict on the setup guide, step by step. Shared with `GET /api/health`. */

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  id: CheckId;
  /** The setup guide's step this check verifies, e.g. '2.1'. */
  step: string;
  /** What is checked, in Russian. */
  title: string;
  status: CheckStatus;
  /** What was found, in Russian. Never a secret. */
  detail: string;
  /** What to do, in Russian, as the guide's troubleshooting says; '' when nothing. */
  fix: string;
}

export type CheckId =
  | 'configuration'
  | 'reachability'
  | 'credentials'
  | 'scopes'
  | 'pipeline'
  | 'field-mapping'
  | 'counts'
  | 'rate-limit'
  | 'clock-skew';

export interface DoctorReport {
  /** False when any check failed; warnings keep it true. */
  ok: boolean;
  checkedAt: string;
  demo: boolean;
  /** Portal host, e.g. `vas-dom.bitrix24.ru`; null when not known. */
  domain: string | null;
  checks: DoctorCheck[];
}

export function check(
  id: CheckId,
  step: string,
  title: string,
  result: { status: CheckStatus; detail: string; fix?: string },
): DoctorCheck {
  return { id, step, title, status: result.status, detail: result.detail, fix: result.fix ?? '' };
}
