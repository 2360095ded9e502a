import { makeStyles, tokens } from '@fluentui/react-components';
import { CF_FORMATS } from '../../layout/rules';

/** The check view's look: severity colours, the sheet's mark colours, the sticky counts bar. */
export const useValidateStyles = makeStyles({
  // The counts stay in view (below the pane's sticky tab bar) while the list scrolls under them.
  countsBar: {
    position: 'sticky',
    top: 'var(--cchc-sticky-top, 0px)',
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  count: { minWidth: 0 },
  countError: { borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}` },
  countWarning: { borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}` },
  countInfo: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  findingActions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  // Errors red, warnings amber, notes grey: told apart by colour and by the group heading.
  error: {
    borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
  },
  warning: {
    borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  // The legend of the sheet's colours: a marked cell's reference is drawn as the check's mark
  // draws the cell (the plan's own colours, so the two cannot drift apart).
  mark: {
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  markError: {
    backgroundColor: CF_FORMATS.flagged.fill,
    color: CF_FORMATS.flagged.fontColor,
    fontWeight: tokens.fontWeightBold,
  },
  markWarning: {
    backgroundColor: CF_FORMATS.flaggedWarning.fill,
    color: CF_FORMATS.flaggedWarning.fontColor,
    fontWeight: tokens.fontWeightBold,
  },
  rowTitle: { fontWeight: tokens.fontWeightSemibold },
  severityHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  kind: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, maxWidth: '100%' },
  kindList: { paddingLeft: tokens.spacingHorizontalS },
});
