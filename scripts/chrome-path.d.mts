export const CHROME_CANDIDATES: string[];
export const INSTALL_HINT: string;
export const CHROME_FLAGS: string[];
export function findChrome(): string | null;
