/** Where a role lands after signing in: the first page its navigation offers. */
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { defineText, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { PageTitle } from '../../ui.tsx'
import { consolePages } from '../index.ts'
import { listedFor } from '../registry.ts'

const text = defineText(
  { title: 'Welcome', nothing: 'This token has no console pages. Ask an administrator for an admin, ops, supplier, store or channel token.' },
  { title: '欢迎', nothing: '此令牌没有可用的控制台页面。请向管理员申请管理员、运营、供应商、门店或渠道令牌。' },
)

export function Home() {
  const t = useText(text)
  const { kind } = useSession()
  const { route } = useLocation()
  const first = consolePages.find((p) => listedFor(p, kind))
  useEffect(() => void (first && route(`/console${first.path}`, true)), [first])
  return <PageTitle title={t.title}>{!first && <p>{t.nothing}</p>}</PageTitle>
}
