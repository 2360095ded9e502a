/**
 * The five predefined XML entities back to their characters, for the few parts of a package read
 * as text (workbook.xml's defined names, docProps/custom.xml), where a parser would be overkill.
 * `&amp;` last, so that "&amp;lt;" reads "&lt;" and not "<".
 */
export function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
