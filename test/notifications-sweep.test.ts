/**
 * The timed sweep on both stores: a payment reminder once, within the lead before a deadline
 * (never for a short payment window), and a balance-window notice once, when a paid deposit's
 * balance becomes payable. Time is a ManualClock moved by hand.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { dayMs, place, placeDepositOrder, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { pay } from './helpers/presale.ts'
import { outboxOf } from './helpers/repromise.ts'
import { requester } from './helpers/purchasing.ts'

const minuteMs = 60_000

for (const kind of await storeKinds()) {
  describe(`payment reminders and balance-window notices on ${kind}`, () => {
    let t: TestApp
    let w: OrdersWorld
    let clock: ManualClock
    before(async () => {
      clock = new ManualClock(Date.UTC(2030, 0, 1, 8))
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 50)
    })
    after(() => t.close())

    const requested = async () => (await outboxOf(t, 'notification.requested')) as Array<{ orderId: string; kind: string; message: { subject: string; body: string } }>

    it('reminds once of a deposit order’s balance deadline, tells once that the balance window opened, and never reminds a short payment window', async () => {
      const call = requester(t)
      const shortWindow = (await place(t, w.webAuth, { customerId: 'quick', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast })).json()
      const order = await placeDepositOrder(t, w, { balanceFromDays: 1, balanceByDays: 3 })
      await pay(t, w, order.id, 'deposit', 2_000)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 0, balanceNotices: 0 }, 'nothing due yet; the 30-minute window is not reminded')

      clock.advance(dayMs + minuteMs)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 0, balanceNotices: 1 })
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 0, balanceNotices: 0 }, 'once')

      clock.advance(dayMs)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 1, balanceNotices: 0 }, 'the balance deadline is now within 24 h')
      clock.advance(60 * minuteMs)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 0, balanceNotices: 0 }, 'once')

      const events = await requested()
      assert.deepEqual(events.map((e) => `${e.orderId}|${e.kind}`), [`${order.id}|balance_window_open`, `${order.id}|payment_reminder`])
      assert.ok(!events.some((e) => e.orderId === shortWindow.id))
      const [window, reminder] = events
      assert.equal(window.message.subject, `订单 ${order.id} 可以支付尾款了`)
      assert.match(window.message.body, /尾款 80\.00 CNY，请在 2030-01-04 08:00 UTC 前支付/)
      assert.equal(reminder.message.subject, `订单 ${order.id} 待付款提醒`)
      assert.match(reminder.message.body, /尚有 80\.00 CNY 待支付，请在 2030-01-04 08:00 UTC 前完成付款/)

      const list = (await call('GET', `/v1/orders/${order.id}/notifications`, w.admin)).json().items
      assert.deepEqual(list.map((n: { kind: string; trigger: string; state: string; messageId: string | null }) => [n.kind, n.trigger, n.state, n.messageId]), [
        ['balance_window_open', `balance:${Date.UTC(2030, 0, 2, 8)}`, 'no_endpoint', null],
        ['payment_reminder', `due:${Date.UTC(2030, 0, 4, 8)}`, 'no_endpoint', null],
      ])
    })

    it('follows the settings: the channel’s language and the lead', async () => {
      await requester(t)('PUT', '/v1/notification-settings', w.admin, { paymentReminderLeadHours: 72, channelLanguages: { web: 'en' } })
      const order = await placeDepositOrder(t, w, { balanceFromDays: 1, balanceByDays: 5 })
      await pay(t, w, order.id, 'deposit', 2_000)
      clock.advance(dayMs + minuteMs)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 0, balanceNotices: 1 })
      clock.advance(dayMs)
      assert.deepEqual(await t.services.notifications.sweep(), { paymentReminders: 1, balanceNotices: 0 }, 'within 72 h of the deadline')
      const mine = (await requested()).filter((e) => e.orderId === order.id)
      assert.deepEqual(mine.map((e) => e.message.subject), [`The balance of order ${order.id} is now payable`, `Payment due for order ${order.id}`])
    })

    it('sends nothing for a balance already paid', async () => {
      const order = await placeDepositOrder(t, w, { balanceFromDays: 1, balanceByDays: 2 })
      await pay(t, w, order.id, 'deposit', 2_000)
      clock.advance(dayMs + minuteMs)
      await pay(t, w, order.id, 'balance', 8_000)
      await t.services.notifications.sweep()
      assert.ok(!(await requested()).some((e) => e.orderId === order.id))
    })
  })
}
