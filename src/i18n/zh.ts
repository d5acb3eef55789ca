/**
 * Simplified Chinese messages: the same shape as the English catalogue (en.ts, type Messages). The Train step's
 * messages are in zh.train.ts, imported below. Functions take already-formatted values.
 */
import type { ErrorCode } from '../core/result';
import type { ColumnKind } from '../data/types';
import type { TaskKind } from '../data/settings';
import type { Messages } from './en';
import { train } from './zh.train';
import { results } from './zh.results';
import { mitigate } from './zh.mitigate';
import { card } from './zh.card';
import { share } from './zh.share';
import { a11y } from './zh.a11y';

type P = Record<string, string | number>;

/** Why a remedy for unfairness could not run (src/pipeline/mitigation.ts and train.ts), and what to do. */
function mitigationProblem(p: P): { title: string; hint: string } {
  switch (p.reason) {
    case 'penalty-needs-network':
      return {
        title: '公平性惩罚只适用于逻辑回归和神经网络。',
        hint: '请在第 5 步选择这两种模型之一，或者换一种补救方法：其他方法都适用于树模型。',
      };
    case 'not-binary':
      return {
        title: '只有当模型预测的是两种结果之一时，才能使用补救方法。',
        hint: '请在第 3 步选择只有两个值的目标列（或指定它的正类）。',
      };
    case 'no-sensitive':
      return {
        title: '请先选择一个敏感属性：补救方法需要知道要保护哪个群体。',
        hint: '请在第 3 步把这一列标记为敏感属性，然后再试一次这个方法。',
      };
    case 'no-validation':
      return {
        title: `${p.method === 'drop-proxies' ? '要删除的代理变量' : '分组阈值'}是根据验证行选出的，而当前的划分没有验证行。`,
        hint: '请在第 5 步（“高级设置”）中给验证集分配几个百分点，然后再试一次。',
      };
    case 'attribute-missing-in-test':
      return {
        title: `测试文件中没有“${p.attribute}”列，所以测试行无法得到各自群体的阈值。`,
        hint: '请使用包含这一列的测试文件，或者使用划分出来的测试部分（第 5 步）。',
      };
    case 'no-proxies':
      return {
        title: `没有哪个输入列能足够明显地透露出“${p.attribute}”而值得删除，而且这个属性本身已经被排除了。`,
        hint: '删除代理变量只会再训练出同样的模型；请换一种补救方法。',
      };
    default:
      return {
        title: `“${p.attribute}”不是这次运行的敏感属性之一。`,
        hint: '请在第 3 步把这一列标记为敏感属性，然后再试一次这个方法。',
      };
  }
}

/** The file formats src/data/decode.ts recognises (it names them in English), in Chinese. */
const formatNames: Record<string, string> = {
  'PNG image': 'PNG 图片',
  'PDF document': 'PDF 文档',
  'ZIP archive or Excel workbook (.xlsx)': 'ZIP 压缩包或 Excel 工作簿（.xlsx）',
  'GZIP archive': 'GZIP 压缩包',
  'JPEG image': 'JPEG 图片',
  'GIF image': 'GIF 图片',
  'Excel 97-2003 workbook (.xls)': 'Excel 97-2003 工作簿（.xls）',
  'Parquet file': 'Parquet 文件',
  binary: '二进制文件',
};

