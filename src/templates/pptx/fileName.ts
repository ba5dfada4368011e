/** Is `name` (a template setting) a PowerPoint file (.pptx, .potx) rather than a template folder's name? */
export function isPowerPointFile(name: string): boolean {
  return /\.(pptx|potx)$/i.test(name);
}
