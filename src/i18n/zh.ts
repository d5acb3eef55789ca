/**
 * Simplified Chinese messages: the same shape as the English catalogue (en.ts, type Messages). The Train step's
 * messages are in zh.train.ts, imported below. Functions take already-formatted values.
 */
import type { ColumnKind } from '../data/types';
import type { TaskKind } from '../data/settings';
import type { Messages } from './en';
import { errors } from './zh.errors';
import { train } from './zh.train';
import { results } from './zh.results';
import { mitigate } from './zh.mitigate';
import { card } from './zh.card';
import { share } from './zh.share';
import { a11y } from './zh.a11y';

const kinds: Record<ColumnKind, string> = {
  numeric: '数字',
  categorical: '类别',
  boolean: '是/否',
  date: '日期',
  text: '自由文本',
  identifier: '标识符',
};

const tasks: Record<TaskKind, string> = {
  binary: '是/否（两个类别）',
  multiclass: '多个类别',
  regression: '一个数值（回归）',
};

export const zh: Messages = {
  locale: 'zh-CN',
  /** The language's own name, as the "Language" select lists it. */
  languageName: '简体中文',
  listSeparator: '、',
  app: {
    language: '语言',
    title: 'Lepton Workbench',
    tagline: '在浏览器中进行公平、可解释的机器学习',
    privacy: '你的数据只留在这台设备上',
    startOver: '重新开始',
    dismiss: '关闭消息',
    stepsNav: '步骤',
    startOverConfirm: '要从这个浏览器中清除已载入的数据和所有选择吗？',
    linkSession:
      '这个页面是通过链接打开的：你在这里的操作不会保存在这个浏览器里，你之前保存的工作也不受影响。可以用第 10 步的“保存项目”保留它。',
    restoring: '正在恢复你上次的会话…',
    steps: {
      load: '载入数据',
      columns: '列与清洗',
      goal: '预测什么',
      bias: '数据中的偏差',
      train: '训练模型',
      performance: '模型有多好',
      fairness: '是否公平',
      explain: '为什么',
      mitigate: '让它更公平',
      share: '分享与复用',
    },
  },
  errors,
  kinds,
  tasks,
  load: {
    intro:
      '把 CSV 文件拖放到这里，从你的设备中选择一个文件，或者先用示例数据试试。文件只在本页面内读取，绝不会上传。',
    drop: '把 CSV 文件拖放到这里',
    upload: '上传 CSV',
    dropHint:
      '任何电子表格保存成的 CSV 或 TSV 表格都可以：值之间用逗号、分号、制表符或竖线分隔，有没有表头行都行。',
    or: '或者试试示例数据：',
    samples: {
      adult: {
        label: '成人收入（Adult）',
        description:
          '1994 年美国人口普查的记录：预测一个人的年收入是否超过 5 万美元。列名取自数据说明文档，多余的空格已去掉；缺失的回答显示为 ?。',
      },
      german: {
        label: '德国信贷（German credit）',
        description:
          '一家德国银行的贷款申请人，每人被评为信用风险“好”或“坏”。列名是后加的，原始代码已译成文字，并从“个人状况”推出了性别列。注意：“personal status”（个人状况）仍然会透露性别（每位女性都是“divorced/separated/married”），所以把性别列去掉并不能让模型看不到它。',
      },
    },
    reading: (name: string) => `正在读取 ${name}…`,
    progress: (rows: string, done: string, total: string) => `已读取 ${rows} 行（${done} / ${total}）`,
    cancel: '取消',
    loaded: (name: string, rows: string, cols: number) => `${name}：${rows} 行，${cols} 列`,
    options: '读取选项',
    hasHeader: '第一行是列名',
    delimiter: '分隔符',
    delimiters: { auto: '自动检测', ',': '逗号 ,', ';': '分号 ;', '\t': '制表符', '|': '竖线 |' } as Record<
      string,
      string
    >,
    encoding: '文本编码',
    encodings: { auto: '自动检测', 'utf-8': 'UTF-8', 'windows-1252': 'Latin-1 / Windows-1252' } as Record<
      string,
      string
    >,
    preview: '前几行',
    columnName: (n: number) => `第 ${n} 列的名称`,
    nameTaken: (name: string) => `已经有一列叫“${name}”了：请换一个名称。`,
    headerlessHint: '这个文件没有表头行，所以各列用数字编号。请给它们起一些你认得出的名称：',
  },
  notes: {
    title: '读取文件时我们注意到的情况',
    delimiter: (d: string, how: string) => `值之间用${d}分隔（${how}）。`,
    delimiterHow: {
      'sep-line': '依据“sep=”那一行',
      detected: '自动检测',
      option: '按你的选择',
    } as Record<string, string>,
    delimiterNames: { ',': '逗号', ';': '分号', '\t': '制表符', '|': '竖线（|）' } as Record<string, string>,
    decimalComma: '数字用逗号作小数点（1,5 被读作 1.5）。',
    encodingFallback: '文本不是 UTF-8 编码；已按 Latin-1（Windows-1252）读取，以便正确显示带重音符号的字母。',
    bom: '已删除文件开头的字节顺序标记（BOM）。',
    headerless: '没有找到表头行：在你给各列命名之前，它们用数字编号。',
    duplicates: (name: string, renamed: string) =>
      `列名“${name}”出现了不止一次；各个副本分别命名为 ${renamed}。`,
    unnamed: (n: number) => `有 ${n} 列在表头中没有名称，已自动为其生成名称。`,
    ragged: (short: number, long: number, lines: string) =>
      `有 ${short + long} 行的值的个数与表头不一致（${short} 行太少，已用缺失值补齐；${long} 行太多，多出的值被忽略），例如第 ${lines} 行。`,
    malformed: (n: number) => `有 ${n} 行的引号不完整，可能会读错。`,
    missing: (list: string) => `以下内容被视为缺失值：${list}。`,
    empty: '空单元格',
  },
  profile: {
    intro: '每一列装的是哪类值，缺了多少。如果我们猜错了类型，请改过来；也可以选择如何清洗某一列。',
    kindOf: (name: string) => `${name} 的类型`,
    missing: '缺失',
    distinct: '不同的值',
    min: '最小值',
    max: '最大值',
    mean: '平均值',
    median: '中位数',
    other: '其他值',
    mostCommon: (list: string) => `最常见：${list}。`,
    chartLabel: (name: string) => `${name} 的分布`,
    unparsable: (n: string) => `有 ${n} 个值不是数字，按缺失值处理。`,
    rowsAfterCleaning: (rows: string, total: string) => `清洗后，${total} 行中还剩 ${rows} 行。`,
    warnings: {
      'all-missing': () => '所有值都缺失：这一列不包含任何信息。',
      constant: (p: { value: string }) => `每一行的值都相同（“${p.value}”）：它对模型没有帮助。`,
      'mostly-missing': (p: { share: string }) => `${p.share} 的值缺失：可以考虑不使用这一列。`,
      identifier: () => '看起来像标识符（每一行的值都不同）：不应该用它来做预测。',
      'high-cardinality': (p: { distinct: string }) =>
        `有 ${p.distinct} 个不同的值：类别太多，模型没法可靠地从中学习。`,
    },
  },
  cleaning: {
    label: (name: string) => `${name} 的清洗方式`,
    none: '保持原样',
    exclude: '不使用这一列',
    imputeMedian: '用中位数填补缺失值',
    imputeMode: '用最常见的值填补缺失值',
    imputeConstant: '用指定的值填补缺失值…',
    dropMissing: '删除这一列缺失的行',
    bin: '把数字分组为区间',
    constantValue: (name: string) => `${name} 的填补值`,
    binEdges: (name: string) => `${name} 的区间边界`,
    binPlaceholder: '留空：按四分位数；或填写例如 25, 45',
    automaticRanges: '其四分位数',
    steps: '清洗步骤',
    noSteps: '还没有清洗步骤：数据按载入时的样子使用。',
    remove: '删除步骤',
    describe: {
      exclude: (c: string) => `不使用“${c}”`,
      impute: (c: string, how: string) => `用${how}填补“${c}”的缺失值`,
      'drop-missing': (c: string) => `删除“${c}”缺失的行`,
      bin: (c: string, edges: string) => `把“${c}”按 ${edges} 分成区间`,
    },
    how: { median: '中位数', mode: '最常见的值', constant: (v: string) => `“${v}”` },
    effect: (removed: string, filled: string) => `删除了 ${removed} 行，修改了 ${filled} 个单元格。`,
    excluded: '这一列不会用于后面的任何步骤。',
    groupEffect: (attr: string, parts: string) => `按 ${attr}：${parts}。`,
    groupPart: (group: string, removed: string, before: string) =>
      `${group} 删除了 ${removed} 行（原有 ${before} 行）`,
    untouched: (n: number) => `其他 ${n} 个群体没有行被删除。`,
    problems: {
      'missing-column': '这一列已经不在数据中了：这个步骤不起作用。',
      'not-numeric': '只有数字列才能分组为区间。',
      'bad-constant': '填补值不是数字，但这是一个数字列。',
    },
  },
  goal: {
    intro: '选择模型要学着预测的那一列，以及需要公平对待其中各个群体的属性（例如性别、种族或年龄）。',
    target: '目标列',
    choose: '选择一列…',
    positive: '正类',
    positiveHint: '你关心的那个结果：公平性指标会比较每个群体得到它的频率。',
    task: '任务',
    sensitive: '敏感属性',
    sensitiveHint: '任何人都不应因为这些属性而受到不公平的对待。默认情况下，它们不作为模型的输入。',
    edges: (name: string) => `${name} 的分组边界`,
    sensitiveMissing: (name: string) =>
      `“${name}”被选为敏感属性，但某个清洗步骤把它排除了：删除那个步骤才能使用它。`,
    tooManyGroups: (name: string, n: number) =>
      `“${name}”有 ${n} 个不同的值：群体太多，无法比较。请先把它的值分组（数字列可以用“把数字分组为区间”）。`,
    edgesHint: '用逗号分隔的数字，例如 25, 45, 65。',
    edgesInvalid: '请输入用逗号分隔、依次增大的数字。',
    groupsAre: (list: string) => `群体：${list}。`,
    include: '把敏感属性用作模型输入',
    includeHint: '默认关闭。不使用它们本身并不能消除偏差：其他列可能会代替它们起作用。',
    inputs: (n: number, list: string) => `模型将从 ${n} 列中学习：${list}。`,
    leftOut: (list: string) => `未使用：${list}。`,
    reasons: {
      target: '目标列',
      sensitive: '敏感属性',
      identifier: '标识符',
      text: '自由文本',
      date: '日期',
    } as Record<string, string>,
  },
  train,
  results,
  mitigate,
  card,
  share,
  a11y,
  bias: {
    intro:
      '在建立任何模型之前，先看数据本身：结果在各个群体之间是怎样分布的。用这份数据训练出来的模型往往会学到这些差异。',
    needsChoices: '请先选择目标列和至少一个敏感属性，才能看到这部分内容。',
    rateOf: (outcome: string) => `${outcome} 的占比`,
    meanOf: (target: string) => `${target} 的平均值`,
    group: '群体',
    rows: '行数',
    share: '行数占比',
    sentenceTwo: (a: string, rateA: string, b: string, rateB: string, outcome: string) =>
      `在这份数据中，${a} 里有 ${rateA}、${b} 里有 ${rateB} 的结果是 ${outcome}。`,
    sentenceMany: (low: string, lowRate: string, high: string, highRate: string, outcome: string) =>
      `在这份数据中，结果是 ${outcome} 的占比从 ${lowRate}（${low}）到 ${highRate}（${high}）不等。`,
    sentenceMean: (target: string, low: string, lowMean: string, high: string, highMean: string) =>
      `在这份数据中，${target} 的平均值从 ${lowMean}（${low}）到 ${highMean}（${high}）不等。`,
    ratio: (ratio: string) => `最低比例 ÷ 最高比例：${ratio}。`,
    passes: '符合“五分之四规则”（至少 0.8）。',
    fails: '低于“五分之四规则”：比例最低的群体得到这一结果的频率，不到比例最高群体的 80%。',
    small: (list: string) => `行数太少（不足 30 行），无法可靠判断：${list}。`,
    uncounted: (n: string, target: string, attr: string) =>
      `有 ${n} 行没有计入，因为它们的 ${target} 或 ${attr} 缺失。`,
    chartLabel: (attr: string) => `按 ${attr} 划分的结果占比`,
  },
};
