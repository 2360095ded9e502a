/** The sheet the sources record is written on (a module of its own: the reading chunk names it, sources.ts writes it). */
export const SOURCES_SHEET = 'Nguồn số liệu';
