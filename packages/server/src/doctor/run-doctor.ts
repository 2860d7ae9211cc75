import { type Config, secretsOf } from '../config/index.js';
import { findHousesPipeline, type MappingOverride, type PipelineRow } from '../domain/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import { CommandPump } from '../sync/command-pump.js';
import type { BatchSender } from '../sync/rest-command.js';
import { accessChecks, configurationCheck } from './connection-checks.js';
import type { DoctorCheck, DoctorReport } from './doctor-report.js';
import { clockSkewCheck, rateLimitCheck } from './limit-checks.js';
import { countsCheck, fieldMappingCheck, pipelineCheck, scopesCheck } from './portal-checks.js';
import { type PortalProbe, probePortal } from './portal-probe.js';

export interface DoctorContext {
  /** The loaded configuration; null when it could not be loaded (see `configProblems`). */
  config: Config | null;
  /** Every configuration problem (`ConfigError.problems`); empty when it loaded. */
  configProblems?: string[];
  /** The portal connection; null when none could be made. */
  connection: PortalConnection | null;
  /** The mapping file's overrides, when one is configured. */
  override?: MappingOverride;
  /**
   * Checks other modules make without the portal (e.g. the local application's install
   * and token state, `applicationCheck`); added after the connection checks.
   */
  extraChecks?: DoctorCheck[];
}

/**
 * Checks every step of the setup guide against the portal, in two batch requests, and
 * says for each failure what to do, in Russian. Never throws for a portal problem:
 * that is what the report is for. No secret reaches the report.
 */
export async function runDoctor(context: DoctorContext): Promise<DoctorReport> {
  const { connection } = context;
  const checks: DoctorCheck[] = [configurationCheck(context.configProblems ?? [], connection)];

  if (!connection) {
    checks.push(...accessChecks(null, null), ...(context.extraChecks ?? []));
    return reportOf(context, checks);
  }

  const before = connection.client.getStats();
  const operating = { max: 0 };
  const pump = new CommandPump(measuring(connection.send, operating));
  const probe = await probePortal(pump, (categories) =>
    findHousesPipeline(categories as unknown as PipelineRow[], context.override?.pipeline),
  );
  const after = connection.client.getStats();

  checks.push(...accessChecks(probe, connection), ...(context.extraChecks ?? []));
  if (!probe.failure) checks.push(...portalChecks(probe, context.override));
  checks.push(
    rateLimitCheck(
      probe,
      { ...after, retries: after.retries - before.retries },
      connection.client.rateLimit,
      operating.max,
    ),
    clockSkewCheck(probe),
  );
  return reportOf(context, checks);
}

function portalChecks(probe: PortalProbe, override?: MappingOverride): DoctorCheck[] {
  return [
    scopesCheck(probe),
    pipelineCheck(probe, override),
    fieldMappingCheck(probe, override),
    countsCheck(probe, override),
  ];
}

/** Passes batches through and keeps the highest `time.operating` seen. */
function measuring(send: BatchSender, operating: { max: number }): BatchSender {
  return async (commands, signal) => {
    const outcomes = await send(commands, signal);
    for (const outcome of outcomes.values()) {
      operating.max = Math.max(operating.max, outcome.operating ?? 0);
    }
    return outcomes;
  };
}

function reportOf(context: DoctorContext, checks: DoctorCheck[]): DoctorReport {
  const redact = redactorOf(context);
  const safe = checks.map((item) => ({
    ...item,
    detail: redact(item.detail),
    fix: redact(item.fix),
  }));

  return {
    ok: safe.every((item) => item.status !== 'fail'),
    checkedAt: new Date().toISOString(),
    demo: context.connection?.demo ?? false,
    domain: context.connection?.domain ?? null,
    checks: safe,
  };
}

/** The client knows the webhook code and tokens; the configuration knows the rest. */
function redactorOf(context: DoctorContext): (text: string) => string {
  const secrets = context.config ? secretsOf(context.config) : [];

  return (text) => {
    let safe = context.connection ? context.connection.client.redact(text) : text;
    for (const secret of secrets) safe = safe.split(secret).join('***');
    return safe;
  };
}
