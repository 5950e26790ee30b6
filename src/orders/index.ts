/** The orders context: sales orders, their lifecycle table, placement through the engine, payments and deadlines. Other contexts import only this file. */
export * from './model.ts'
export { orderTransitions, orderActions, checkTransition, type OrderAction, type Party, type OrderTransition } from './lifecycle.ts'
export { placeOp, type PlaceInput, type PlaceLine, type Placed, type Calendar } from './place.ts'
export { channelToPlace, requireKeyOfChannel, defaultCurrency, type Placer, type PlaceRequest } from './create.ts'
export { Orders, visibleTo, type OrderActor, type TransitionHook, type OrdersOptions, type TransitionInput } from './service.ts'
export { loadOrder, loadOrders, type OrderEvent } from './store.ts'
export { orderOf, orderLineOf, allocationsJson, placedOrderSink, placedLineSink, type OrderRow, type OrderLineRow, type PlacedOrder, type PlacedLine } from './rows.ts'
export { orderRoutes, placerOf, originOf } from './routes.ts'
export { recordPayment, paymentsOf, decidePayment, paymentKinds, type Payment, type PaymentInput, type PaymentKind } from './payments.ts'
export { orderView, lineView } from './views.ts'
export type { OrderErrorCode } from './errors.ts'
export { loadWaitingLines, updateLines, allocationsText, earliestShipByOnSlots, stockHeldByOpenLines, type WaitingLine, type OrderFacts, type LineUpdate } from './lines.ts'
export {
  appendTimeline, recordDelays, sendMessages, timelineSink, delaySink, messageSink, hasOpenDelayOffer, acceptDelayOffers, endDelayOffers,
  channelOfOrder, delaysOf, messagesOf, type TimelineEntry, type DelayRecord, type CustomerMessage, type DelayRow, type MessageRow,
} from './timeline.ts'
export * from './campaign-orders.ts'
export { StatusLinks, generatedSecretSetting, type StatusLink, type StatusLinkOptions } from './status-link.ts'
export { demandOnSlots, type DemandSlot, type SlotDemand } from './slot-demand.ts'
export { ordersWithDeadlineBetween, depositOrdersWithBalanceOpenBetween, type OrderKey } from './notice-reads.ts'
export { contactOf, contactSeenBy, type CustomerContact, type ContactViewer, type ContactView, type ShipTo, type PickupContact, type PostalAddress } from './contact.ts'
export { ShipTo as ShipToSchema, PickupContact as PickupContactSchema } from './contact-schemas.ts'
export { OrderContacts, piiKeyRing, derivedPiiKey, missingPiiKeyHint, contactSink, type PiiKeyOptions, type KeyCount, type Rotation, type RotateOptions } from './contacts.ts'
