/**
 * "Chèn biểu mẫu" offers the PAR years the add-in carries, newest first, once it carries more
 * than one (here the synthetic 2022 list beside 2021's), and inserts the year chosen.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations } from './fakeOperations';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

// The machine is shared: allow slow renders (this checks behaviour, not speed).
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

it('offers 2022 then 2021 and inserts the year chosen', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  const insert = screen.getByRole('button', { name: 'Chèn biểu mẫu' });
  await waitFor(() => expect(insert.getAttribute('aria-disabled')).not.toBe('true'));
  const select = screen.getByLabelText('Danh mục Chỉ số CCHC năm') as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(['Năm 2022', 'Năm 2021']);
  expect(select.value).toBe('2022');
  fireEvent.change(select, { target: { value: '2021' } });
  fireEvent.click(insert);
  await waitFor(() => expect(ops.callsTo('inject')).toHaveLength(1));
  expect(ops.callsTo('inject')[0][1]).toBe(2021);
});
