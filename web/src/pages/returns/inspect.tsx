/**
 * The inspection screen, made for a phone at a store counter: every unit awaiting inspection with
 * a grade picker (A–D, each explained in words) and notes; recording the grades shows each unit's
 * disposition and the rule that chose it (the API moves the stock at once). Staff, and the node
 * the units were received at.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { ReturnBadge } from './status.tsx'
import {
  dispositionText, grades, gradeText, inspectText, reasonText, refundStepText, returnText, type Grade, type Return, type ReturnDetail, type ReturnUnit,
} from './words.ts'
import '../shipments/shipments.css'
import './returns.css'

const keyOf = (u: Pick<ReturnUnit, 'lineNo' | 'unitNo'>) => `${u.lineNo}-${u.unitNo}`

export function InspectReturn({ id }: { id: string }) {
  const t = useText(inspectText)
  const session = useSession()
  const { api } = session
  const names = useLoad(() => loadNames(session), [api])
  const [round, setRound] = useState(0)
  const detail = useLoad(() => ok(api.GET('/v1/returns/{id}', { params: { path: { id } } })), [api, id, round])
  return (
    <div class="inspect">
      <PageTitle title={t.title(id)}><a href="/console/returns">{t.back}</a></PageTitle>
      <Show loaded={detail}>
        {(ret) => <Inspection ret={ret} names={names.data ?? idsOnly} onRecorded={() => setRound((n) => n + 1)} />}
      </Show>
    </div>
  )
}

function Inspection({ ret, names, onRecorded }: { ret: ReturnDetail; names: Names; onRecorded: () => void }) {
  const t = useText(inspectText)
  const { api } = useSession()
  const awaiting = ret.units.filter((u) => u.state === 'awaiting_inspection')
  const [chosen, setChosen] = useState<Record<string, Grade>>({})
  const [notes, setNotes] = useState<Record<string, string>>({})
  // What the last recording decided, kept across the re-read so the inspector sees it.
  const [recorded, setRecorded] = useState<number | null>(null)
  const graded = awaiting.filter((u) => chosen[keyOf(u)] !== undefined).map((u) => {
    const note = notes[keyOf(u)]?.trim()
    return { lineNo: u.lineNo, unitNo: u.unitNo, grade: chosen[keyOf(u)]!, ...(note && { notes: note }) }
  })
  const inspect = useAction(async () => {
    await ok(api.POST('/v1/returns/{id}/inspect', { params: { path: { id: ret.id } }, body: { units: graded } }))
    setRecorded(graded.length)
  })
  const line = (u: ReturnUnit) => ret.lines.find((l) => l.lineNo === u.lineNo)
  return (
    <>
      <Summary ret={ret} names={names} />
      <Card title={t.awaiting}>
        {awaiting.length === 0 ? <p>{t.noneAwaiting}</p> : <p class="hint">{t.hint}</p>}
        {awaiting.length > 0 && (
          <form aria-label={t.awaiting} onSubmit={async (e) => { e.preventDefault(); if (await inspect.run()) onRecorded() }}>
            {awaiting.map((u) => (
              <UnitGrader key={keyOf(u)} unit={u} sku={names.sku(line(u)?.skuId ?? '')} reason={line(u)?.reason}
                grade={chosen[keyOf(u)]} onGrade={(g) => setChosen({ ...chosen, [keyOf(u)]: g })}
                note={notes[keyOf(u)] ?? ''} onNote={(n) => setNotes({ ...notes, [keyOf(u)]: n })} />
            ))}
            <button type="submit" class="primary" disabled={inspect.busy || graded.length === 0}>{t.submit}</button>
            <ProblemNote error={inspect.error} />
          </form>
        )}
      </Card>
      <Judged ret={ret} names={names} recorded={recorded} onRepaired={onRecorded} />
    </>
  )
}

function Summary({ ret, names }: { ret: Return; names: Names }) {
  const t = useText(inspectText)
  const r = useText(returnText)
  const why = useText(reasonText)
  const step = useText(refundStepText)
  const f = useFormat()
  const money = (minor: number) => f.money(minor, ret.currency)
  return (
    <Card title={r.returnOf(ret.id)}>
      <p><ReturnBadge status={ret.status} /> · {r.order}: {ret.orderId} · {r.node}: {ret.nodeId ? names.node(ret.nodeId) : r.notDecided}</p>
      <ul class="return-lines" aria-label={r.lines}>
        {ret.lines.map((l) => (
          <li key={l.lineNo}>{r.line(l.lineNo)}: {l.quantity} × {names.sku(l.skuId)} · {why[l.reason]} · {r.receivedOf(l.received, l.quantity)}{l.note && <> · “{l.note}”</>}</li>
        ))}
      </ul>
      <p>
        {t.refund}:{' '}
        {ret.refundAmount !== null && ret.refundRequestedAt
          ? <>{r.refundRequested(money(ret.refundAmount), f.instant(ret.refundRequestedAt))}{ret.refundedAt && <> · {r.refundedAt(f.instant(ret.refundedAt))}</>}</>
          : r.refundWaiting(step[ret.refundStep])}
      </p>
    </Card>
  )
}

/** One unit: the four grades as large radio choices, each with what it means, and the inspector's notes. */
function UnitGrader({ unit: u, sku, reason, grade, onGrade, note, onNote }: {
  unit: ReturnUnit; sku: string; reason: Return['lines'][number]['reason'] | undefined; grade: Grade | undefined; onGrade: (g: Grade) => void; note: string; onNote: (n: string) => void
}) {
  const t = useText(inspectText)
  const g = useText(gradeText)
  const why = useText(reasonText)
  const name = `grade-${keyOf(u)}`
  const notesId = `notes-${keyOf(u)}`
  return (
    <fieldset class="unit">
      <legend>{t.unit(u.lineNo, u.unitNo)} · {sku}{reason && <> · {why[reason]}</>}</legend>
      {grades.map((x) => (
        <label class="grade-choice" key={x}>
          <input type="radio" name={name} value={x} checked={grade === x} onChange={() => onGrade(x)} />
          <span><strong>{g[x]}</strong><small>{g[`${x}Means`]}</small></span>
        </label>
      ))}
      <div class="field">
        <label for={notesId}>{t.notes(u.lineNo, u.unitNo)}</label>
        <input id={notesId} maxLength={500} value={note} onInput={(e) => onNote((e.currentTarget as HTMLInputElement).value)} />
      </div>
    </fieldset>
  )
}

