/** The recompute: when it next runs by itself, when it last finished, and a run on demand with its report. */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Figure, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { suggestionText, type RunReport } from './words.ts'

export function RunCard({ onRan }: { onRan: () => void }) {
  const t = useText(suggestionText)
  const f = useFormat()
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const state = useLoad(() => ok(api.GET('/v1/replenishment/run')), [api, round])
  const [report, setReport] = useState<RunReport | null>(null)
  const run = useAction(async () => {
    setReport(null)
    setReport(await ok(api.POST('/v1/replenishment/run', { body: {} })))
    setRound((n) => n + 1)
  }, onRan)
  return (
    <Card title={t.run} actions={<button type="button" class="primary" onClick={() => void run.run()} disabled={run.busy}>{run.busy ? t.running : t.runNow}</button>}>
      <Show loaded={state}>
        {(s) => (
          <p class="live">{t.nextRun}: {f.instant(s.dueAt)} · {t.lastRun}: {f.instant(s.lastFinishedAt)}</p>
        )}
      </Show>
      <ProblemNote error={run.error} />
      <div aria-live="polite">
        {report && (
          <section class="run-report" aria-label={t.report(f.day(report.asOf))}>
            <p class="notice">{t.report(f.day(report.asOf))}</p>
            <div class="figures">
              <Figure label={t.series} value={f.count(report.series)} />
              <Figure label={t.made} value={f.count(report.suggestionsMade)} />
              <Figure label={t.refreshed} value={f.count(report.suggestionsRefreshed)} />
              <Figure label={t.withdrawn} value={f.count(report.suggestionsWithdrawn)} />
              <Figure label={t.alerts} value={f.count(report.alertsRaised)} />
              <Figure label={t.autoSent} value={f.count(report.autoSent)} />
            </div>
          </section>
        )}
      </div>
    </Card>
  )
}
