// Whether to ask the browser to keep this site's storage (navigator.storage.persist()) now that a tool
// has saved work: once per browser, never for work that only lives in memory, never when it already
// keeps it. Safari deletes what scripts stored for a site not visited in seven days unless it is kept.

export interface PersistCheck {
  /** The browser has navigator.storage.persist. */
  readonly supported: boolean;
  /** Where the save went: localStorage, or the in-memory stand-in when storage was refused. */
  readonly where: 'browser' | 'memory';
  /** This browser was asked before (whatever it answered): a refusal is not asked again. */
  readonly askedBefore: boolean;
  /** navigator.storage.persisted() already says yes. */
  readonly persisted: boolean;
}

export function shouldRequestPersist(check: PersistCheck): boolean {
  return check.supported && check.where === 'browser' && !check.askedBefore && !check.persisted;
}
