/**
 * Words that betray a library's message in a sentence meant for an official ("Bug : uncompressed
 * data size mismatch", "Cannot read properties of undefined (reading 'richText')", "End of data
 * reached", "unexpected signature"…): the hostile tests and the bench count them in refusals.
 */
const LIBRARY_WORDS =
  /\b(bug|corrupted zip|signature|end of data|asked index|cannot read propert|undefined|null|typeerror|rangeerror|error:|saxes|fflate|jszip|exceljs|invalid|unexpected|stack|\.js|\.ts)\b/i;

export function libraryWordsIn(text: string): boolean {
  return LIBRARY_WORDS.test(text);
}
