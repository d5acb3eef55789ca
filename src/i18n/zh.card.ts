/**
 * Simplified Chinese messages of the model card (src/report/modelCard.ts), a page a manager can read, built
 * from a run's report (part of the Chinese catalogue, zh.ts, which imports it). Self-contained, so the card can
 * be rendered from this object alone. Functions take already-formatted, already-escaped values; the card
 * escapes the plain strings itself.
 */
import type { card as enCard } from './en.card';
import { mitigate } from './zh.mitigate';
import { results } from './zh.results';
import type { TaskKind } from '../data/settings';
import type { FairnessDefinition } from '../fairness/findings';
import type { FairnessGoal, MitigationMethod } from '../pipeline/mitigation';
import type { Backend, ModelKind } from '../pipeline/types';

const tasks: Record<TaskKind, string> = {
  binary: '是/否（两个类别）',
  multiclass: '多个类别',
  regression: '数值（回归）',
};

/** Each model's name, and its name when it predicts a number. */
const models: Record<ModelKind, [string, string]> = {
  logistic: ['逻辑回归', '线性回归'],
  mlp: ['神经网络（MLP）', '神经网络（MLP）'],
  tree: ['决策树', '决策树'],
  boosted: ['提升树', '提升树'],
};

const backends: Record<Backend, string> = {
  cpu: 'TensorFlow.js，在处理器上运行',
  wasm: 'TensorFlow.js，WebAssembly',
  webgl: 'TensorFlow.js，显卡（WebGL）',
  webgpu: 'TensorFlow.js，显卡（WebGPU）',
  typescript: '纯 TypeScript，在处理器上运行',
};

/** The remedies' and goals' names, as step 9 says them. */
const methods = Object.fromEntries(Object.entries(mitigate.methods).map(([k, v]) => [k, v.name])) as Record<
  MitigationMethod,
  string
>;

const goals: Record<FairnessGoal, string> = mitigate.goals;

const definitions: Record<FairnessDefinition, string> = {
  'demographic-parity': '人口均等',
  'equal-opportunity': '机会均等',
  'equalized-odds': '均等化几率',
  'predictive-parity': '预测均等',
  'accuracy-equality': '准确率均等',
};

