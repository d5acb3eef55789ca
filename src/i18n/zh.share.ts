/**
 * Simplified Chinese messages of step 10, "Share and reuse" (part of the Chinese catalogue, zh.ts, which imports
 * it): the model card report, project files, the exported model, scoring a new file, embedding; and the
 * language switch's and embed mode's own words.
 */
import type { share as enShare } from './en.share';

export const share: typeof enShare = {
  intro:
    '把你的成果带走：一份管理者也能读懂的报告，一个能恢复全部内容的项目文件，一个能为新数据打分的模型，以及一段能把这个演示嵌入其他网页的代码。所有内容都在你的浏览器中生成。',
  needsRun: '请先训练模型（第 5 步）：报告、模型和打分都需要一次已完成的运行。',
  report: {
    title: '报告',
    text: '一份模型卡：数据、模型、它的表现、附带区间的公平性审查、它依赖哪些信息，以及各次运行的比较。请填写只有你知道的内容；你写下的文字会直接放进报告。',
    intendedUse: '预期用途',
    intendedUseHint: '这个模型用来支持哪些决策，又绝不能用于哪些用途。',
    peopleAffected: '受影响的人',
    peopleAffectedHint: '谁会被它打分，谁可能因错误的决策而受到伤害。',
    limitations: '局限',
    limitationsHint: '你知道它会在哪些地方出错，以及它没有见过哪些数据。',
    html: '下载报告（HTML）',
    markdown: '下载报告（Markdown）',
    which: (run: string) => `报告描述的是第 5–8 步中显示的运行：${run}。`,
  },
  project: {
    title: '项目',
    text: '项目文件会保存设置、清洗步骤以及每一次运行及其结果。以后或在另一台设备上打开它，就能从上次停下的地方继续。',
    includeData: '把数据一起保存到文件中',
    includeDataHint:
      '不包含时，文件里没有任何一行数据，只有结果（数字、列名和群体名称），打开时会再次要求同一个数据文件（内置示例会自动找到）。包含时，拿到文件的人也会拿到数据。',
    otherData: (name: string) => `这不是保存项目时用的那个文件（大小不同）。请选择文件“${name}”。`,
    saveFailed: '无法写出项目文件（数据可能太大，放不进一个文件）。请不包含数据再保存。',
    save: '保存项目',
    open: '打开项目',
    orOpen: '或者继续一个已保存的项目：',
    openHint:
      'Lepton Workbench 保存的项目文件（.lepton-project.json），或者用“导出模型”得到的模型文件，用它为新数据打分。',
    opened: (name: string) => `已打开项目：${name}。`,
    needsData: (name: string) =>
      `这个项目保存时没有包含数据。请选择文件“${name}”以继续；目前还没有任何改动。`,
    chooseData: '选择数据文件',
    cancelOpen: '取消',
  },
  model: {
    title: '模型',
    text: '训练好的模型连同它的清洗和预处理步骤，都在一个文件里。可以在这里用它为新数据打分，也可以在电脑上运行下面的命令。',
    export: '导出模型',
    openedTitle: (name: string) => `已打开模型文件：${name}`,
    openedText: (target: string, model: string, dataset: string) =>
      `它用在 ${dataset} 上训练的${model}预测“${target}”。可以为列相同的文件打分，不需要先载入数据。`,
    closeModel: '关闭模型',
    noFits: '这次运行是由旧版本的应用训练的：请重新训练，才能导出它。',
    score: '为新的 CSV 打分',
    scoreHint: '一个与训练文件列相同的文件。每一行都会得到模型的预测；目标列可以没有。',
    scoring: (name: string) => `正在为 ${name} 打分…`,
    scored: (rows: string, name: string) => `已为 ${name} 的 ${rows} 行打分。`,
    predicted: (list: string) => `预测结果：${list}。`,
    predictedPart: (label: string, rows: string) => `“${label}” ${rows}`,
    extra: (list: string) => `模型没有用到、已忽略：${list}。`,
    unreadable: (column: string, cells: string) =>
      `“${column}”中有 ${cells} 个单元格不是数字；它们被当作缺失值处理。`,
    thresholdsNote: '这次运行对每个群体使用各自的阈值来做决定；新数据行则统一以分数 ½ 为阈值来决定。',
    download: '下载预测结果（CSV）',
    formulaNote: '电子表格会当作公式执行的单元格（以 =、+、-、@ 开头）在下载的文件中会加上一个前导撇号。',
  },
  embed: {
    title: '嵌入',
    text: '在课程网页或演示中展示这个工作台：这段代码会用相同的设置打开同一份示例数据。它绝不会包含你的数据。',
    onlySamples: '只有内置示例数据才能嵌入：你自己的数据绝不会放进链接里。请载入一份示例数据来获取代码。',
    snippet: '嵌入代码',
    copy: '复制代码',
    copied: '已复制。',
    copyFailed: '浏览器不允许复制：请选中文本并自行复制。',
    frameTitle: 'Lepton Workbench',
    openFull: '打开完整的工作台',
  },
};
