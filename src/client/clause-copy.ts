// 复制链接 / 复制引用 on every clause heading (headings carry data-cite and data-href,
// set at build by src/plugins/clause-headings.ts).

import { copyText } from './clipboard';

const COPIED_MS = 2000;

/** When the Clipboard API is refused: show the text selected, for Ctrl+C. */
function showFallback(after: Element, text: string): void {
  document.querySelector('.clause-copy-fallback')?.remove();
  const box = document.createElement('div');
  box.className = 'clause-copy-fallback not-content';
  const label = document.createElement('label');
  label.textContent = '浏览器不允许自动复制，请按 Ctrl+C（Mac 上 ⌘+C）复制：';
  const input = document.createElement('input');
  input.type = 'text';
  input.readOnly = true;
  input.value = text;
  label.append(input);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '关闭';
  close.addEventListener('click', () => box.remove());
  box.append(label, close);
  after.after(box);
  input.focus();
  input.select();
}

function button(text: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'clause-copy-button';
  b.textContent = text;
  b.setAttribute('aria-label', title);
  return b;
}

export function enhanceClauseHeadings(root: ParentNode): void {
  const headings = root.querySelectorAll<HTMLElement>('.sl-markdown-content [data-clause]');
  for (const heading of headings) {
    const wrapper = heading.closest('.sl-heading-wrapper') ?? heading;
    if (wrapper.querySelector('.clause-actions')) continue;
    const href = heading.dataset['href'] ?? `#${heading.id}`;
    const cite = heading.dataset['cite'] ?? heading.textContent ?? '';
    const actions = document.createElement('div');
    actions.className = 'clause-actions not-content';
    actions.dataset['pagefindIgnore'] = '';
    const status = document.createElement('span');
    status.className = 'clause-copy-status';
    status.setAttribute('role', 'status');
    const linkButton = button('复制链接', `复制链接：${cite}`);
    const citeButton = button('复制引用', `复制引用：${cite}`);
    const copy = async (text: string) => {
      if (await copyText(text)) {
        status.textContent = '已复制';
        window.setTimeout(() => (status.textContent = ''), COPIED_MS);
      } else {
        showFallback(wrapper, text);
      }
    };
    linkButton.addEventListener('click', () => {
      void copy(new URL(href, location.href).href);
    });
    citeButton.addEventListener('click', () => {
      void copy(`${cite} ${new URL(href, location.href).href}`);
    });
    actions.append(linkButton, citeButton, status);
    // Placed inside the wrapper, in space reserved by CSS, so adding the buttons shifts nothing.
    wrapper.append(actions);
  }
}
