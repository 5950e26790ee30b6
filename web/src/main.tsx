/** The console: sign in, then the pages the role may use, in English or Chinese. */
import { createContext, render, type ComponentType } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import { LocationProvider, Route, Router } from 'preact-iso'
import { defineText, initialLang, LangContext, saveLang, SetLangContext, useText, type Lang } from './i18n.tsx'
import { savedToken, SessionContext, signIn, signOut, type Session } from './session.tsx'
import { Shell } from './shell.tsx'
import { SignIn } from './pages/signin/signin.tsx'
import { consolePages } from './pages/index.ts'
import { publicPages } from './pages/public.ts'
import type { ConsolePage } from './pages/registry.ts'
import { PageTitle } from './ui.tsx'
import './styles.css'

const text = defineText(
  { notFound: 'Not found', notFoundDetail: 'There is no such page, or it is not open to this token.', loading: 'Loading…' },
  { notFound: '未找到', notFoundDetail: '页面不存在，或当前令牌无权访问。', loading: '加载中…' },
)

function NotFound() {
  const t = useText(text)
  return <PageTitle title={t.notFound}><p>{t.notFoundDetail}</p></PageTitle>
}

interface Gate {
  session: Session | null
  checking: boolean
  setSession: (s: Session | null) => void
  setLang: (l: Lang) => void
}

const GateContext = createContext<Gate | null>(null)

/** The console frame around a page once signed in; a page outside the role answers as not found. */
function ConsoleGate({ page, params }: { page?: ConsolePage; params: Record<string, string> }) {
  const t = useText(text)
  const { session, checking, setSession, setLang } = useContext(GateContext)!
  if (checking) return <p aria-busy="true">{t.loading}</p>
  if (!session) return <SignIn onSignedIn={setSession} onLang={setLang} />
  const Page = page && page.roles.includes(session.kind) ? page.component : NotFound
  const out = () => {
    signOut()
    setSession(null)
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell onLang={setLang} onSignOut={out}><Page {...params} /></Shell>
    </SessionContext.Provider>
  )
}

// One route component per page, made once: preact-iso passes the path's parameters as props.
const routes = consolePages.map((page): [string, ComponentType<any>] =>
  [`/console${page.path}`, (params) => <ConsoleGate page={page} params={params} />])
const Fallback: ComponentType<any> = (params: Record<string, string>) => <ConsoleGate params={params} />

function App() {
  const [lang, setLang] = useState<Lang>(initialLang)
  const [session, setSession] = useState<Session | null>(null)
  const [checking, setChecking] = useState(savedToken() !== null)
  useEffect(() => saveLang(lang), [lang])
  useEffect(() => {
    const token = savedToken()
    if (token) signIn(token).then(setSession, signOut).finally(() => setChecking(false))
  }, [])
  return (
    <LangContext.Provider value={lang}>
      <SetLangContext.Provider value={setLang}>
      <GateContext.Provider value={{ session, checking, setSession, setLang }}>
        <LocationProvider>
          <Router>
            {publicPages.map((p) => <Route path={p.path} component={p.component} />)}
            {routes.map(([path, component]) => <Route path={path} component={component} />)}
            <Route default component={Fallback} />
          </Router>
        </LocationProvider>
      </GateContext.Provider>
      </SetLangContext.Provider>
    </LangContext.Provider>
  )
}

render(<App />, document.getElementById('app')!)
