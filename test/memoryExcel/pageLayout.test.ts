/** Print setup: fitting to pages in one direction only is not applied (office-js #1860). */
import { createMemoryWorkbook } from '../../src/memoryExcel';

async function zoomAfter(zoom: Excel.PageLayoutZoomOptions): Promise<Excel.PageLayoutZoomOptions> {
  const wb = createMemoryWorkbook();
  return wb.run(async (ctx) => {
    const layout = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
    layout.zoom = zoom;
    await ctx.sync();
    layout.load('zoom');
    await ctx.sync();
    return layout.zoom;
  });
}

describe('PageLayout.zoom', () => {
  test('{ horizontalFitToPages: 1 } alone does not get set (office-js #1860): the scale stays', async () => {
    expect(await zoomAfter({ horizontalFitToPages: 1 })).toEqual({ scale: 100 });
    expect(await zoomAfter({ verticalFitToPages: 1 })).toEqual({ scale: 100 });
  });

  test('a scale is set (#1860), and fitting in both directions is', async () => {
    expect(await zoomAfter({ scale: 200 })).toEqual({ scale: 200 });
    expect(await zoomAfter({ horizontalFitToPages: 1, verticalFitToPages: 0 })).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });
  });
});
