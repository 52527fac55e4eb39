// Finds the quantities a clause states: an Arabic number with its unit and
// the words that bound it (近20万平方米, 600余家, 50万亩以上). Numbers that
// are not quantities are left out: dates (2023年12月20日), labels (5G, V2X,
// “1+3+4”), names in quotes or titles, ordinals (第3版) and ages (65岁以上).

export interface Figure {
  value: number;
  /** Magnitude and measure as printed, without 余: 亿美元, 万亩, 个, %. */
  unit: string;
  /** The measure alone (亩, 个, 年 …), '' for a bare magnitude such as 1500万. */
  measure: string;
  /** Words printed right before the number: 近, 约, 超过, 将达. */
  before: string;
  /** 余 or 多 between the number and its measure. */
  infix: string;
  /** Words printed right after the unit: 以上, 左右. */
  after: string;
  /** Offset of the figure as printed (qualifiers included) in the clause. */
  start: number;
  end: number;
}

const NUMBER = /\d+(?:\.\d+)?/g;
const MAGNITUDE = /^(?:万亿|亿|万)/;
const INFIX = /^(?:余|多)/;
const MEASURE =
  /^(?:个百分点|百分点|平方公里|平方米|标准箱|公里|千米|公顷|千瓦|美元|元|人次|辆次|架次|个月|亩|人|张|台|名|次|个|项|类|家|户|年|天|场|支|条|座|所|套|件|吨|辆|间|处|种|批|倍|岁|%|％)/;
const AFTER = /^(?:以上|以下|左右|之多)/;
const BEFORE = ['不少于', '不低于', '将达到', '将达', '超过', '至少', '突破', '约', '近', '逾'];
/** A letter, digit or joiner next to the number makes it part of a label (5G, V2X, 1+3+4). */
const LABEL_NEIGHBOUR = /[A-Za-z0-9.+\-/_]/;
/** Ordinals (第3版) and dates (2月14日) are not quantities. */
const ORDINAL_BEFORE = '第';
const QUOTES: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』' };

/** For each position of the text, whether it stands inside quotation marks or a title. */
export function quotedMask(text: string): boolean[] {
  const mask: boolean[] = [];
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = QUOTES[ch];
    if (closer) {
      open.push(closer);
      mask.push(true);
    } else if (open.includes(ch)) {
      open.length = open.lastIndexOf(ch);
      mask.push(true);
    } else {
      mask.push(open.length > 0);
    }
  }
  return mask;
}

/** 1900年–2100年 with a four-digit number is a year, not thirty years' worth of something. */
function isYear(digits: string, measure: string): boolean {
  const value = Number(digits);
  return measure === '年' && /^\d{4}$/.test(digits) && value >= 1900 && value <= 2100;
}

export function findFigures(text: string): Figure[] {
  const quoted = quotedMask(text);
  const figures: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const numberStart = m.index;
    const digits = m[0];
    let end = numberStart + digits.length;
    const prev = text[numberStart - 1] ?? '';
    const next = text[end] ?? '';
    if (quoted[numberStart] || LABEL_NEIGHBOUR.test(prev) || LABEL_NEIGHBOUR.test(next) || prev === ORDINAL_BEFORE) continue;

    const magnitude = MAGNITUDE.exec(text.slice(end))?.[0] ?? '';
    end += magnitude.length;
    const infix = INFIX.exec(text.slice(end))?.[0] ?? '';
    let measure = MEASURE.exec(text.slice(end + infix.length))?.[0] ?? '';
    // 1500万个人、家庭和政企客户: 个人 is the noun "individuals", not the counter 个 and 人.
    if (measure === '个' && /^个人[、和及与]/.test(text.slice(end + infix.length))) measure = '';
    if (!magnitude && !measure) continue;
    if (!measure && infix) continue;
    if (measure === '岁' || isYear(digits, measure)) continue;
    end += infix.length + measure.length;
    const after = AFTER.exec(text.slice(end))?.[0] ?? '';
    end += after.length;
    const before = BEFORE.find((word) => text.slice(numberStart - word.length, numberStart) === word) ?? '';
    figures.push({
      value: Number(digits),
      unit: magnitude + (measure === '％' ? '%' : measure),
      measure,
      before,
      infix,
      after,
      start: numberStart - before.length,
      end,
    });
  }
  return figures;
}
