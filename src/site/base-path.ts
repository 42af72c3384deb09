// The site's base path (astro.config's `base`, from BASE_PATH at build time), read in this one place
// for pages, components and browser scripts alike.

/** '' at the root, '/handbook' under a sub-path: goes before '/tools/…'. */
export const BASE_PATH = import.meta.env.BASE_URL.replace(/\/$/, '');

/** '/' at the root, '/handbook/' under a sub-path: goes before 'sw.js'. */
export const BASE_PATH_SLASH = `${BASE_PATH}/`;
