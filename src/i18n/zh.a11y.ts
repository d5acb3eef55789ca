import type { a11y as enA11y } from './en.a11y';

/** 无障碍相关的简体中文文案：图表下方的表格替代、说明颜色或标记含义的文字、可滚动表格的名称。 */
export const a11y: typeof enA11y = {
  showTable: '以表格查看数据',
  value: '取值',
  metricsTable: '测试集指标',
  rows: '行数',
  someOf: (shown: string, total: string) => `共 ${total} 个点，均匀选取其中 ${shown} 个。`,

  distributionCaption: (column: string) => `“${column}”各取值的行数`,

  lossCaption: '每轮训练后的损失和验证得分',
  lossCaptionRegression: '每轮训练后的典型误差和验证得分',

  rocCaption: 'ROC 曲线上的点',
  rocThreshold: '阈值',
  rocDot: '圆点：当前的决策阈值',
  rocNow: (threshold: string, fpr: string, tpr: string) =>
    `当前阈值 ${threshold} 下：假阳性率 ${fpr}，真阳性率 ${tpr}。`,
  calibrationCaption: '按预测概率分成十组的校准情况',
  binRows: '该组的测试行数',

  scatterCaption: '测试行：实际值、预测值和误差',
  scatterSome: (shown: string, total: string) => `共 ${total} 条测试行，均匀选取其中 ${shown} 条。`,

  partialCaption: (column: string) => `对“${column}”的部分依赖`,

  hatchedNote: '带斜线的条形表示平均误差，纯色条形表示误差的平均大小。',
};
