// Links into the portal. They carry only the portal address and the deal id,
// never a webhook or token: the user's own Bitrix24 session opens them.

export function dealUrl(
  portal: { domain: string; url?: string } | null,
  dealId: string,
): string | null {
  if (!portal) return null;
  const origin = portal.url ?? `https://${portal.domain}`;
  return `${origin.replace(/\/+$/, '')}/crm/deal/details/${encodeURIComponent(dealId)}/`;
}
