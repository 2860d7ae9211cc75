/**
 * A REST method name: dot-separated words (`crm.deal.list`), any case. Checked before a
 * name goes into a URL path or a batch command, where `?`, `/` or `#` would change what
 * is called.
 */
const methodName = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

export function isRestMethodName(name: string): boolean {
  return methodName.test(name);
}
