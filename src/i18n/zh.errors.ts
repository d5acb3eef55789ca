/**
 * Simplified Chinese error messages (part of the Simplified Chinese catalogue, zh.ts, which imports it): for
 * every error code (src/core/result.ts), a title saying what happened and a hint saying what to do.
 */
import type { ErrorCode } from '../core/result';

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

/** An unreadable project or model file, as in en.errors.ts. */
function fileProblem(
  p: P,
  words: {
    other: string;
    newer: string;
    damaged: (part: string) => string;
    newerHint: string;
    againHint: string;
  },
): { title: string; hint: string } {
  if (p.reason === 'newer-version') return { title: words.newer, hint: words.newerHint };
  if (p.reason === 'damaged')
    return { title: words.damaged(String(p.part ?? '内容')), hint: words.againHint };
  return { title: words.other, hint: words.againHint };
}

export const errors: Record<ErrorCode, (p: P) => { title: string; hint: string }> = {
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
  'model-file-invalid': (p) =>
    fileProblem(p, {
      other: '这不是 Lepton Workbench 导出的模型文件。',
      newer: '这个模型文件来自更新版本的 Lepton Workbench。',
      damaged: (part) => `这个模型文件已损坏或被修改过（其中的 ${part} 对不上）。`,
      newerHint: '请用最新版本的应用打开它。',
      againHint: '请从原来的项目里重新“导出模型”，并直接使用那个文件，不要修改。',
    }),
  'project-invalid': (p) =>
    fileProblem(p, {
      other: '这不是 Lepton Workbench 保存的项目文件。',
      newer: '这个项目由更新版本的 Lepton Workbench 保存。',
      damaged: (part) => `这个项目文件已损坏或被修改过（其中的 ${part} 对不上）。`,
      newerHint: '请用最新版本的应用打开它。当前页面没有任何改动。',
      againHint: '当前页面没有任何改动。请在原来的页面重新保存项目，并直接打开那个文件，不要修改。',
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
