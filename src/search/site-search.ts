// The search dialog's behaviour: the `site-search` element of src/components/starlight/Search.astro.
// Starlight's own script (its Search.astro) with our changes:
// 1. the Pagefind UI loads when the reader first opens search (click, Ctrl/⌘+K or /), not at idle on
//    every page, so a policy page fetches only a few KB of script;
// 2. `/` opens search too, unless the reader is typing somewhere;
// 3. search runs through pagefind/handbook/pagefind.js (繁體 input, exact-phrase-first ranking,
//    synonyms, partial matches last; see src/plugins/search-index.ts and ranked-search.ts), one
//    result per clause, its chapter shown above the excerpt and a partial or synonym match labelled
//    (display.ts).
// Starlight's `pagefind` options are not passed on: the config turns Starlight's Pagefind off
// (searchIndex() builds the index), so they are always empty.
import { displayResult, type MatchLabels, type ResultData } from './display';
import { BASE_PATH, BASE_PATH_SLASH } from '../site/base-path';

class SiteSearch extends HTMLElement {
  loadSearch: () => Promise<void> = () => Promise.resolve();

  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const dialogFrame = this.querySelector('.dialog-frame')!;

    /** Close the modal if a user clicks on a link or outside of the modal. */
    const onClick = (event: MouseEvent) => {
      const isLink = 'href' in (event.target || {});
      if (
        isLink ||
        (document.body.contains(event.target as Node) && !dialogFrame.contains(event.target as Node))
      ) {
        closeModal();
      }
    };

    const openModal = (event?: MouseEvent) => {
      dialog.showModal();
      void this.loadSearch();
      document.body.toggleAttribute('data-search-modal-open', true);
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
    };

    const closeModal = () => dialog.close();

    openBtn.addEventListener('click', openModal);
    openBtn.disabled = false;
    closeBtn.addEventListener('click', closeModal);

    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });

    // Listen for `ctrl + k` and `cmd + k` keyboard shortcuts.
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey === true || e.ctrlKey === true) && e.key === 'k') {
        dialog.open ? closeModal() : openModal();
        e.preventDefault();
        return;
      }
      // "/" opens search too, unless the reader is typing somewhere.
      const target = e.target as HTMLElement | null;
      const typing =
        target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '');
      if (e.key === '/' && !e.metaKey && !e.ctrlKey && !e.altKey && !typing && !dialog.open) {
        openModal();
        e.preventDefault();
      }
    });

    // Pagefind UI's strings, and ours for a result's match (display.ts): content/i18n/zh-CN.json.
    let translations: MatchLabels & Record<string, string> = {};
    try {
      translations = JSON.parse(this.dataset.translations || '{}');
    } catch {}

    const shouldStrip = this.dataset.stripTrailingSlash !== undefined;
    const stripTrailingSlash = (path: string) => path.replace(/(.)\/(#.*)?$/, '$1$2');
    const formatURL = shouldStrip ? stripTrailingSlash : (path: string) => path;

    let loading: Promise<void> | undefined;
    this.loadSearch = () =>
      (loading ??= (async () => {
        if (import.meta.env.DEV) return;
        // @ts-expect-error — Missing types for @pagefind/default-ui package.
        const { PagefindUI } = await import('@pagefind/default-ui');
        new PagefindUI({
          element: '#starlight__search',
          baseUrl: BASE_PATH_SLASH,
          // Pagefind's API behind the handbook's ranking and 繁體 map; it loads ../pagefind.js itself.
          bundlePath: `${BASE_PATH}/pagefind/handbook/`,
          showImages: false,
          translations,
          // One record per clause: no sub-results, so excerpts can be longer.
          showSubResults: false,
          excerptLength: 24,
          // Shorter than Pagefind's 300 ms so the first results come within a second.
          debounceTimeoutMs: 120,
          processResult: (result: ResultData) => displayResult(result, formatURL, translations),
        });
        // Pagefind's input is labelled by its placeholder only (axe label-title-only).
        const input = this.querySelector('#starlight__search input');
        const label = (translations as { search_label?: string }).search_label;
        if (input && label) input.setAttribute('aria-label', label);
        this.querySelector('input')?.focus();
      })());
  }
}
customElements.define('site-search', SiteSearch);
