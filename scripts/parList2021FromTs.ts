/**
 * One-off: writes src/catalog/par/2021.json from the rows src/catalog/par.ts held, with the notes
 * its comments carried about how the PDF extract was read. Run once (`npx tsx
 * scripts/parList2021FromTs.ts`); test/catalog/parFiles.test.ts compares the file with par.ts.
 * Removed with par.ts once the file is the data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAR_ROWS } from '../src/catalog/par';

const notes = [
  'Đọc từ bản trích PDF của phụ lục Văn bản 3541/UBND-SNV (05/08/2021). How the PDF extract was read:',
  'Lead unit and deadline cells were merged vertically in the original, so the extract prints them once: a value covers the rows below it, within the same area, until the next value.',
  'Tasks were merged only across runs of sibling rows (the tasks of 1.1 cover 1.2–1.5); a parent row has no tasks of its own.',
  '5.9.2–5.9.4: the task text sits in the lead-unit column; the lead is the merged Sở Nội vụ above.',
  '7.5.1–7.5.3: the lead sits in the middle row (vertically centred merged cell).',
  'A parent’s lead is the one unit all its leaves share, else null; areas and the total are null.',
  'Labels drop the repeated number prefix of 2.4.x ("2.4.1. Tính đồng bộ…") and the bold/italic markup; typos of the original are kept ("Tình công khai" in 5.8.2).',
  '7.2.other is not in the list: criterion 7.2 has 1.5 points but lists only 7.2.1 (0.5); the synthetic row keeps the remaining point so that every parent is the sum of its children.',
];

const file = {
  $schema: './par-list.schema.json',
  year: 2021,
  previousYear: 2020,
  source: {
    number: '3541/UBND-SNV',
    issued: '2021-08-05',
    title: 'Danh mục các chỉ tiêu chỉ số CCHC phấn đấu đạt điểm năm 2021 của thành phố Hà Nội',
  },
  notes,
  rows: PAR_ROWS,
};

writeFileSync(path.join(__dirname, '../src/catalog/par/2021.json'), JSON.stringify(file, null, 2) + '\n');
