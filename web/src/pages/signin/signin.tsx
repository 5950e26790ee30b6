/** Sign in with a token (`sellahead token create` or POST /v1/tokens); the server says which role it has. */
import { useState } from 'preact/hooks'
import { defineText, useText, type Lang } from '../../i18n.tsx'
import { signIn, type Session } from '../../session.tsx'
import { Field, ProblemNote } from '../../ui.tsx'
import { LanguagePicker } from '../../shell.tsx'

const text = defineText(
  {
    title: 'Sign in to Sellahead',
    token: 'Access token',
    hint: 'Paste a token an administrator gave you (admin, ops, supplier, store or channel). It stays in this browser tab only.',
    submit: 'Sign in',
    busy: 'Checking…',
  },
  {
    title: '登录 Sellahead',
    token: '访问令牌',
    hint: '粘贴管理员发给你的令牌（管理员、运营、供应商、门店或渠道）。令牌只保存在当前浏览器标签页中。',
    submit: '登录',
    busy: '验证中…',
  },
)

export function SignIn({ onSignedIn, onLang }: { onSignedIn: (session: Session) => void; onLang: (lang: Lang) => void }) {
  const t = useText(text)
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await signIn(token.trim()))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <main id="main" class="signin">
      <div class="signin-lang"><LanguagePicker onChange={onLang} /></div>
      <form class="card" onSubmit={submit}>
        <h1>{t.title}</h1>
        <Field label={t.token} hint={t.hint}>
          {(id) => <input id={id} name="token" type="password" autoComplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />}
        </Field>
        <ProblemNote error={error} />
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>{busy ? t.busy : t.submit}</button>
      </form>
    </main>
  )
}
