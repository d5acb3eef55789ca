/**
 * Simplified Chinese messages of the Train step (part of the Chinese catalogue, zh.ts, which imports it):
 * choices, progress, backends, the result and training's own error wording. Same shape as en.train.ts.
 */
import type { train as enTrain } from './en.train';

export const train: typeof enTrain = {
  intro:
    '选择一种模型，然后点击“训练模型”。模型会在你的浏览器里从训练行中学习，边学边用验证行检查自己，最后在它从未见过的测试行上评分。',
  needsTarget: '请先在“预测什么”中选择目标列。',
  model: '模型',
  models: {
    logistic: {
      name: '逻辑回归',
      regressionName: '线性回归',
      text: '给每个输入一个权重，再把它们加起来。速度快，也最容易解释。',
    },
    mlp: {
      name: '神经网络（MLP）',
      regressionName: '神经网络（MLP）',
      text: '由多层小的加权求和组成，能学到弯曲的、相互组合的影响。较慢，也较难解释。',
    },
    tree: {
      name: '决策树',
      regressionName: '决策树',
      text: '针对输入提出的一小串是/否问题。容易看懂，但通常准确率稍低一些。',
    },
    boosted: {
      name: '提升树',
      regressionName: '提升树',
      text: '许多棵小树，每一棵都纠正前面那些树的错误。在这类表格数据上往往最准确。',
    },
  } as Record<string, { name: string; regressionName: string; text: string }>,
  testRows: '测试行',
  splitOption: (train: string, validation: string, test: string) =>
    `划分这个文件：${train} 训练，${validation} 验证，${test} 测试`,
  sampleTestOption: (name: string, rows: string) => `使用官方测试文件（${name}，${rows} 行）`,
  uploadedTestOption: (name: string) => `使用测试文件 ${name}`,
  uploadTest: '上传测试文件…',
  removeTest: '移除测试文件',
  testFileHint: '测试文件需要有相同的列。这时本文件的行 85% 用于训练，15% 用于验证。',
  backend: '计算后端',
  backends: {
    auto: '自动（推荐）',
    webgpu: 'WebGPU（显卡）',
    webgl: 'WebGL（显卡）',
    typescript: '处理器，纯 TypeScript（没有显卡时最快）',
    wasm: '处理器，TF.js WASM',
    cpu: '处理器，TF.js CPU',
  } as Record<string, string>,
  backendHint: '树模型总是在处理器上以纯 TypeScript 运行。',
  backendAutoHint:
    '“自动”会通过 WebGPU 使用真正的显卡，不行就用 WebGL。如果没有显卡（或者显卡只是用软件模拟的，那样会慢得多），就在处理器上训练。',
  advanced: '高级设置',
  advancedHint: '输入框留空即使用灰色显示的默认值。这些设置都不是非改不可。',
  fields: {
    epochs: '训练轮数',
    learningRate: '学习率',
    batchSize: '批大小',
    hidden: '隐藏单元',
    maxDepth: '深度',
    nEstimators: '树的数量',
    patience: '耐心值（轮数）',
    seed: '随机种子',
    trainShare: '训练 %',
    validationShare: '验证 %',
    testShare: '测试 %',
  } as Record<string, string>,
  hiddenHint: '每层的单元数，例如 32 或 64, 32',
  sharesInvalid: '三个比例加起来必须等于 100，并且训练行和测试行都不能为零。',
  invalid: '请输入一个正数。',
  seedInvalid: '请输入一个整数（0 或更大）。',
  sharesWithTestFile: '正在使用测试文件：本文件按 85% 训练、15% 验证来划分，这里的比例不会被使用。',
  fixSettings: '请先修正标出的高级设置。',
  trainButton: '训练模型',
  stop: '停止',
  stopHint: '停止后会保留目前为止最好的模型。',
  cancel: '取消',
  stages: {
    reading: '正在读取数据…',
    prepare: '正在清洗并划分数据行…',
    preprocess: '正在准备输入…',
    train: '正在训练…',
    evaluate: '正在给测试行评分…',
    explain: '正在测量是什么在驱动模型…',
  } as Record<string, string>,
  explaining: (done: string, total: string) => `正在测量是什么在驱动模型：已打乱 ${done} / ${total} 列`,
  epochOf: (epoch: string, epochs: string) => `第 ${epoch} / ${epochs} 轮`,
  roundOf: (epoch: string, epochs: string) => `第 ${epoch} / ${epochs} 棵树`,
  timeLeft: (time: string) => `最多还需约 ${time}（提前停止可能让它更早结束）`,
  timeLeftTrees: (time: string) => `还需约 ${time}`,
  announceProgress: (percent: string) => `正在训练，已完成 ${percent} 的轮数`,
  diverged:
    '训练发散了（损失变成了无穷大或无定义），因此这个模型无法使用。请在“高级设置”中调低学习率，然后重新训练。',
  stopping: '将在这一轮结束后停止…',
  progressLabel: '训练进度',
  runningOn: (backend: string) => `正在 ${backend} 上运行`,
  backendNames: {
    webgpu: 'WebGPU',
    webgl: 'WebGL',
    wasm: 'WASM',
    cpu: 'CPU',
    typescript: '处理器（纯 TypeScript）',
  } as Record<string, string>,
  trainedOn: (backend: string) => `在 ${backend} 上训练`,
  reasons: {
    'real-gpu': '已找到显卡，并正在使用它。',
    'software-gpu-skipped':
      '这台设备没有浏览器可用的显卡：它的 WebGPU 和 WebGL 是用软件模拟的，实测比处理器慢得多，所以模型在处理器上训练。',
    forced: '这是你选择的后端。',
    'forced-failed-fallback': '你选择的后端无法启动，所以改用了下一个。',
    'no-gpu': '浏览器没有可用的显卡，所以模型在处理器上训练。',
    'plain-typescript': '树模型在处理器上用纯 TypeScript 构建。',
  } as Record<string, string>,
  backendDetails: '跳过的后端',
  forcedFailed: (chosen: string, why: string, used: string) =>
    `你选择的 ${chosen} 无法使用（${why}），所以改用了 ${used}。`,
  youChose: (backend: string) => `训练已在 ${backend} 上开始。`,
  skipped: (backend: string, why: string) => `${backend}：${why}`,
  fallback: (from: string, epoch: number, to: string, error: string) =>
    `${from}${epoch > 0 ? ` 在第 ${epoch} 轮之后` : ''}停止工作（${error}）；训练已在 ${to} 上重新开始。你的选择都没有丢失。`,
  chartTitle: '学习曲线',
  chartLabel: '训练行和验证行上每一轮的损失',
  epochAxis: '轮次',
  roundAxis: '树',
  trainLoss: '训练损失',
  validationLoss: '验证损失',
  curveSummary: (first: string, last: string, vFirst: string, vLast: string) =>
    `训练损失从 ${first} 变为 ${last}；验证损失从 ${vFirst} 变为 ${vLast}。越低越好。`,
  validationAccuracy: '验证行上的准确率',
  validationR2: '验证行上的 R²',
  metricSummaryAccuracy: (last: string, best: string) =>
    `验证行上的准确率：最后一轮之后为 ${last}，最好时为 ${best}。`,
  metricSummaryR2: (last: string, best: string) =>
    `验证行上的 R²：最后一轮之后为 ${last}，最好时为 ${best}（1 表示完美）。`,
  trainError: '典型误差（训练行）',
  validationError: '典型误差（验证行）',
  errorChartLabel: '训练行和验证行上每一轮的典型误差（RMSE）',
  errorSummary: (first: string, last: string, vFirst: string, vLast: string) =>
    `训练行上的典型误差（RMSE）从 ${first} 变为 ${last}；验证行上从 ${vFirst} 变为 ${vLast}。越低越好。`,
  errorSummaryTrain: (first: string, last: string) =>
    `训练行上的典型误差（RMSE）从 ${first} 变为 ${last}。越低越好。`,
  curveSummaryTrain: (first: string, last: string) => `训练损失从 ${first} 变为 ${last}。越低越好。`,
  resultTitle: '结果',
  accuracy: (acc: string, baseline: string, majority: string) =>
    `模型在测试行上的正确率为 ${acc}；如果总是猜“${majority}”，正确率为 ${baseline}。`,
  regression: (rmse: string, baseline: string, r2: string) =>
    `测试行上的典型误差（RMSE）：${rmse}，而总是猜平均值时为 ${baseline}。R² = ${r2}（1 表示完美，0 表示不比猜平均值好）。`,
  macro: (f1: string) => `各类别的平均 F1：${f1}。`,
  sizes: (train: string, validation: string, test: string, time: string) =>
    `用 ${train} 行训练，耗时 ${time}（另有 ${validation} 个验证行）；在 ${test} 行上测试。`,
  stoppedBy: {
    'early-stopping': (n: number, best: number, trees: boolean) =>
      trees
        ? `建到 ${n} 棵树时提前停止：验证损失已不再改善。保留前 ${best} 棵树。`
        : `在第 ${n} 轮后提前停止：验证损失已不再改善。保留第 ${best} 轮的模型。`,
    user: (n: number, best: number, trees: boolean) =>
      trees
        ? `你在建到 ${n} 棵树时停止了训练。保留目前为止最好的树数量（${best} 棵）。`
        : `你在第 ${n} 轮后停止了训练。保留目前为止最好的模型（第 ${best} 轮）。`,
    epochs: (n: number, best: number, trees: boolean) =>
      trees
        ? `已建完全部 ${n} 棵树；保留在验证行上表现最好的前 ${best} 棵。`
        : `已跑完全部 ${n} 轮；保留在验证行上表现最好的第 ${best} 轮的模型。`,
  } as Record<string, (n: number, best: number, trees: boolean) => string>,
  stoppedNoValidation: (n: number, trees: boolean) =>
    trees
      ? `你在建到 ${n} 棵树时停止了训练；这些树全部保留（没有验证行，无法挑选更好的数量）。`
      : `你在第 ${n} 轮后停止了训练；保留这一轮的模型（没有验证行，无法挑选更好的模型）。`,
  ranAllNoValidation: (n: number, trees: boolean) =>
    trees
      ? `已建完全部 ${n} 棵树（没有验证行，所以无从提前停止）。`
      : `已跑完全部 ${n} 轮（没有验证行，所以无从提前停止）。`,
  notes: {
    'unseen-test-labels': (n: string) => `有 ${n} 个测试行的目标值从未在训练行中出现过，已被排除。`,
    'sensitive-missing-in-test': (column: string) =>
      `测试文件中没有“${column}”列，因此无法按 ${column} 检查模型是否公平。`,
  },
  download: '下载报告（JSON）',
  stale: '训练这个模型之后，数据或选择发生了变化。请重新训练以更新结果。',
  interrupted: '上次训练因页面关闭或重新加载而中断。你的选择都已保留：点击“训练模型”即可重新运行。',
  cancelled: '训练已取消。其他内容都没有改变。',
  failedTitle: '训练失败',
  /** A problem of the separate test file, said as such (the general messages speak of "this file"). */
  testFileProblem: (title: string) => `无法使用测试文件：${title}`,
  errors: {
    'no-rows': (p: Record<string, string | number>) => ({
      title: `${p.file === 'test' ? '测试文件中' : ''}没有剩下可用作${p.part === 'train' ? '训练' : '测试'}集的行。`,
      hint: '请检查清洗步骤（删除含缺失值的行可能会把所有行都删掉），或在“高级设置”中修改划分比例。',
    }),
    'one-column': () => ({
      title: '没有剩下可供模型学习的输入列。',
      hint: '请在“列与清洗”中，除了目标列和敏感属性之外，至少再保留一列。',
    }),
    'worker-crashed': () => ({
      title: '浏览器停止了训练任务（通常是因为内存不足）。',
      hint: '你的数据和选择都已保留。请重试，或选择更小的模型或更小的文件。',
    }),
    internal: (p: Record<string, string | number>) => ({
      title: '训练时出了点问题。',
      hint: `你的数据和选择都已保留。请重试，或者换一种模型或后端。（详情：${p.detail ?? '无'}）`,
    }),
    'target-missing': (p: Record<string, string | number>) => ({
      title: `测试文件中没有“${p.column}”列。`,
      hint: '测试文件需要和训练文件有相同的列。请上传另一个文件，或者改为划分本文件。',
    }),
  } as Record<string, (p: Record<string, string | number>) => { title: string; hint: string }>,
  seconds: (s: string) => `${s} 秒`,
  minutes: (m: string, s: string) => `${m} 分 ${s} 秒`,
};
