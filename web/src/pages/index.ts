/** Every page of the console, area by area: an area adds its pages here with one line. */
import type { ConsolePage } from './registry.ts'
import { homePages } from './home/index.ts'
import { dashboardPages } from './dashboard/index.ts'
import { stockPages } from './stock/index.ts'
import { orderPages } from './orders/index.ts'
import { sellingPages } from './selling/index.ts'
import { purchasingPages } from './purchasing/index.ts'
import { portalPages } from './portal/index.ts'
import { channelPages } from './channels/index.ts'
import { routingPages } from './routing/index.ts'
import { shipmentPages } from './shipments/index.ts'
import { returnPages } from './returns/index.ts'
import { replenishmentPages } from './replenishment/index.ts'
import { debitPages } from './debits/index.ts'
import { costPages } from './costs/index.ts'
import { payablesPages } from './payables/index.ts'

export const consolePages: readonly ConsolePage[] = [
  ...homePages,
  ...dashboardPages,
  ...stockPages,
  ...orderPages,
  ...sellingPages,
  ...purchasingPages,
  ...portalPages,
  ...channelPages,
  ...routingPages,
  ...shipmentPages,
  ...returnPages,
  ...replenishmentPages,
  ...debitPages,
  ...costPages,
  ...payablesPages,
]
