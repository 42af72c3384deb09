// Browser side of 制度签收 across versions. recordAcknowledgement() is called by the 入职清单 when
// the 制度签收单 is printed (signed); showAckBanner() runs on the home and onboarding pages and,
// after a new version, says which clauses changed since the reader signed. Both read the policy's
// version and clause hashes from the JSON the AckBanner component puts on the page. Storage may be
// unavailable (private mode, quota): then nothing is recorded or shown, and nothing throws.
import { ackStatus, acknowledgementSchema, type Acknowledgement, type PolicyPrints } from '../core/acknowledgement';
import { createStore } from '../core/storage';

const KEY = 'policy';

function store() {
  return createStore<Acknowledgement>({ namespace: 'ack', version: 1, schema: acknowledgementSchema });
}

function pagePrints(doc: Document): PolicyPrints | null {
  try {
    const text = doc.querySelector('script[data-ack-prints]')?.textContent;
    return text ? (JSON.parse(text) as PolicyPrints) : null;
  } catch {
    return null;
  }
}

/** Records that the reader signed the policy shown on this page. Never throws. */
export function recordAcknowledgement(doc: Document = document): boolean {
  try {
    const prints = pagePrints(doc);
    if (!prints) return false;
    const s = store();
    if (!s.persistent) return false;
    const result = s.save(KEY, { version: prints.version, clauses: prints.clauses, signedAt: new Date().toISOString() });
    return result.ok;
  } catch {
    return false;
  }
}

/** Shows the banner when the reader signed an older version. Never throws. */
export function showAckBanner(doc: Document = document): void {
  try {
    const banner = doc.querySelector<HTMLElement>('[data-ack-banner]');
    const prints = pagePrints(doc);
    if (!banner || !prints) return;
    const loaded = store().load(KEY);
    const ack = loaded.status === 'ok' || loaded.status === 'recovered' ? loaded.data : null;
    const status = ackStatus(ack, prints);
    banner.dataset['ackStatus'] = status.kind; // for tests: the check ran
    if (status.kind !== 'outdated') return;
    // The build rendered the diffs since each published version; unknown versions get the count only.
    const since = banner.querySelector<HTMLElement>(`[data-ack-since="${CSS.escape(status.version)}"]`);
    const generic = banner.querySelector<HTMLElement>('[data-ack-generic]');
    if (since) {
      since.hidden = false;
    } else if (generic) {
      generic.hidden = false;
      generic.querySelectorAll('[data-ack-version]').forEach((el) => (el.textContent = status.version));
      generic.querySelectorAll('[data-ack-count]').forEach((el) => (el.textContent = String(status.changed.length)));
    }
    banner.hidden = false;
  } catch {
    // Storage or page data unreadable: no banner.
  }
}
