// The Office.js host adapter: read the open workbook, apply plans, remove
// Toetsblad's sheets, select a finding's cell.

export { readWorkbook, planReadChunks, READ_CELL_BUDGET } from './readWorkbook';
export type { ReadOptions, ReadStats } from './readWorkbook';
export { applyPlan, removeGenerated, selectCell, REQUEST_BUDGET } from './applyPlan';
export type { ApplyOptions, ApplyStats, SheetShape } from './applyPlan';
export { apiSupport, FULL_SUPPORT, MIN_EXCEL_API, OPTIONAL_SETS } from './requirements';
export type { ApiSupport } from './requirements';
export { CancelledError, HostError, classifyError, errorDetails, OFFICE_ERROR_CODES } from './errors';
export type { HostErrorCode } from './errors';
