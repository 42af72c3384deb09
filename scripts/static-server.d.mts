export function startStaticServer(options?: {
  root?: string;
  base?: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
