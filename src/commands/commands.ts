/**
 * The ribbon's function file (manifest <FunctionFile>). The only ribbon button uses the
 * ShowTaskpane action, which Office handles without code, so no ExecuteFunction handlers are
 * associated here. Office still loads this page and expects Office.onReady to be called, or
 * it reports the add-in as failing to start.
 */
export const commandsReady: Promise<Office.HostType | null> =
  typeof Office === 'undefined' ? Promise.resolve(null) : Office.onReady().then((info) => info.host);
