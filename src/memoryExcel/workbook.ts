/** Excel.Workbook over the in-memory model. */
import { Application } from './application';
import { ClientObject, clientResult, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { itemNotFound } from './errors';
import type { WorkbookModel } from './workbookModel';
import { NamedItemCollection } from './names';
import { DocumentProperties } from './properties';
import { rangeFrom } from './range';
import { WorksheetCollection } from './worksheet';

export const WORKBOOK_DEF: TypeDef<WorkbookModel> = {
  name: 'Workbook',
  props: {
    // Typings: "Returns true if the workbook is open in read-only mode" [1.8]. Guess: a person
    // with view-only rights (coauthoring.ts) has it open read-only.
    readOnly: { req: '1.8', get: (_m, o) => o.host.readOnly },
  },
  navs: {
    application: { make: (p) => new Application(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null) },
    worksheets: { make: (p) => new WorksheetCollection(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null) },
    names: { make: (p) => new NamedItemCollection(p.ctx, () => ({ model: p.resolve('names') as WorkbookModel })) },
    properties: {
      req: '1.7',
      make: (p) => new DocumentProperties(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null),
    },
  },
  methods: { getSelectedRange: '', getIsActiveCollabSession: '1.9' },
};

export class Workbook extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext) {
    super(ctx, WORKBOOK_DEF, () => ctx.host.model);
  }

  getSelectedRange(): Excel.Range {
    return rangeFrom(this, 'getSelectedRange', (m) => {
      const sheet = m.activeSheet;
      if (!sheet) throw itemNotFound('Workbook.getSelectedRange');
      // Guess: with nothing selected on the active sheet, the selection is its A1.
      const rect =
        m.selection && m.selection.sheet === sheet ? m.selection.rect : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect };
    });
  }

  /**
   * Typings: "Returns true if the workbook is being edited by multiple users (through
   * co-authoring)" [1.9]: here, while anyone else has the shared workbook open (a view-only
   * co-author included: Guess, stricter). Excel warns of "some delay between when the workbook
   * status changes and when the changes are reflected"; the imitation answers at once.
   */
  getIsActiveCollabSession(): OfficeExtension.ClientResult<boolean> {
    this.ctx.assertAlive('Workbook.getIsActiveCollabSession');
    return clientResult(
      this.ctx,
      'Workbook.getIsActiveCollabSession',
      () => this.resolve('getIsActiveCollabSession') !== null && this.host.openBy() > 1,
    ) as OfficeExtension.ClientResult<boolean>;
  }
}
