// The 绩效考核表 of one record (appraisalSheet): 自评 beside 上级评定 with changes marked in words.
// On screen it is the comparison under the form; printed (A4) it adds each KPI's 上级说明, the
// comments, candidates and the signature lines for 员工 / 直属上级 / 部门负责人.
import { Fragment, type ComponentChildren } from 'preact';
import type { AppraisalSheet, SheetPair, SheetRow } from '../logic/export';

function Pair({ p, changed }: { p: SheetPair; changed: string }) {
  return (
    <>
      <td class="num">{p.self}</td>
      <td class="num">
        {p.manager}
        {p.changed && (
          <span class="tr-changed">
            {' '}
            <span aria-hidden="true">▲</span>
            {changed}
          </span>
        )}
      </td>
    </>
  );
}

function RowsTable({
  sheet,
  heading,
  rows,
}: {
  sheet: AppraisalSheet;
  heading: string;
  rows: readonly SheetRow[];
}) {
  const c = sheet.columns;
  return (
    <table class="tool-table tr-sheet-table">
      <caption>{heading}</caption>
      <thead>
        <tr>
          <th scope="col">{c.item}</th>
          <th scope="col" class="num">
            {c.self}
          </th>
          <th scope="col" class="num">
            {c.manager}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <Pair p={r.value} changed={c.changed} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tables: KPIs (target, actual, score), 工作规范, months (a year) and the result. */
export function SheetTables({ sheet }: { sheet: AppraisalSheet }) {
  const c = sheet.columns;
  return (
    <>
      {sheet.kpis.length > 0 && (
        <div class="tr-scroll">
          <table class="tool-table tr-sheet-table">
            <caption>{sheet.kpiHeading}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {c.item}
                </th>
                <th scope="col" rowSpan={2} class="num">
                  {c.weight}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {c.target}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {c.actual}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {c.score}
                </th>
              </tr>
              <tr>
                {[0, 1, 2].map((i) => (
                  <Fragment key={i}>
                    <th scope="col" class="num">
                      {c.self}
                    </th>
                    <th scope="col" class="num">
                      {c.manager}
                    </th>
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.kpis.map((k) => (
                <tr key={k.name}>
                  <th scope="row">{k.name}</th>
                  <td class="num">{k.weight}</td>
                  <Pair p={k.target} changed={c.changed} />
                  <Pair p={k.actual} changed={c.changed} />
                  <Pair p={k.score} changed={c.changed} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sheet.behaviour.length > 0 && (
        <RowsTable sheet={sheet} heading={sheet.behaviourHeading} rows={sheet.behaviour} />
      )}
      {sheet.months.length > 0 && (
        <RowsTable sheet={sheet} heading={sheet.monthsHeading} rows={sheet.months} />
      )}
      <RowsTable sheet={sheet} heading={sheet.resultHeading} rows={sheet.results} />
    </>
  );
}

/** The A4 sheet to sign (print only). */
export function PrintSheet({
  sheet,
  today,
  qr,
}: {
  sheet: AppraisalSheet;
  today: string;
  /** The QR code of the 上级评定 reply link (扫码查看电子版). */
  qr?: ComponentChildren;
}) {
  return (
    <div class="tool-print-sheet tr-print-sheet">
      <h2>{sheet.title}</h2>
      <p>
        {sheet.info.map(([label, value]) => `${label}：${value}`).join('　')}
        {'　'}
        {sheet.dateLabel}：{today}
      </p>
      <SheetTables sheet={sheet} />
      {sheet.kpiNotes.map(([label, text]) => (
        <p key={label} class="tr-pre">
          <strong>{label}：</strong>
          {text}
        </p>
      ))}
      {sheet.comments.map(([label, text]) => (
        <p key={label} class="tr-pre">
          <strong>{label}：</strong>
          {text}
        </p>
      ))}
      {sheet.candidates.length > 0 && <p>{sheet.candidates.join('；')}</p>}
      <p class="tr-sheet-note">
        {sheet.fingerprint}　{sheet.trust}
      </p>
      {qr}
      <div class="signatures">
        {sheet.signatures.map((label) => (
          <div key={label}>
            {label}　　　{sheet.dateLabel}：
          </div>
        ))}
      </div>
    </div>
  );
}
