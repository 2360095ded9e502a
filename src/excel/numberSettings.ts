/**
 * This Excel's decimal separator, as the official sees numbers in it (ExcelApi 1.11). Excel has
 * its own setting beside the system's (File › Options › Advanced › "Use system separators"):
 * `Application.useSystemSeparators` says which one is in force. When it is off, Excel's own
 * `Application.decimalSeparator` is what cells show; when it is on, the system's
 * (`Application.cultureInfo.numberFormat.numberDecimalSeparator`). One request reads all three.
 */
import type { ExcelRun } from './core';

export async function excelDecimalSeparator(run: ExcelRun): Promise<string> {
  return run(async (context) => {
    const application = context.application;
    application.load('decimalSeparator,useSystemSeparators');
    const system = application.cultureInfo.numberFormat;
    system.load('numberDecimalSeparator');
    await context.sync();
    return application.useSystemSeparators === false ? application.decimalSeparator : system.numberDecimalSeparator;
  });
}

/**
 * The separator the pane and the sheets' texts write numbers with, when this Excel can say
 * (ExcelApi 1.11); null when it cannot (Excel 2019 and older builds) or the read failed — the pane
 * then asks the official once for this workbook rather than guessing from the display language.
 * Every host (the task pane's entry, the playground) starts this way.
 */
export async function numberSettingsOfExcel(
  run: ExcelRun,
  requirements: { isSetSupported(name: string, version: string): boolean },
): Promise<',' | '.' | null> {
  if (!requirements.isSetSupported('ExcelApi', '1.11')) return null;
  try {
    const separator = await excelDecimalSeparator(run);
    return separator === ',' || separator === '.' ? separator : null;
  } catch (e) {
    // Said, not thrown: the pane asks the official instead.
    console.warn('CCHC: Excel did not give its number settings', e);
    return null;
  }
}
