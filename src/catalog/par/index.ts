// Written by scripts/parLists.ts (npm run build runs it) from the YEAR.json files beside it: do not edit.
import list2021 from './2021.json';

/** Every year's data file, newest first, as read: catalog/parLists.ts checks each as it loads it. */
export const PAR_LIST_FILES: readonly { name: string; data: unknown }[] = [{ name: '2021.json', data: list2021 }];
