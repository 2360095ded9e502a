import type { ComponentType } from 'react';
import type { Messages } from '../i18n';
import { ConsolidatePanel } from './ConsolidatePanel';
import { MyUnitPanel } from './MyUnitPanel';
import { ReportPanel } from './ReportPanel';
import { TargetsPanel } from './TargetsPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { ValidatePanel } from './ValidatePanel';

/**
 * One view per job, in the order an official works: insert, check, total, follow one's unit.
 * Every view stays mounted while hidden, so each keeps its last result when the official comes back.
 * The report and consolidation views (issues 12 and 13) join this list, with their tab label
 * in Messages['views'].
 */
export const VIEWS = [
  { id: 'templates', Panel: TemplatesPanel },
  { id: 'validate', Panel: ValidatePanel },
  { id: 'targets', Panel: TargetsPanel },
  { id: 'unit', Panel: MyUnitPanel },
  // Their code is loaded when the tab is first opened: only some officials report or consolidate.
  { id: 'consolidate', Panel: ConsolidatePanel, onDemand: true },
  { id: 'report', Panel: ReportPanel, onDemand: true },
] as const satisfies readonly { id: keyof Messages['views']; Panel: ComponentType; onDemand?: boolean }[];

export type ViewId = (typeof VIEWS)[number]['id'];
