// Print, copy as text, JSON download / import, CSV and share link: the same bar on every tool.
// The code behind each button (text, CSV, links) loads on first click (use-tool.ts ExportActions).
import { useRef, useState } from 'preact/hooks';
import type { ExportActions } from './use-tool';
import { urlWithFragment } from '../../../client/link-fragment';
import { copyText, downloadText, readFileText } from './dom';
import { OverLimitWarning, overLimitText } from './OverLimitWarning';
import { ShowQrButton, shareLinkOf } from './QrCode';

export interface ExportBarProps {
  actions: ExportActions;
  /** Replaces 打印 (e.g. a tool that renders its print sheet first). */
  onPrint?: () => void;
}

export function ExportBar(props: ExportBarProps) {
  const { actions } = props;
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<{ label: string; text: string } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const say = (text: string) => {
    setStatus(text);
    setTimeout(() => setStatus((s) => (s === text ? '' : s)), 4000);
  };

  const copy = async (label: string, text: string) => {
    if (await copyText(text)) {
      setFallback(null);
      say(`已复制${label}`);
    } else {
      setFallback({ label, text });
    }
  };

  const overText = overLimitText(actions.overLimit);
  return (
    <div class="tool-export no-print">
      <OverLimitWarning id="tool-export-over" text={overText} />
      <div
        class="tool-export-buttons"
        role="group"
        aria-label="导出与分享"
        aria-describedby={overText ? 'tool-export-over' : undefined}
      >
        <button
          type="button"
          class="tool-button"
          onClick={() => (props.onPrint ? props.onPrint() : window.print())}
        >
          打印 / 存为 PDF
        </button>
        <button
          type="button"
          class="tool-button"
          onClick={async () => void copy('文本', await actions.text())}
        >
          复制为文本
        </button>
        <button
          type="button"
          class="tool-button"
          onClick={async () => {
            const result = await actions.share();
            if (result.ok) void copy('分享链接', urlWithFragment(result.fragment));
            else say(result.error);
          }}
        >
          复制分享链接
        </button>
        <ShowQrButton link={() => shareLinkOf(actions)} />
        <button
          type="button"
          class="tool-button"
          onClick={async () => {
            downloadText(
              `${await actions.fileBase()}.json`,
              await actions.json(),
              'application/json;charset=utf-8',
            );
            say('已下载 JSON 文件');
          }}
        >
          下载 JSON
        </button>
        <button type="button" class="tool-button" onClick={() => fileInput.current?.click()}>
          导入 JSON
        </button>
        {actions.csv && (
          <button
            type="button"
            class="tool-button"
            onClick={async () => {
              downloadText(`${await actions.fileBase()}.csv`, await actions.csv!(), 'text/csv;charset=utf-8');
              say('已下载 CSV 文件（可用 Excel 打开）');
            }}
          >
            下载 CSV
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="sr-only"
          tabIndex={-1}
          aria-label="选择要导入的 JSON 文件"
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            const error = await actions.importText(await readFileText(file));
            setImportError(error);
            if (!error) say('已导入');
          }}
        />
      </div>
      <p class="tool-export-status" role="status">
        {status}
      </p>
      {importError && (
        <p class="tool-error" role="alert">
          导入失败：{importError}
        </p>
      )}
      {fallback && (
        <div class="tool-copy-fallback">
          <label>
            浏览器不允许自动复制{fallback.label}，请按 Ctrl+C（Mac 上 ⌘+C）复制：
            <textarea
              readOnly
              rows={Math.min(12, fallback.text.split('\n').length + 1)}
              value={fallback.text}
              ref={(el) => {
                el?.focus();
                el?.select();
              }}
            />
          </label>
          <button type="button" class="tool-button tool-button--small" onClick={() => setFallback(null)}>
            关闭
          </button>
        </div>
      )}
    </div>
  );
}
