// 合计、大写、预算余额、审批流程与预期回报: the result block of 预算申请单, announced as it changes.
import { formatYuan } from '../../../core/money';
import { fill } from '../../../core/template';
import { approvalRulesText, formatPercent, remainingText } from '../logic/format';
import type { BudgetRequestResult } from '../logic/derive';
import { LiveResult } from '../../kit/ui/Notices';
import { ClauseA, Fill, OverBudget, type ToolContext } from './common';

export function ResultView({ result, ctx }: { result: BudgetRequestResult; ctx: ToolContext }) {
  const { t, policy } = ctx;
  const { position, expected } = result;
  return (
    <LiveResult label={t['result.label']}>
      <div class="br-result">
        <p>
          {t['result.total']}：<span class="br-total">{formatYuan(result.totalFen)}</span>
        </p>
        <p>
          {t['result.uppercase']}：<span class="br-uppercase">{result.totalUppercase}</span>
        </p>
        <p class="tool-how">
          {fill(t['result.howTotal'], { n: result.countedLines })}
          {result.invalidLines > 0 && ` ${fill(t['result.invalidLines'], { n: result.invalidLines })}`}
        </p>

        <h3>{t['budget.legend']}</h3>
        {position && result.annualFen !== null && result.usedFen !== null ? (
          <>
            <table class="tool-table br-position">
              <tbody>
                <tr>
                  <th scope="row">{t['budget.annualGeneric']}</th>
                  <td class="num">{formatYuan(result.annualFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.used']}</th>
                  <td class="num">{formatYuan(result.usedFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.available']}</th>
                  <td class="num">{formatYuan(position.availableFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.thisRequest']}</th>
                  <td class="num">{formatYuan(result.totalFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.remaining']}</th>
                  <td class={position.overBudget ? 'num br-over-amount' : 'num'}>
                    {remainingText(position, t)}
                  </td>
                </tr>
              </tbody>
            </table>
            <p class="tool-how">
              <Fill
                template={t['budget.how']}
                parts={{ clause: <ClauseA id={policy.clauses.categories} ctx={ctx} /> }}
              />
            </p>
            {position.overBudget ? (
              <p class="br-over">
                <OverBudget overByFen={position.overByFen} ctx={ctx} />
              </p>
            ) : (
              <p>{t['budget.within']}</p>
            )}
          </>
        ) : (
          <p class="tool-hint">{t['budget.pickCategory']}</p>
        )}

        <h3>{t['result.chain']}</h3>
        <p>
          {fill(t['result.chainNeeds'], { amount: formatYuan(result.totalFen) })}
          <strong>{result.chain.map((s) => s.approver).join(' → ')}</strong>
        </p>
        <p class="tool-how">
          <Fill
            template={t['result.chainHow']}
            parts={{
              clause: <ClauseA id={policy.clauses.approval} ctx={ctx} />,
              rules: approvalRulesText(policy.approvalSteps, t),
            }}
          />
        </p>

        {expected && (
          <>
            <h3>
              {t['expected.legend']}
              <span class="br-estimate-badge">{t['result.estimate']}</span>
            </h3>
            {expected.estimate ? (
              <>
                <table class="tool-table br-position">
                  <tbody>
                    <tr>
                      <th scope="row">{t['expected.revenue']}</th>
                      <td class="num">{formatYuan(expected.estimate.revenueFen)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t['expected.rate']}</th>
                      <td class="num">
                        {expected.estimate.conversionRatePercent !== null
                          ? formatPercent(expected.estimate.conversionRatePercent)
                          : t['expected.noParticipants']}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t['expected.roi']}</th>
                      <td class="num">
                        {expected.estimate.roiPercent !== null
                          ? formatPercent(expected.estimate.roiPercent)
                          : t['expected.noCost']}
                      </td>
                    </tr>
                  </tbody>
                </table>
                <p class="tool-how">
                  {t['expected.how']}（<ClauseA id={policy.clauses.expectedReturn} ctx={ctx} />）
                </p>
              </>
            ) : (
              <p class="tool-hint">{t['expected.needAll']}</p>
            )}
          </>
        )}
      </div>
    </LiveResult>
  );
}
