export interface ParsedAddress {
  text: string | null;
  lat: number | null;
  lon: number | null;
  /** Bitrix24's own address-record id, when present. */
  locationId: string | null;
}

/**
 * Reads a Bitrix24 address field value: `text|lat;lon|id`, e.g.
 * `Аллейная улица, 6, Калуга, Калужская область, Россия, 248009|54.52609;36.31364|8212`.
 * Any part may be missing («text», «text|lat;lon», «|;|»). Coordinates outside the
 * globe, or exactly 0;0 (what an ungeocoded address carries), count as none.
 */
export function parseAddress(value: unknown): ParsedAddress {
  const raw = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : '';
  const [textPart = '', coordinatePart = '', idPart = ''] = String(raw ?? '').split('|');

  const text = textPart.trim() || null;
  const { lat, lon } = parseCoordinates(coordinatePart);
  return { text, lat, lon, locationId: idPart.trim() || null };
}

function parseCoordinates(part: string): { lat: number | null; lon: number | null } {
  const [latText = '', lonText = ''] = part.split(';');
  const lat = Number.parseFloat(latText.replace(',', '.'));
  const lon = Number.parseFloat(lonText.replace(',', '.'));

  const valid =
    Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (!valid || (lat === 0 && lon === 0)) return { lat: null, lon: null };
  return { lat, lon };
}