export const card: typeof enCard = {
  /** The language of the card's text: the HTML document's `lang`. */
  locale: 'zh-CN',
  listSeparator: '、',
  title: '模型卡',
  subtitle: (target: string, dataset: string) => `一个预测“${target}”的模型，基于 ${dataset} 训练`,
  created: (when: string) => `报告生成于 ${when}。`,
  app: '由 Lepton Workbench 在浏览器中制作：数据从未离开训练模型的那台设备。',
  notDefined: '未定义',
  notFilled: '未填写',
  yes: '是',
  no: '否',
  none: '无',

  glance: '概览',
  glanceTask: (task: string, target: string) => `预测“${target}”：${task}。`,
  glanceModel: (model: string) => `模型：${model}。`,
  beats: (figure: string, value: string, baseline: string) =>
    `${figure}为 ${value}，优于总是给出同一个答案的模型（${baseline}）。`,
  doesNotBeat: (figure: string, value: string, baseline: string) =>
    `${figure}为 ${value}，并不优于总是给出同一个答案的模型（${baseline}）。`,
  glanceFair: (attribute: string, verdict: string) => `${attribute}：${verdict}`,
  chosenRun: '这是用户选择保留的那次运行。',

  fields: {
    title: '用途与局限',
    intro: '由负责这个模型的人填写。',
    intendedUse: '预期用途',
    peopleAffected: '受影响的人',
    limitations: '局限',
  },

  data: {
    title: '数据',
    dataset: '数据集',
    rows: '行数（清洗后）',
    columns: '列数',
    testFile: '测试文件',
    testFileValue: (name: string, rows: string) => `${name}（${rows} 行）`,
    noTestFile: '无：测试行是从数据集中划分出来的',
    target: '预测的列（目标）',
    task: '任务',
    positiveClass: '阳性结果',
    classes: '类别',
    sensitive: '敏感属性',
    noSensitive: '未选择：模型没有接受公平性审查',
    split: '使用的行',
    splitValue: (train: string, validation: string, test: string) =>
      `${train} 用于训练，${validation} 用于训练过程中的检查（验证集），${test} 用于测试`,
    seed: '随机种子（相同的数据、设置和种子会得到相同的模型）',
    cleaning: '清洗步骤',
    noCleaning: '无：数据按载入时的样子使用。',
  },

  model: {
    title: '模型',
    kind: '类型',
    backend: '训练位置',
    trainTime: '训练时间',
    seconds: (s: string) => `${s} 秒`,
    epochs: '遍历训练行的轮数（epoch）',
    bestEpoch: '保留的轮次（在验证行上最好的一轮）',
    stoppedBy: '训练如何结束',
    stopped: {
      epochs: '所有轮次都已跑完',
      'early-stopping': '提前停止：验证损失不再改善',
      user: '被用户停止（保留了到那时为止最好的模型）',
    } as Record<string, string>,
    fallbacks: (list: string) => `训练期间失败的后端：${list}。`,
    fallback: (from: string, to: string, epoch: string) => `${from} → ${to}（${epoch} 轮之后）`,
    options: '设置',
    option: '设置项',
    value: '值',
    optionNames: {
      epochs: '最多轮数（epoch）',
      batchSize: '批大小',
      learningRate: '学习率',
      l2: 'L2 惩罚',
      patience: '耐心（没有改善的轮数）',
      seed: '随机种子',
      hidden: '每个隐藏层的单元数',
      dropout: 'Dropout（随机丢弃比例）',
      maxDepth: '最大深度',
      minSamplesLeaf: '每个叶节点的最少行数',
      nEstimators: '最多树数（轮数）',
      subsample: '每棵树使用的行比例',
      lambda: '叶节点值的 L2 惩罚（λ）',
      earlyStoppingRounds: '停止前允许没有改善的轮数',
    } as Record<string, string>,
  },

  metrics: {
    title: '模型有多好',
    intro: '在模型学习时从未见过的测试行上评分，并与一个总是给出同一个答案的模型对比。',
    atThreshold: (t: string) => `是/否类的数值基于决策阈值 ${t}。`,
    groupThresholds: '每个群体按自己的阈值作决定（见下文的补救方法）。',
    table: '测试行上的数值',
    figure: '指标',
    value: '数值',
    baseline: '总是给出同一个答案',
    names: {
      accuracy: '准确率',
      baselineAccuracy: '基线准确率',
      balancedAccuracy: '平衡准确率',
      precision: '精确率',
      recall: '召回率（真阳性率）',
      specificity: '特异度',
      f1: 'F1',
      rocAuc: 'ROC 曲线下面积（AUC）',
      logLoss: '对数损失',
      macroPrecision: '宏平均精确率',
      macroRecall: '宏平均召回率',
      macroF1: '宏平均 F1',
      mae: '平均绝对误差',
      rmse: 'RMSE（均方根误差）',
      r2: 'R²',
      baselineRmse: '基线 RMSE',
    } as Record<string, string>,
    confusion: '按真实类别（行）和预测类别（列）统计的测试行',
    actual: '实际',
    predicted: (cls: string) => `预测为 ${cls}`,
  },

  fairness: {
    title: '是否公平',
    intro:
      '模型在测试行上如何对待每个敏感属性的各个群体，以及这些群体的组合。每个比率都附有 95% 区间：区间很宽，说明行数太少，还无法确定。',
    noAudit: '没有公平性审查：没有选择敏感属性，或者测试行中缺少这些属性。',
    multiclass: '目前还不对有多个类别的模型做公平性审查。',
    attribute: (attribute: string) => `按 ${attribute}`,
    chart: (attribute: string) => `按 ${attribute} 分组的选择率（预测为阳性的比例），附 95% 区间`,
    groups: (attribute: string) => `${attribute} 各群体的数值`,
    group: '群体',
    count: '测试行数',
    rates: {
      baseRate: '基础率（真正为阳性）',
      selectionRate: '选择率（预测为阳性）',
      tpr: '真阳性率',
      fpr: '假阳性率',
    } as Record<string, string>,
    disparities: '群体之间的差异（最坏情况，按 Fairlearn 的定义）',
    measure: '度量',
    value: '数值',
    fairAt: '公平时为',
    // The same names as the results page's.
    disparityNames: results.fairness.disparityNames,
    findings: '通俗地说',
    ratioSentence: (low: string, positive: string, ratio: string, high: string) =>
      `群体“${low}”被预测为“${positive}”的频率是“${high}”的 ${ratio} 倍；五分之四规则要求至少为 0.8。`,
    ratesSentence: (low: string, lowRate: string, high: string, highRate: string) =>
      `（“${low}”为 ${lowRate}，“${high}”为 ${highRate}。）`,
    passes: '这符合五分之四规则。',
    fails: '这没有达到五分之四规则的要求。',
    violated: (list: string) => `未满足的定义：${list}。`,
    noneViolated: '每个定义都在容差范围内得到满足。',
    toleranceNote: '差异超过 0.1 就算未满足：这只是经验法则，不是法律标准。',
    oneGroup: '只有一个群体有测试行：没有可以比较的对象。',
    smallGroups: (list: string) => `测试行太少，无法判断：${list}。它们的区间很宽。`,
    undefinedGroups: (list: string) =>
      `${list} 的部分比率没有定义（没有可以用来计算的行）；这些群体不计入受影响的差异。`,
    definitions,
    glancePasses: '符合五分之四规则',
    glanceFails: '没有达到五分之四规则的要求',
    glanceViolated: (list: string) => `；未满足：${list}`,
    regression: (attribute: string) => `${attribute} 各群体的误差`,
    meanPrediction: '平均预测值',
    meanError: '平均误差（正数：偏高）',
    mae: '误差的平均大小',
  },

  importance: {
    title: '模型依赖什么',
    intro: (score: string) =>
      `每一列的值都在测试行之间打乱；条形表示测试行上的${score}平均下降了多少（细线：波动范围）。只列出最重要的几列。`,
    scoreNames: { accuracy: '准确率', r2: 'R²' } as Record<string, string>,
    chart: '打乱每一列时分数下降了多少',
    column: '列',
    drop: '下降',
    spread: '波动（±）',
    notMeasured: '这次运行没有测量。',
    more: (n: string) => `另有 ${n} 列影响较小。`,
  },

  proxies: {
    title: '能代替敏感属性的列（代理变量）',
    intro:
      '每个输入列单凭自己能多准确地猜出这个属性（在没有用来拟合猜测的行上计算的平衡准确率）。只要这样的列还是输入，把这个属性排除在模型之外并不能真正去掉它。',
    attribute: (attribute: string) => `猜测 ${attribute}`,
    column: '列',
    score: '猜测准确度',
    chance: '随机猜测',
    none: '这次运行没有做代理变量检查。',
  },

  mitigation: {
    title: '针对不公平的补救方法',
    none: '无：普通模型，训练时没有使用补救方法。',
    method: '补救方法',
    methods,
    attribute: '保护的属性',
    goal: '公平目标',
    goals,
    lambda: '惩罚强度（λ）',
    dropped: '排除的列',
    trainingRows: '重新抽样后的训练行数',
    rules: '每个群体的决策规则',
    ruleGroup: '群体',
    ruleLow: '不高于此值：从不选中',
    ruleHigh: '高于此值：总是选中',
    rulePBetween: '介于两者之间时选中的概率',
    ruleMix: '这条规则的权重',
    everybody: '所有人',
    validationAccuracy: '验证行上的准确率',
    validationViolation: '验证行上剩下的最大差距',
    baseline: '与不使用补救方法训练的同一模型对比',
    plainRun: '不使用补救方法',
    thisRun: '使用补救方法',
  },

  runs: {
    title: '运行对比',
    intro: (attribute: string) =>
      `每次运行都使用相同的数据、划分和随机种子；表中是 ${attribute} 各群体之间的差异（越小越公平）。`,
    run: '运行',
    accuracy: '准确率',
    dp: '人口均等差异',
    eop: '机会均等差异',
    eodds: '均等化几率差异',
    chosen: '已选',
    chosenMark: '✔ 已选',
    noneChosen: '没有选择任何运行。',
    chosenNote: (run: string) => `保留的运行：${run}。`,
  },

  tasks,
  models,
  backends,
};
