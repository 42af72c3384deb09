// Beside the message about a link pasted where it does not belong (another tool's, or a share link
// where a reply is expected; see core/link-owner): the way to the page that opens it.
import type { ForeignLink } from '../../../core/link-owner';
import { fill } from '../../../core/template';
import { BASE_PATH } from '../../../site/base-path';
import { KIT } from './strings';

/** The address that opens the link: its tool page with the fragment. */
export function foreignLinkHref(foreign: ForeignLink): string {
  return `${BASE_PATH}/tools/${foreign.opensAt}/#${foreign.fragment}`;
}

export function OpenElsewhere({ foreign }: { foreign?: ForeignLink | undefined }) {
  if (!foreign) return null;
  return (
    <>
      {' '}
      <a class="tool-open-elsewhere" href={foreignLinkHref(foreign)}>
        {fill(KIT.openElsewhere, { page: foreign.page })}
      </a>
    </>
  );
}
