// The chapter list read from content/docs at build (src/plugins/policy-chapters.ts).
declare module 'virtual:policy-chapters' {
  const chapters: readonly { readonly n: number; readonly slug: string; readonly title: string }[];
  export default chapters;
}
