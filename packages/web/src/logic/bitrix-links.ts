// Links into the portal. They carry only the portal address and the deal id,
// never a webhook or token: the user's own Bitrix24 session opens them.

export function dealUrl(
  portal: { domain: string; url?: string } | null,
  dealId: string,
): string | null {
  if (!portal) return null;
  // The demo portal runs on this machine over plain HTTP; a real portal is HTTPS.
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(portal.domain);
  const origin = portal.url ?? `${local ? 'http' : 'https'}://${portal.domain}`;
  return `${origin.replace(/\/+$/, '')}/crm/deal/details/${encodeURIComponent(dealId)}/`;
}
