import { existsSync, readFileSync } from 'node:fs';
import { type MappingOverride, parseMappingOverride } from '../domain/mapping-override.js';

/**
 * Reads the mapping file (`AUDIOBOT_MAPPING_FILE`) at start, so a typo in it stops the
 * start with the other problems instead of surfacing at the first sync.
 */
export function readMappingFile(file: string, problems: string[]): MappingOverride | null {
  if (!existsSync(file)) {
    problems.push(`AUDIOBOT_MAPPING_FILE: ${file} does not exist`);
    return null;
  }

  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`AUDIOBOT_MAPPING_FILE: ${file} is not JSON (${(error as Error).message})`);
    return null;
  }

  const parsed = parseMappingOverride(json);
  if ('problems' in parsed) {
    problems.push(...parsed.problems.map((problem) => `AUDIOBOT_MAPPING_FILE: ${problem}`));
    return null;
  }
  return parsed.override;
}
