/**
 * English messages for accessibility: the table alternatives under every chart (their toggle, captions and
 * column names where the chart's own strings do not fit), the legend lines that say in words what a colour
 * or a mark means, and the names of scrollable tables.
 */
export const a11y = {
  /** The toggle under each chart; the chart's name follows it for screen readers (visually hidden). */
  showTable: 'Show the figures as a table',
  value: 'Value',
  /** The name of the scrollable box around the results' table of figures (step 6). */
  metricsTable: 'Test figures',
  rows: 'Rows',
  /** Tables of curves show evenly spaced points, not all of them. */
  someOf: (shown: string, total: string) => `${shown} of ${total} points, evenly spaced.`,

  // Column distributions (step 2).
  distributionCaption: (column: string) => `Rows per value of "${column}"`,

  // The learning curve (step 5).
  lossCaption: 'Loss and validation score after each epoch',
  lossCaptionRegression: 'Typical error and validation score after each epoch',

  // ROC and calibration curves (step 6).
  rocCaption: 'Points of the ROC curve',
  rocThreshold: 'Threshold',
  rocDot: 'Dot: the current decision threshold',
  rocNow: (threshold: string, fpr: string, tpr: string) =>
    `At the current threshold ${threshold}: false positive rate ${fpr}, true positive rate ${tpr}.`,
  calibrationCaption: 'Calibration in ten bins of predicted probability',
  binRows: 'Test rows in the bin',

  // Scatter plots of a number target (step 6).
  scatterCaption: 'Test rows: actual value, prediction and error',
  scatterSome: (shown: string, total: string) => `${shown} of ${total} test rows, evenly spaced.`,

  // Partial dependence (step 8).
  partialCaption: (column: string) => `Partial dependence on "${column}"`,

  // The regression audit's two bar series differ by pattern too.
  hatchedNote: 'The hatched bars are the average error; the plain bars the average size of the error.',
};
