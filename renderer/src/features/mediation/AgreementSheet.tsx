import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementContent, AgreementParty } from '../../domain/mediation'
import './agreement.css'

// 人民调解协议书 on paper, A4 portrait: the parties one block each (申请人/被申请人, name, phone, masked ID,
// address), the facts, the numbered terms, how and by when they are performed, the standard clauses, a
// signature and date line for every party and every mediator, and the committee's seal line with the date.
// What it says comes from agreementContent() (domain); this only lays it out.
//
// The sheet is a legal document handed to the parties and filed with the committee, so it is always in
// Chinese, whatever the screen's language: its strings are read from the zh-CN resources (the en file has
// the same keys, as a translation for the reader, but the paper never uses them). The buttons, the preview's
// title and the figures around it follow the UI language.

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (up to 99; beyond that, Arabic digits). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return DIGITS[n]!
  const tens = Math.floor(n / 10)
  const units = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${units ? DIGITS[units] : ''}`
}

/** 2026-11-23 → 2026年11月23日 */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-')
  if (!year || !month || !day) return date
  return `${year}年${Number(month)}月${Number(day)}日`
}

/** Text as typed, one paragraph per line; never parsed as HTML. */
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)

/** 申请人, or 申请人一 / 申请人二 when a side has more than one person. */
function sideLabels(parties: readonly AgreementParty[], side: (s: AgreementParty['side']) => string): string[] {
  const count = { applicant: 0, respondent: 0 }
  for (const p of parties) count[p.side]++
  const seen = { applicant: 0, respondent: 0 }
  return parties.map((p) => {
    const n = ++seen[p.side]
    return count[p.side] > 1 ? `${side(p.side)}${chineseNumber(n)}` : side(p.side)
  })
}

export function AgreementSheet({ content, testId = 'agreement-sheet' }: { content: AgreementContent; testId?: string }) {
  const { i18n } = useTranslation()
  const t = useMemo(() => i18n.getFixedT('zh-CN'), [i18n])
  const labels = sideLabels(content.parties, (side) => t(`mediationPrint.sheet.side.${side}`))
  const blank = <span className="agreement-blank" />
  // Signatures list the parties first, in the order of content.parties, then the mediators.
  const signers = content.signatures.map((signature, i) =>
    signature.role === 'party' ? (labels[i] ?? t('mediationPrint.sheet.parties')) : t('mediationPrint.sheet.mediator'),
  )

  return (
    <article className="agreement-sheet" lang="zh-CN" data-testid={testId} aria-label={t('mediationPrint.sheet.title')}>
      <header>
        <p className="agreement-station">{content.stationName}</p>
        <h1>{t('mediationPrint.sheet.title')}</h1>
        <div className="agreement-meta">
          <span>{t('mediationPrint.sheet.disputeType', { type: t(`mediation.disputeType.${content.disputeType}`) })}</span>
          <span data-testid="agreement-number">{t('mediationPrint.sheet.number', { number: content.caseNumber })}</span>
        </div>
      </header>

      <section className="agreement-parties" aria-label={t('mediationPrint.sheet.parties')}>
        {content.parties.map((party, i) => (
          <table key={i} className="agreement-party" data-testid="agreement-party" data-side={party.side}>
            <colgroup>
              <col className="agreement-col-side" />
              <col className="agreement-col-key" />
              <col />
              <col className="agreement-col-key" />
              <col className="agreement-col-phone" />
            </colgroup>
            <tbody>
              <tr>
                <th rowSpan={3} scope="rowgroup" className="agreement-party-side">
                  {labels[i]}
                </th>
                <td className="agreement-key">{t('mediationPrint.sheet.name')}</td>
                <td className="agreement-party-name">{party.name}</td>
                <td className="agreement-key">{t('mediationPrint.sheet.phone')}</td>
                <td>{party.phone || blank}</td>
              </tr>
              <tr>
                <td className="agreement-key">{t('mediationPrint.sheet.idCard')}</td>
                <td colSpan={3} className="agreement-id">
                  {party.idCard || blank}
                </td>
              </tr>
              <tr>
                <td className="agreement-key">{t('mediationPrint.sheet.address')}</td>
                <td colSpan={3}>{party.address || blank}</td>
              </tr>
            </tbody>
          </table>
        ))}
      </section>

      <section className="agreement-section">
        <h2>{t('mediationPrint.sheet.facts')}</h2>
        {paragraphs(content.facts).map((text, i) => (
          <p key={i} className="agreement-paragraph">
            {text}
          </p>
        ))}
      </section>

      <section className="agreement-section">
        <h2>{t('mediationPrint.sheet.terms')}</h2>
        <ol className="agreement-terms" data-many={content.terms.length > 10 || undefined}>
          {content.terms.map((term, i) => (
            <li key={i} data-testid="agreement-term">
              <span className="agreement-term-number">{t('mediationPrint.sheet.termNumber', { n: chineseNumber(i + 1) })}</span>
              <span className="agreement-term-text">{term}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="agreement-section">
        <h2>{t('mediationPrint.sheet.performance')}</h2>
        {paragraphs(content.performance).map((text, i) => (
          <p key={i} className="agreement-paragraph">
            {text}
          </p>
        ))}
        <p className="agreement-paragraph" data-testid="agreement-perform-by">
          {t('mediationPrint.sheet.performBy', { date: chineseDate(content.performBy) })}
        </p>
      </section>

      {/* The closing clauses, the signatures and the seal stay together on one sheet (when they fit one). */}
      <div className="agreement-ending">
        <section className="agreement-section agreement-clauses">
          <p className="agreement-paragraph">{t('mediationPrint.sheet.copies', { copies: chineseNumber(content.parties.length + 1) })}</p>
          <p className="agreement-paragraph">{t('mediationPrint.sheet.binding')}</p>
          <p className="agreement-paragraph">{t('mediationPrint.sheet.effective')}</p>
        </section>

        <section className="agreement-close">
          <table className="agreement-signatures">
            <colgroup>
              <col className="agreement-col-role" />
              <col className="agreement-col-signer" />
              <col />
              <col className="agreement-col-date" />
            </colgroup>
            <tbody>
              {content.signatures.map((signature, i) => (
                <tr key={i} data-testid="agreement-signature" data-role={signature.role}>
                  <th scope="row">{signers[i]}</th>
                  <td className="agreement-signer">{signature.name}</td>
                  <td className="agreement-sign">
                    <span className="agreement-sign-line" />
                    <span className="agreement-sign-hint">
                      {t(signature.role === 'party' ? 'mediationPrint.sheet.signParty' : 'mediationPrint.sheet.signMediator')}
                    </span>
                  </td>
                  <td className="agreement-signed-on">{t('mediationPrint.sheet.signedOn')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="agreement-seal">
            <p>{t('mediationPrint.sheet.seal')}</p>
            <p data-testid="agreement-date">{chineseDate(content.date)}</p>
          </div>
        </section>
      </div>
    </article>
  )
}
