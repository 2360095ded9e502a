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
