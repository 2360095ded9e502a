/**
 * Every member of the imitation of Excel serves the adapter, the playground, the self-test or a
 * test of theirs (test/shared/imitationUse.ts): a member only its own tests use is code kept in
 * step with Excel for no one, and goes.
 */
import { imitationUse, type ImitationUse } from '../shared/imitationUse';

let use: ImitationUse;

beforeAll(() => {
  use = imitationUse();
  // Type-checks the adapter, playground, self-test and their tests: seconds of CPU, more on a busy machine.
}, 120_000);

test('every member of the imitation is used outside its own tests', () => {
  expect(use.unused).toEqual([]);
});

test('members are read from the imitation: Excel types, plain API objects, every object and the held classes', () => {
  expect(use.members).toEqual(
    expect.arrayContaining([
      'Range.values',
      'ConditionalFormatCollection.getCount',
      'RequestContext.sync',
      '*.load',
      'MemoryWorkbook.setCellFromUser',
    ]),
  );
});

test('a use is told apart by its type, not its name: getCount on conditional formats is not getCount on sheets', () => {
  expect(use.used).toContain('ConditionalFormatCollection.getCount');
  // Nothing here counts sheets (should something start to, choose another member of two types).
  expect(use.used).not.toContain('WorksheetCollection.getCount');
  // The adapter names getCount only in request-size estimates and calls it on conditional formats alone.
  expect(use.used).not.toContain('?.getCount');
});