/** Every unit judged: its grade, its one fate in words, and the rule that chose it. */
function Judged({ ret, names, recorded, onRepaired }: { ret: ReturnDetail; names: Names; recorded: number | null; onRepaired: () => void }) {
  const t = useText(inspectText)
  const { api } = useSession()
  // A refurbished unit waits unsellable until its repair is recorded: sellable again, or scrapped.
  const repair = useAction(async (u: ReturnUnit, outcome: 'sellable' | 'scrap') =>
    ok(api.POST('/v1/returns/{id}/repair', { params: { path: { id: ret.id } }, body: { lineNo: u.lineNo, unitNo: u.unitNo, outcome } })), onRepaired)
  const g = useText(gradeText)
  const d = useText(dispositionText)
  const judged = ret.units.filter((u) => u.state !== 'awaiting_inspection')
  const fate = (u: ReturnUnit) =>
    u.disposition === null ? '—' : u.disposition === 'outlet' ? d.outlet(u.outletNodeId ? names.node(u.outletNodeId) : '—') : d[u.disposition]
  return (
    <Card title={t.judged}>
      <p aria-live="polite">{recorded !== null && <span class="notice">{t.recorded(recorded)}</span>}</p>
      {judged.length === 0 && <p>{t.noneJudged}</p>}
      <ul class="judged" aria-label={t.judged}>
        {judged.map((u) => (
          <li key={keyOf(u)}>
            <strong>{t.unit(u.lineNo, u.unitNo)}</strong> · {u.grade ? g[u.grade] : '—'}<br />
            {fate(u)} <code>{u.disposition}</code><br />
            <span class="muted-text">{u.ruleId ? d.rule(u.ruleId) : d.noRule}</span>
            {u.notes && <> · “{u.notes}”</>}
            {u.state === 'repaired' && <><br /><strong>{t.repaired}</strong></>}
            {u.state === 'written_off' && <><br /><strong>{t.writtenOff}</strong></>}
            {u.state === 'disposed' && u.disposition === 'refurbish' && (
              <div class="repair">
                <button type="button" disabled={repair.busy} onClick={() => void repair.run(u, 'sellable')}>{t.repairedSellable}</button>
                <button type="button" disabled={repair.busy} onClick={() => void repair.run(u, 'scrap')}>{t.repairedScrap}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ProblemNote error={repair.error} />
    </Card>
  )
}
