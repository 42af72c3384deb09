// Where a tool's entries live in localStorage: `mh:<namespace>:<key>` (storage.ts). Its own module so
// that the page's inline client:intent script can look for saved work without the storage code.
export const storagePrefix = (namespace: string): string => `mh:${namespace}:`;
