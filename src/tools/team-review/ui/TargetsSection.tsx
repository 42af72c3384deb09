// 目标下达's place on the page: a heading and a button; the part itself (./Targets) loads on first use,
// or, when the team already has targets set, once the members are on the page and the browser is idle
// (a year of targets would otherwise hold up the grid), so the page's first load does not grow.
import { useIdleAfter, useOnDemand } from '../../kit/ui/lazy';
import type { TargetsProps } from './Targets';

const loadTargets = () => import('./Targets');

export function TargetsSection({ after, ...props }: TargetsProps & { after: boolean }) {
  const { s } = props;
  const idle = useIdleAfter(after);
  const part = useOnDemand(loadTargets, idle && Object.keys(props.state.targets).length > 0);
  const Targets = part.mod?.default;
  return (
    <section class="no-print tr-targets-section" aria-labelledby="tr-targets-heading">
      <h2 id="tr-targets-heading">{s['targets.heading']}</h2>
      <p>{s['targets.intro']}</p>
      {Targets ? (
        <Targets {...props} />
      ) : part.failed ? (
        <p class="tool-error" role="alert">
          {s['tool.partFailed']}
        </p>
      ) : (
        // Locked like the page's other controls until the team is open; a shared team with targets
        // loads the part at once.
        <button
          type="button"
          class="tool-button"
          disabled={props.readOnly}
          onClick={() => void part.need().catch(() => undefined)}
        >
          {s['targets.open']}
        </button>
      )}
    </section>
  );
}