const errors: Record<ErrorCode, (p: P) => { title: string; hint: string }> = {
  'empty-file': () => ({
    title: '这个文件是空的。',
    hint: '请选择一个包含表头行和数据行的 CSV 文件。',
  }),
  'no-rows': () => ({
    title: '这个文件有列名，但没有数据行。',
    hint: '请在表头下方至少添加一行数据，或者选择另一个文件。',
  }),
  'one-column': () => ({
    title: '这个文件中只找到了一列。',
    hint: '模型至少需要两列：一列是要预测的，另一列用来做预测。如果文件实际上不止一列，它的值可能是用不常见的字符分隔的：请在“读取选项”中选择分隔符。',
  }),
  'binary-file': (p) => ({
    title: `这不是文本文件${p.format ? `（看起来是${formatNames[p.format] ?? p.format}）` : ''}。`,
    hint: '请把电子表格另存为“CSV（逗号分隔）”格式，然后载入那个文件。',
  }),
  'json-file': () => ({
    title: '这个文件里是 JSON，而不是用逗号分隔值的表格。',
    hint: '请先把它转换为 CSV（大多数电子表格程序都能做到），再载入 CSV 文件。',
  }),
  'too-large': (p) => ({
    title: `这个文件${p.size ? `（${p.size}）` : ''}太大了，这台设备的浏览器处理不了。`,
    hint: '请只使用一部分行（例如前 500,000 行），或者换一台内存更大的设备。',
  }),
  unreadable: (p) =>
    p.encoding === 'UTF-16'
      ? {
          title: '这个文件保存为 UTF-16（“Unicode 文本”）格式，目前这里还无法读取。',
          hint: '请在电子表格程序中选择“另存为”，再选择“CSV UTF-8（逗号分隔）”，然后载入那个文件。',
        }
      : {
          title: '无法读取这个文件。',
          hint: '请检查它是否是文本格式的 CSV 文件，并且没有被其他程序打开并锁定，然后重试。',
        },
  'parse-failed': () => ({
    title: '无法把这个文件读取为表格。',
    hint: '请在电子表格程序中打开它，另存为 CSV，然后重新载入。',
  }),
  cancelled: () => ({ title: '已取消载入。', hint: '你之前的数据仍然保留着。' }),
  'target-one-class': (p) => ({
    title: `“${p.column}”只有一个值，所以没有什么可预测的。`,
    hint: '请选择另一列作为目标列，或者检查清洗步骤有没有把其他值删掉。',
  }),
  'target-too-many-classes': (p) => ({
    title: `“${p.column}”有 ${p.classes} 个不同的值：要预测的类别太多了。`,
    hint: '请选择取值较少的列，或者先把它的值分组（数字列可以用“把数字分组为区间”）。',
  }),
  'target-missing': (p) => ({
    title: `目标列“${p.column}”已经不在数据中了。`,
    hint: '某个清洗步骤排除了它，或者它被改了名。请删除那个步骤，或者重新选择要预测的列。',
  }),
  'target-empty': (p) => ({
    title: `“${p.column}”已经没有可预测的值了。`,
    hint: '所有值都缺失了，或者没有一个值符合为它选择的类型。请把它的类型改回来，或者选择另一个目标列。',
  }),
  'mitigation-unavailable': (p) => mitigationProblem(p),
  'score-columns-missing': (p) => ({
    title:
      p.count === 1
        ? `这个文件没有模型需要的“${p.columns}”列。`
        : `这个文件缺少模型需要的${p.count === undefined ? '一些' : ` ${p.count} `}列：${p.columns}。`,
    hint: '请使用与训练模型所用文件列名相同的文件。文件里也可以有其他列：它们会被忽略。',
  }),
  'model-file-invalid': (p) => ({
    title:
      p.reason === 'not-json' || p.reason === 'not-model'
        ? '这不是 Lepton Workbench 导出的模型文件。'
        : p.reason === 'newer-version'
          ? '这个模型文件来自更新版本的 Lepton Workbench。'
          : `这个模型文件已损坏或被修改过（其中的 ${p.part ?? '内容'} 对不上）。`,
    hint:
      p.reason === 'newer-version'
        ? '请用最新版本的应用打开它。'
        : '请从原来的项目里重新“导出模型”，并直接使用那个文件，不要修改。',
  }),
  'project-invalid': (p) => ({
    title:
      p.reason === 'not-json' || p.reason === 'not-project'
        ? '这不是 Lepton Workbench 保存的项目文件。'
        : p.reason === 'newer-version'
          ? '这个项目由更新版本的 Lepton Workbench 保存。'
          : `这个项目文件已损坏或被修改过（其中的 ${p.part ?? '内容'} 对不上）。`,
    hint:
      p.reason === 'newer-version'
        ? '请用最新版本的应用打开它。当前页面没有任何改动。'
        : '当前页面没有任何改动。请在原来的页面重新保存项目，并直接打开那个文件，不要修改。',
  }),
  'storage-failed': () => ({
    title: '无法在这个浏览器中保存你的工作。',
    hint: '一切仍能正常使用，但重新加载页面后就会丢失。隐私（无痕）窗口和磁盘已满常常会导致这种情况。',
  }),
  'sample-unavailable': () => ({
    title: '无法打开示例数据。',
    hint: '请重新加载页面，然后再试一次。',
  }),
  'worker-crashed': () => ({
    title: '浏览器停止了读取数据的后台任务（通常是因为内存不足）。',
    hint: '请重新加载页面；你的数据和选择都已保存，会自动恢复。',
  }),
  internal: () => ({
    title: '我们这边出了点问题。',
    hint: '你的数据是安全的。请重新加载页面；如果问题再次出现，点击“重新开始”会清除已保存的会话。',
  }),
};

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
