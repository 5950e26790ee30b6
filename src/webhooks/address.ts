/**
 * Server-side request forgery guard: a webhook may only reach public addresses. The host is
 * resolved (every address) and any loopback, private, shared (CGNAT), link-local, unique-local,
 * unspecified, multicast, reserved or IPv4-mapped address refuses it. A delivery connects to the
 * very address that was checked (the http `lookup` answers it), so a DNS answer that changes
 * between the check and the connection (rebinding) cannot reach an inside address.
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { ok, type Result } from '../kernel/result.ts'
import { fail, type WebhookErrorCode } from './errors.ts'

// One list per family: a BlockList also checks an IPv4 address against its IPv6 rules in the
// mapped form, so the IPv4-mapped range would refuse every IPv4 address. Mapped ones are refused by spelling below.
const blockedV4 = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blockedV4.addSubnet(net, prefix, 'ipv4')
const blockedV6 = new BlockList()
for (const [net, prefix] of [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blockedV6.addSubnet(net, prefix, 'ipv6')

/** Whether an address is one a webhook may not reach. */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return true
  if (family === 4) return blockedV4.check(address, 'ipv4')
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:xxxx:xxxx) and IPv4-compatible forms reach IPv4 addresses: refused outright.
  if (/^(0{0,4}:){0,5}(:|0{0,4}:)ffff:/i.test(address) || /^::(\d+\.){3}\d+$/.test(address)) return true
  return blockedV6.check(address, 'ipv6')
}

export interface ResolvedTarget {
  url: URL
  /** The checked address to connect to; undefined when private addresses are allowed (resolved as usual). */
  address: { address: string; family: 4 | 6 } | undefined
}

export const allowPrivateHint = 'Webhooks reach public addresses only; to deliver to a private or local one (development, tests), start the server with SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE=1.'

/** The URL's syntax alone: http or https, a host, no credentials. */
export function parseWebhookUrl(text: string): Result<URL, WebhookErrorCode> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('webhook_url_not_allowed', `'${text.slice(0, 200)}' is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('webhook_url_not_allowed', 'A webhook URL must be http or https.')
  if (url.username || url.password) return fail('webhook_url_not_allowed', 'A webhook URL may not carry credentials; verify deliveries by their signature.')
  if (!url.hostname) return fail('webhook_url_not_allowed', 'A webhook URL needs a host.')
  return ok(url)
}

/**
 * Checks the URL and resolves its host: refused when any address it resolves to may not be
 * reached (an attacker's name may answer a public and a private address), or when it does not resolve.
 */
export async function resolveTarget(text: string, allowPrivate: boolean): Promise<Result<ResolvedTarget, WebhookErrorCode>> {
  const parsed = parseWebhookUrl(text)
  if (!parsed.ok) return parsed
  const url = parsed.value
  if (allowPrivate) return ok({ url, address: undefined })
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: Array<{ address: string; family: number }>
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true })
  } catch {
    return fail('webhook_url_not_allowed', `The host '${host.slice(0, 200)}' does not resolve.`)
  }
  const refused = addresses.find((a) => isRefusedAddress(a.address))
  if (addresses.length === 0 || refused) {
    return fail('webhook_url_not_allowed', `The host '${host.slice(0, 200)}' resolves to ${refused?.address ?? 'no address'}, a private, local or reserved address. ${allowPrivateHint}`)
  }
  return ok({ url, address: { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 } })
}
