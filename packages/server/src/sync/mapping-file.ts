import { readFileSync } from 'node:fs';
import type { Config } from '../config/index.js';
import { type MappingOverride, parseMappingOverride } from '../domain/index.js';
import { SyncError } from './sync-errors.js';

/** The overrides of `AUDIOBOT_MAPPING_FILE`, or undefined when none is configured. */
export function loadMappingOverride(
  config: Pick<Config, 'mappingFile'>,
): MappingOverride | undefined {
  if (!config.mappingFile) return undefined;

  let json: unknown;
  try {
    json = JSON.parse(readFileSync(config.mappingFile, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncError('mapping_file_invalid', `AUDIOBOT_MAPPING_FILE cannot be read: ${reason}`);
  }

  const parsed = parseMappingOverride(json);
  if ('problems' in parsed) {
    throw new SyncError(
      'mapping_file_invalid',
      `AUDIOBOT_MAPPING_FILE: ${parsed.problems.join('; ')}`,
    );
  }
  return parsed.override;
}
