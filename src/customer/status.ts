/**
 * The customer's order status through the per-order link: read the order the token names, and
 * accept a delay's offer (cancel for a full refund) — the only thing the link may change.
 */
import type { Db } from '../store/db.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { delaysOf, messagesOf, type Order, type Orders, type StatusLinks } from '../orders/index.ts'
import { fail } from './errors.ts'
import { customerStatusView } from './status-view.ts'

export type CustomerStatusView = ReturnType<typeof customerStatusView>

/** Who cancelled, on the order's timeline: the shopper, through the status link. */
export const statusLinkActor = 'customer/status-link'

const noSuchOrder = () => fail('order_not_found', 'No order for this status link: check the link you were sent.')

export class CustomerStatus {
  readonly #db: Db
  readonly #catalogue: Catalogue
  readonly #orders: Orders
  readonly #links: StatusLinks

  constructor(db: Db, catalogue: Catalogue, orders: Orders, links: StatusLinks) {
    this.#db = db
    this.#catalogue = catalogue
    this.#orders = orders
    this.#links = links
  }

  /** The order the token names, as its customer sees it; a token this server did not sign names none. */
  async read(token: string): Promise<Result<CustomerStatusView>> {
    const order = await this.#orderOf(token)
    return order ? ok(await this.#view(order)) : noSuchOrder()
  }

  /** Accepts the open delay offer: the order is cancelled with a full refund, deposit included (no_delay_offer without one). */
  async cancelForDelay(token: string): Promise<Result<CustomerStatusView>> {
    const order = await this.#orderOf(token)
    if (!order) return noSuchOrder()
    const done = await this.#orders.act(order.id, 'cancel_for_delay',
      { actor: statusLinkActor, party: 'customer', channelId: order.channelId }, { reason: 'The customer accepted the delay offer on the order status page.' })
    return done.ok ? ok(await this.#view(done.value)) : done
  }

  async #orderOf(token: string): Promise<Order | undefined> {
    const id = await this.#links.orderIdOf(token)
    return id === undefined ? undefined : this.#orders.get(id)
  }

  async #view(order: Order): Promise<CustomerStatusView> {
    const skuNames = new Map<string, { code: string; name: string }>()
    for (const skuId of new Set(order.lines.map((l) => l.skuId))) {
      const sku = await this.#catalogue.resolveSku(skuId)
      if (sku) skuNames.set(skuId, { code: sku.code, name: sku.name })
    }
    const [delays, messages] = await Promise.all([delaysOf(this.#db, order.id), messagesOf(this.#db, order.id)])
    const pickupAt = order.fulfilment.method === 'pickup' ? (await this.#catalogue.resolveNode(order.fulfilment.nodeId))?.name ?? null : null
    return customerStatusView(order, { skuNames, delays, messages, pickupAt })
  }
}
