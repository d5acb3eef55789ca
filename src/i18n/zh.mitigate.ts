/**
 * Simplified Chinese messages of step 9, "Make it fairer" (让它更公平): the remedies for a disparity the audit
 * found, each in two plain sentences with when it fits and when it does not, and the comparison of runs.
 */
import type { mitigate as enMitigate } from './en.mitigate';
import type { FairnessGoal, MitigationMethod } from '../pipeline/mitigation';

const goals: Record<FairnessGoal, string> = {
  'demographic-parity': '人口均等（选择率相同）',
  'equal-opportunity': '机会均等（真阳性率相同）',
  'equalized-odds': '均等化几率（真阳性率和假阳性率都相同）',
};

/** The disparity each goal is judged by, as the comparison's column and the chart's axis name it. */
const goalDisparity: Record<FairnessGoal, string> = {
  'demographic-parity': '人口均等差异',
  'equal-opportunity': '机会均等差异',
  'equalized-odds': '均等化几率差异',
};

const methods: Record<MitigationMethod, { name: string; what: string; fits: string; notFor: string }> = {
  reweigh: {
    name: '重新加权',
    what: '给训练行加上权重，让模型“看来”群体和结果之间没有关联：少见的组合（比如高收入的女性）分量更重。数据本身不会改变。',
    fits: '数据中过去的决定对某个群体有偏见时。所有模型都能用。',
    notFor: '来自真实差异、而决定本应保留的差距。',
  },
  resample: {
    name: '重新抽样',
    what: '复制或去掉一些行，让每个群体中各种结果出现的频率，就像群体和结果毫无关联时一样。这样模型就从一个平衡的样本中学习。',
    fits: '你更希望模型看到平衡的样本、而不是带权重的行时。所有模型都能用。',
    notFor: '很小的群体：把少数几行复制很多次，会让模型把它们死记硬背下来。',
  },
  penalty: {
    name: '公平性惩罚',
    what: '训练时，群体之间在你选的公平目标上每出现一点差异，模型都要付出代价；λ 决定代价有多高。λ 越高：越公平，但通常准确率也越低。',
    fits: '你想自己决定准确率和公平性之间如何取舍时。',
    notFor: '树模型：它只适用于逻辑回归和神经网络。',
  },
  thresholds: {
    name: '分组阈值',
    what: '训练好的模型保持不变；每个群体有自己的决策阈值，在验证行上选出，使公平目标成立、同时准确率最高（有时会在两个阈值之间随机抽取）。',
    fits: '做决定时知道每个人属于哪个群体，并且允许区别对待不同群体时。',
    notFor: '法律禁止按群体作出不同决定的场合（借贷和招聘中常常如此）。',
  },
  'drop-proxies': {
    name: '删除代理变量',
    what: '去掉敏感属性以及会暴露它的列（代理变量查找中排在最前面的那些），然后重新训练模型。',
    fits: '这些列本来就不应该影响决定时。',
    notFor: '指望它一定奏效：其余的列合在一起仍可能透露出群体，差距甚至可能变大。',
  },
};

export const mitigate: typeof enMitigate = {
  intro:
    '当审查显示群体之间存在差距时，可以试试这些成熟的补救方法。每次运行都会保留下来：比较每种方法在准确率上付出多少、在公平性上换来多少，然后选出你能说得清理由的那次运行。选中一次运行后，上面的各个步骤会显示它，报告中也会标记它。',
  unavailable: '补救方法需要一个在两种结果中二选一的模型，以及至少一个敏感属性（都在第 3 步选择）。',
  attribute: '要保护的属性',
  goal: '公平目标',
  goals,
  goalDisparity,
  lambda: '惩罚强度（λ）',
  lambdaHint: '供公平性惩罚使用。0 就是普通模型；默认值为 5。',
  methods,
  fits: '适合：',
  notFor: '不适合：',
  tryOne: (name: string) => `试试${name}`,
  tryAll: '试试所有补救方法',
  tryAllHint: '用这些设置依次训练每种补救方法，数据划分和随机种子都与普通运行相同，这样比较才公平。',
  penaltyNeedsNetwork: '请在第 5 步中选择逻辑回归或神经网络，才能试用它。',
  thresholdsWarning:
    '这会在作决定时区别对待不同群体：两个得分相同的人，可能因为所属群体不同而得到不同的决定。有些法律禁止这样做。',
  progress: (index: number, total: number, name: string) => `第 ${index} 次运行（共 ${total} 次）：${name}……`,
  baselineName: '普通模型（基线）',
  runName: {
    plain: '普通模型',
    withGoal: (name: string, goal: string) => `${name}（${goal}）`,
    penalty: (name: string, goal: string, lambda: string) => `${name}（${goal}，λ = ${lambda}）`,
  },
  goalShort: {
    'demographic-parity': '人口均等',
    'equal-opportunity': '机会均等',
    'equalized-odds': '均等化几率',
  } satisfies Record<FairnessGoal, string>,
  comparison: '运行对比',
  comparisonIntro: (goal: string) =>
    `每个点是一次运行：越靠左越公平（${goal}越小），越靠上越准确。连线把最佳的取舍连起来：对其中每一次运行，都没有别的运行能既更公平又更准确。`,
  chartLabel: (goal: string) => `准确率与${goal}的对照，每次运行一个点；下表中有同样的数值。`,
  accuracyAxis: '准确率',
  chartCaption: (goal: string) => `准确率（越靠上越准确）与${goal}（越靠左越公平）`,
  columns: {
    run: '运行',
    model: '模型',
    attribute: '保护的属性',
    accuracy: '准确率',
    auc: 'ROC 曲线下面积',
    dp: '人口均等差异',
    eop: '机会均等差异',
    eodds: '均等化几率差异',
    choose: '保留',
  },
  choose: (run: string) => `选择${run}`,
  chosen: '已选',
  frontier: '最佳取舍',
  shown: '显示在上方',
  noneChosen: '还没有选择运行：报告会导出上方显示的那次运行。',
  download: '下载所选运行的报告（JSON）',
  chosenNote: (run: string) => `已选：${run}。上方的结果显示的就是它，两个“下载报告”按钮导出的也是它。`,
  chosenNotShown: (run: string) =>
    `已选：${run}。上方的结果显示的是另一次运行；这里的按钮导出的是所选的那次。`,
  remedyFailed: (name: string) => `${name}没有完成：`,
  ended: (finished: number, total: number) =>
    finished === total ? `完成：全部 ${total} 次运行都已结束。` : `${total} 次运行中已完成 ${finished} 次。`,
  endedCancelled: (finished: number, total: number) =>
    `在 ${total} 次运行中完成 ${finished} 次后已取消；下面比较的是已完成的运行。`,
  endedSettingsChanged: (finished: number, total: number) =>
    `在 ${total} 次运行中完成 ${finished} 次后已停止：其间数据设置发生了变化，之后的运行将无法与之前的运行比较。请再试一次，用新设置训练其余的运行。`,
  showChosen: '显示所选运行',
  whatIfThresholdsNote:
    '“假如……”编辑器显示的是模型自己在 ½ 处的决定，还没有应用这次运行的分组阈值；一行的最终决定还取决于它所属的群体（有时还取决于一次随机抽取）。',
  thisRun: (name: string, attribute: string) => `这次运行：${name}，保护“${attribute}”。`,
  groupThresholdsNote: '这次运行按每个群体各自的阈值作决定（第 9 步），所以阈值滑块不适用。',
};
