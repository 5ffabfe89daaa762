import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/** What a 履约提醒函 says; kept with the letter record so the same letter can be produced again. */
export interface ReminderLetterContent {
  docNo: string;
  /** 主送: the enterprise. */
  addressee: string;
  projectName: string;
  agreementTitle: string;
  agreementNo: string;
  agreementSignedOn: string;
  clause: string;
  obligation: string;
  dueDate: string;
  /** What the enterprise is asked to do, and by when. */
  requestedAction: string;
  replyBy: string;
  /** 落款: the issuing unit, and the date. */
  issuer: string;
  issuedOn: string;
  /** Contact line (联系人 / 电话), optional. */
  contact?: string | null;
}

/** 2025-07-01 → 2025年7月1日, as official documents write dates. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

// GB/T 9704 style: title in 小标宋 二号 (22pt), body in 仿宋 三号 (16pt), first-line indent of two characters.
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const BODY_SIZE = 32; // half-points: 16pt = 三号
const INDENT = 640; // twips: two 16pt characters
const LINE = 560; // twips: fixed 28pt line spacing

function body(
  text: string,
  options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    spacing: { line: LINE, lineRule: 'exact' },
    children: [new TextRun({ text, font: { eastAsia: BODY_FONT, ascii: BODY_FONT }, size: BODY_SIZE })],
  });
}

/**
 * The 履约提醒函 (liaoyuan §三.四) as a Word document in the formal style: document number, title,
 * addressee, body citing the agreement and its clause, the obligation and its due date, the
 * requested action and deadline, then the issuing unit and date aligned right.
 */
export async function reminderLetterDocx(c: ReminderLetterContent): Promise<Buffer> {
  const doc = new Document({
    creator: c.issuer,
    title: `履约提醒函 ${c.docNo}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          // A4 with the margins of GB/T 9704: top 37mm, bottom 35mm, left 28mm, right 26mm.
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children: [
          body(c.docNo, { indent: false, align: AlignmentType.RIGHT }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 400, after: 400 },
            children: [
              new TextRun({ text: '履约提醒函', font: { eastAsia: TITLE_FONT, ascii: TITLE_FONT }, size: 44 }),
            ],
          }),
          body(`${c.addressee}：`, { indent: false }),
          body(
            `贵单位与${c.issuer}于${chineseDate(c.agreementSignedOn)}签订的《${c.agreementTitle}》（协议编号：${c.agreementNo}）` +
              `${c.clause}约定：${c.obligation}，履约期限为${chineseDate(c.dueDate)}。` +
              `经跟踪核查，截至本函发出之日，“${c.projectName}”上述约定事项尚未按期履行。`,
          ),
          body(
            `根据协议约定，现函告贵单位：请${c.requestedAction}，并于${chineseDate(c.replyBy)}前将履约情况及整改计划书面报送我单位。` +
              '逾期未履行的，我单位将依据协议约定及有关规定处理。',
          ),
          body('特此函告。'),
          ...(c.contact ? [body(`联系人及电话：${c.contact}`)] : []),
          new Paragraph({ children: [] }),
          body(c.issuer, { indent: false, align: AlignmentType.RIGHT }),
          body(chineseDate(c.issuedOn), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
