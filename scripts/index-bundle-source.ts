// The module the background imports its bundled index from
// (.generated/index-bundle.js), for the build script and for the
// benchmark's larger libraries (bench/library-sizes.ts).

/** `json` is the bundle as JSON text. JSON.parse of one string literal starts faster than an object literal of the same size. */
export function indexBundleSource(json: string): string {
  return `export default JSON.parse(${JSON.stringify(json)});\n`;
}
