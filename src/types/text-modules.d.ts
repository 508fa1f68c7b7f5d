// Files that esbuild bundles as text (see the loader in esbuild.js).
declare module '*.yaml' {
  const text: string;
  export default text;
}
