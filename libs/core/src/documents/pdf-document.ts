import PDFDocument from 'pdfkit';
import { documentFonts, type FontWeight } from './fonts';
import { axisScale, chartParts } from './chart';
import { resolveColumnWidths, type ColumnSize } from './layout';
import { qrRuns } from './qr';

/**
 * The platform's PDF building blocks (ARCHITECTURE "Documents"): A4 pages with the issuing
 * authority at the head of every page, titles, paragraphs, key-value forms, tables that break
 * across pages and repeat their header row, signature boxes, QR codes drawn as vectors, and
 * "第 N 页 / 共 M 页" with a footer line on every page. Plan PDFs, trainee documents,
 * certificates and reports are built from it; the worker renders them.
 *
 * Output is deterministic: the same input (including `createdAt`) gives the same bytes.
 */

export type PageLayout = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right';

export interface DocumentOptions {
  /** The document's title: PDF metadata, and the right side of every page's head. */
  title: string;
  /**
   * The issuing authority named at the head of every page (e.g. a region's `planAuthority`,
   * its `certificateIssuers` joined, or an institution under its authority).
   */
  issuer: string;
  /** Right side of the page head; default: the title. */
  headerRight?: string;
  /** Footer line at the bottom left of every page (the page numbers are at the right). */
  footer?: string;
  /** The PDF's creation date (from the input, never "now", so that tests can compare bytes). */
  createdAt: Date;
  layout?: PageLayout;
  author?: string;
  subject?: string;
  keywords?: string;
  /** Outer page margin in points (default 42 pt, about 15 mm). */
  margin?: number;
}

/** A table column: header text, width, and what its cells show. */
export interface TableColumn<R> extends ColumnSize {
  header: string;
  align?: Align;
  headerAlign?: Align;
  /** The cell's text (wrapped to the column; rows grow to fit). Empty when omitted. */
  text?: (row: R, index: number) => string;
  bold?: boolean;
  /** Font size of this column's body cells (default: the table's). */
  fontSize?: number;
  /** Background of this column's body cells (e.g. the labels of a form). */
  fill?: string;
  /** Extra drawing in a body cell, after its background and text, before the grid. */
  draw?: (cell: CellBox, row: R, index: number) => void;
}

export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableOptions {
  /** Body font size in points (default 9.5). */
  fontSize?: number;
  headerFontSize?: number;
  /** Cell padding in points (default 4). */
  padding?: number;
  /** Smallest body row height (default 18 pt); rows grow to fit wrapped text. */
  minRowHeight?: number;
  minHeaderHeight?: number;
  /** Shade every other body row. */
  zebra?: boolean;
  /** Draw a header row (and repeat it on every page the table continues on); default true. */
  header?: boolean;
  /** Total width (default: the content width), starting at the left margin. */
  width?: number;
  /** Called on each new page the table continues on, before the header row is repeated. */
  onNewPage?: () => void;
}

/** One bar of a bar chart. */
export interface BarChartItem {
  label: string;
  value: number;
  /** Text at the end of the bar (default: the value as it is). */
  valueText?: string;
}

export interface BarChartOptions {
  /** Bold caption above the chart (repeated with （续） on the pages it continues on). */
  title?: string;
  /** Right end of the axis (default: a round number at or above the largest value). */
  max?: number;
  /** Most axis steps (default 5). */
  ticks?: number;
  /** Whole numbers only on the axis (counts). */
  wholeNumbers?: boolean;
  /** How an axis value is written (default: the number; e.g. `(v) => v + '%'`). */
  tickLabel?: (value: number) => string;
  /** Width of the label column in points (default: the longest label, at most 40 % of the width). */
  labelWidth?: number;
  /** Bar thickness and the space between bars, in points (default 12 and 6). */
  barHeight?: number;
  gap?: number;
  /** Fill of the bars (default a muted blue that prints well in grey). */
  color?: string;
  fontSize?: number;
  /** A line in small print under the chart (source, base of the shares, what was left out). */
  note?: string;
}

export interface SignatureBox {
  /** What signs here, e.g. 培训机构（盖章） or 班主任（签字）. */
  label: string;
  /** A date line at the bottom of the box (default true). */
  dateLine?: boolean;
}

const COLOR = {
  bar: '#3b6ea8',
  axisGrid: '#d0d0d0',
  text: '#000000',
  muted: '#555555',
  rule: '#999999',
  grid: '#333333',
  headerFill: '#e8e8e8',
  zebra: '#f5f5f5',
  labelFill: '#f2f2f2',
};
const HEAD_BAND = 24;
const CELL_LINE_GAP = 1;
const FOOT_BAND = 22;

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Shaped text by font weight, shared by every document of the process. PDFKit shapes each word
 * (for Chinese text: each character or phrase between line-break opportunities) with fontkit
 * and keeps the result per document, so every document used to shape the same labels again —
 * the largest part of a certificate's CPU. A shaped run depends only on the font (the same
 * parsed font for every document) and the text; PDFKit copies it before adjusting positions.
 */
const sharedLayouts: Record<FontWeight, Record<string, unknown>> = {
  regular: Object.create(null) as Record<string, unknown>,
  bold: Object.create(null) as Record<string, unknown>,
};
const layoutCounts: Record<FontWeight, number> = { regular: 0, bold: 0 };
/** Kept words per weight; past it the cache starts afresh (a bound on the memory). */
const LAYOUTS_KEPT = 20_000;

/** Makes the registered font `weight` current and lets it use the process's shaped text. */
function shareLayoutCache(doc: Doc, weight: FontWeight): void {
  doc.font(weight);
  const font = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font;
  if (++layoutCounts[weight] % 64 === 0 && Object.keys(sharedLayouts[weight]).length > LAYOUTS_KEPT)
    sharedLayouts[weight] = Object.create(null) as Record<string, unknown>;
  font.layoutCache = sharedLayouts[weight];
}

export class PdfDocumentBuilder {
  readonly doc: Doc;
  private readonly margin: number;
  private readonly chunks: Buffer[] = [];
  private readonly result: Promise<Buffer>;
  private readonly heights = new Map<string, number>();

  constructor(private readonly options: DocumentOptions) {
    this.margin = options.margin ?? 42;
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.layout ?? 'portrait',
      margins: {
        top: this.margin + HEAD_BAND,
        bottom: this.margin + FOOT_BAND,
        left: this.margin,
        right: this.margin,
      },
      bufferPages: true,
      autoFirstPage: false,
      lang: 'zh-CN',
      displayTitle: true,
      // no Helvetica: PDFKit would parse its AFM metrics for every document (~1 ms); the
      // documents' fonts are registered below and the first is made current
      font: null as unknown as string,
      info: {
        Title: options.title,
        Author: options.author ?? options.issuer,
        ...(options.subject ? { Subject: options.subject } : {}),
        ...(options.keywords ? { Keywords: options.keywords } : {}),
        CreationDate: options.createdAt,
      },
    });
    const fonts = documentFonts();
    // PDFKit takes a parsed fontkit font as well as a file (its typings list only the latter)
    this.doc.registerFont('regular', fonts.regular as unknown as Buffer);
    this.doc.registerFont('bold', fonts.bold as unknown as Buffer);
    shareLayoutCache(this.doc, 'bold');
    shareLayoutCache(this.doc, 'regular');
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.result = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.addPage();
  }

  /** Left edge of the content. */
  get left(): number {
    return this.margin;
  }
  /** Width of the content between the margins. */
  get width(): number {
    return this.doc.page.width - 2 * this.margin;
  }
  /** Top of the content (below the page head). */
  get top(): number {
    return this.doc.page.margins.top;
  }
  /** Bottom of the content (above the footer). */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(value: number) {
    this.doc.y = value;
  }
  /** Pages so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  font(weight: FontWeight, size: number): this {
    this.doc.font(weight).fontSize(size);
    return this;
  }

  addPage(): this {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
    return this;
  }

  /** Starts a new page unless `height` points still fit on this one; true when it did. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.bottom || this.doc.y <= this.top) return false;
    this.addPage();
    return true;
  }

  moveDown(points: number): this {
    this.doc.y += points;
    return this;
  }

  /** The document's title, centred and large, with an optional line under it. */
  title(text: string, subtitle?: string): this {
    this.font('bold', 18).doc.fillColor(COLOR.text);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
    if (subtitle) {
      this.moveDown(2).font('regular', 11).doc.fillColor(COLOR.muted);
      this.doc.text(subtitle, this.left, this.doc.y, { width: this.width, align: 'center' });
      this.doc.fillColor(COLOR.text);
    }
    return this.moveDown(10);
  }

  /** A bold section heading, kept with at least `keep` points of what follows (a table's header and first row). */
  heading(text: string, size = 12, keep = 64): this {
    this.ensureSpace(size * 1.6 + keep);
    this.font('bold', size).doc.fillColor(COLOR.text);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    return this.moveDown(3);
  }

  /** Running text, wrapped to the content width; flows onto further pages when long. */
  paragraph(
    text: string,
    opts: {
      size?: number;
      /** Left indent of every line (points). */
      indent?: number;
      /** Indent of the first line only (Chinese paragraphs: two characters, `2 * size`). */
      firstLineIndent?: number;
      align?: Align | 'justify';
      bold?: boolean;
      color?: string;
      /** Space after the paragraph (points; default 0.4 × size). */
      gap?: number;
    } = {},
  ): this {
    const size = opts.size ?? 11;
    this.font(opts.bold ? 'bold' : 'regular', size).doc.fillColor(opts.color ?? COLOR.text);
    this.ensureSpace(size * 1.5);
    // line by line: PDFKit measures a line break as a glyph of the CJK font (one em wide)
    for (const line of text.split('\n')) {
      this.doc.text(line || ' ', this.left + (opts.indent ?? 0), this.doc.y, {
        width: this.width - (opts.indent ?? 0),
        align: opts.align ?? 'left',
        lineGap: size * 0.35,
        indent: opts.firstLineIndent ?? 0,
      });
    }
    this.doc.fillColor(COLOR.text);
    return this.moveDown(opts.gap ?? size * 0.4);
  }

  /**
   * A form of labels and values in a bordered grid: one pair per row, or two (`columns: 2`);
   * long values wrap. Breaks across pages like any table (without a header row).
   */
  keyValues(
    pairs: ReadonlyArray<readonly [string, string]>,
    opts: { columns?: 1 | 2; labelWidth?: number; fontSize?: number; minRowHeight?: number } = {},
  ): this {
    const per = opts.columns ?? 1;
    const labelWidth = opts.labelWidth ?? 96;
    const rows: Array<ReadonlyArray<readonly [string, string]>> = [];
    for (let i = 0; i < pairs.length; i += per) rows.push(pairs.slice(i, i + per));
    const columns: TableColumn<ReadonlyArray<readonly [string, string]>>[] = [];
    for (let k = 0; k < per; k++) {
      columns.push(
        {
          header: '',
          width: labelWidth,
          bold: true,
          fill: COLOR.labelFill,
          text: (r) => r[k]?.[0] ?? '',
        },
        { header: '', text: (r) => r[k]?.[1] || (r[k] ? '—' : '') },
      );
    }
    return this.table(rows, columns, {
      header: false,
      fontSize: opts.fontSize ?? 10.5,
      minRowHeight: opts.minRowHeight ?? 22,
      padding: 6,
    });
  }

  /**
   * A table: fixed and flexible column widths, text wrapped (CJK included) with each row as
   * high as its tallest cell, optional zebra shading. A row that does not fit goes to the next
   * page, where the header row is drawn again; a row is never split.
   */
  table<R>(rows: readonly R[], columns: readonly TableColumn<R>[], opts: TableOptions = {}): this {
    const fontSize = opts.fontSize ?? 9.5;
    const headerFontSize = opts.headerFontSize ?? fontSize;
    const pad = opts.padding ?? 4;
    const minRow = opts.minRowHeight ?? 18;
    const withHeader = opts.header ?? true;
    const widths = resolveColumnWidths(columns, opts.width ?? this.width);
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), this.left);
    const total = widths.reduce((a, b) => a + b, 0);

    const headerTexts = columns.map((c) => c.header);
    const headerHeight = withHeader
      ? this.rowHeight(
          headerTexts,
          widths,
          () => 'bold',
          () => headerFontSize,
          pad,
          opts.minHeaderHeight ?? minRow,
        )
      : 0;
    const drawHeader = (): void => {
      if (!withHeader) return;
      this.drawRow(
        headerTexts,
        widths,
        xs,
        total,
        headerHeight,
        {
          fontSize: () => headerFontSize,
          pad,
          weight: () => 'bold',
          align: (i) => columns[i].headerAlign ?? 'center',
        },
        COLOR.headerFill,
      );
    };
    const maxBody = this.bottom - this.top - headerHeight;

    rows.forEach((row, index) => {
      const texts = columns.map((c) => (c.text ? c.text(row, index) : ''));
      const weight = (i: number): FontWeight => (columns[i].bold ? 'bold' : 'regular');
      const size = (i: number): number => columns[i].fontSize ?? fontSize;
      const height = Math.min(maxBody, this.rowHeight(texts, widths, weight, size, pad, minRow));
      if (index === 0) {
        this.ensureSpace(headerHeight + height);
        drawHeader();
      } else if (this.doc.y + height > this.bottom) {
        this.addPage();
        opts.onNewPage?.();
        drawHeader();
      }
      const y = this.doc.y;
      this.drawRow(
        texts,
        widths,
        xs,
        total,
        height,
        {
          fontSize: size,
          pad,
          weight,
          align: (i) => columns[i].align ?? 'left',
          fills: columns.map((c) => c.fill),
        },
        opts.zebra && index % 2 === 1 ? COLOR.zebra : undefined,
        (i) => {
          const draw = columns[i].draw;
          if (draw) draw({ x: xs[i], y, width: widths[i], height }, row, index);
        },
      );
    });
    if (rows.length === 0 && withHeader) {
      this.ensureSpace(headerHeight);
      drawHeader();
    }
    this.doc.x = this.left;
    return this.moveDown(8);
  }

  /**
   * Boxes side by side for signatures and seals, each with its label at the top and, unless
   * turned off, a date line "日期：____年__月__日" at the bottom. Kept together on one page.
   */
  signatureBoxes(
    boxes: readonly SignatureBox[],
    opts: { height?: number; gap?: number } = {},
  ): this {
    const height = opts.height ?? 92;
    const gap = opts.gap ?? 16;
    const n = Math.max(1, boxes.length);
    const w = (this.width - gap * (n - 1)) / n;
    this.ensureSpace(height + 4);
    const y = this.doc.y;
    boxes.forEach((box, i) => {
      const x = this.left + i * (w + gap);
      this.doc
        .save()
        .lineWidth(0.8)
        .strokeColor(COLOR.grid)
        .rect(x, y, w, height)
        .stroke()
        .restore();
      this.font('bold', 10).doc.fillColor(COLOR.text);
      this.doc.text(box.label, x + 8, y + 8, { width: w - 16, height: 30, lineBreak: true });
      if (box.dateLine ?? true) {
        this.font('regular', 10);
        const dateText = '日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
        const tw = this.doc.widthOfString(dateText);
        this.doc.text(dateText, x + w - 8 - tw, y + height - 20, { lineBreak: false });
      }
    });
    this.doc.x = this.left;
    this.doc.y = y + height;
    return this.moveDown(10);
  }

  /**
   * A QR code of `text` drawn as vector rectangles (one filled path: no bitmap, no seams),
   * `size` points wide including a quiet zone of 2 modules, at (x, y) or at the cursor.
   */
  qr(text: string, opts: { size?: number; x?: number; y?: number } = {}): CellBox {
    const size = opts.size ?? 96;
    const { size: modules, runs } = qrRuns(text);
    const quiet = 2;
    const m = size / (modules + 2 * quiet);
    const x0 = opts.x ?? this.left;
    const y0 = opts.y ?? this.doc.y;
    const doc = this.doc.save();
    for (const r of runs)
      doc.rect(x0 + (r.col + quiet) * m, y0 + (r.row + quiet) * m, r.length * m, m);
    doc.fill(COLOR.text).restore();
    return { x: x0, y: y0, width: size, height: size };
  }

  /**
   * A horizontal bar chart drawn as vector graphics: labels on the left (cut with an ellipsis
   * when too long), one bar per item scaled to a round axis, the value at the end of each bar,
   * vertical grid lines with the axis values under the chart. Kept on one page when it fits;
   * a chart longer than a page continues on the next ones, each part with its axis and title.
   */
  barChart(items: readonly BarChartItem[], opts: BarChartOptions = {}): this {
    if (!items.length) {
      if (opts.title) this.heading(opts.title, 10.5, 16);
      return this.paragraph(opts.note ?? '（无数据）', { size: 9, color: COLOR.muted });
    }
    const size = opts.fontSize ?? 9;
    const barH = opts.barHeight ?? 12;
    const gap = opts.gap ?? 6;
    const rowH = barH + gap;
    const titleH = opts.title ? 10.5 * 1.6 + 2 : 0;
    const axisH = size + 8;
    const noteH = opts.note ? size * 1.5 + 2 : 0;
    const largest = Math.max(0, ...items.map((i) => (Number.isFinite(i.value) ? i.value : 0)));
    const scale = axisScale(opts.max ?? largest, opts.ticks ?? 5, opts.wholeNumbers);
    const max = opts.max ?? scale.max;
    const tickText = opts.tickLabel ?? ((v: number) => String(v));
    const valueText = (item: BarChartItem): string => item.valueText ?? String(item.value);

    this.font('regular', size);
    const longest = Math.max(0, ...items.map((i) => this.doc.widthOfString(i.label)));
    const labelW = Math.min(opts.labelWidth ?? longest + 8, this.width * 0.4);
    const widestValue = Math.max(0, ...items.map((i) => this.doc.widthOfString(valueText(i))));
    const x0 = this.left + labelW;
    const plotW = Math.max(40, this.width - labelW - widestValue - 10);

    const fixed = titleH + axisH + noteH + gap;
    const perPage = Math.max(1, Math.floor((this.bottom - this.top - fixed) / rowH));
    const firstRoom = Math.floor((this.bottom - this.doc.y - fixed) / rowH);
    const parts = chartParts(items.length, firstRoom, perPage);
    parts.forEach((part, n) => {
      if (n > 0 || firstRoom < part.to - part.from) this.addPage();
      if (opts.title) {
        this.font('bold', 10.5).doc.fillColor(COLOR.text);
        const title = n > 0 ? `${opts.title}（续）` : opts.title;
        this.doc.text(title, this.left, this.doc.y, { width: this.width, lineBreak: false });
        this.doc.y += titleH - 10.5 * 1.2;
      }
      const top = this.doc.y + gap / 2;
      const plotH = (part.to - part.from) * rowH;
      const doc = this.doc;
      // grid lines and the axis
      doc.save().lineWidth(0.4).strokeColor(COLOR.axisGrid);
      for (const t of scale.ticks) {
        if (t > max) continue;
        const x = x0 + (t / max) * plotW;
        doc.moveTo(x, top - gap / 2).lineTo(x, top + plotH);
      }
      doc.stroke().restore();
      doc
        .save()
        .lineWidth(0.8)
        .strokeColor(COLOR.grid)
        .moveTo(x0, top - gap / 2)
        .lineTo(x0, top + plotH)
        .lineTo(x0 + plotW, top + plotH)
        .stroke()
        .restore();
      // the bars, one filled path, then their labels and values
      for (let i = part.from; i < part.to; i++) {
        const v = Math.max(0, Math.min(max, Number.isFinite(items[i].value) ? items[i].value : 0));
        const w = (v / max) * plotW;
        if (w > 0) doc.rect(x0, top + (i - part.from) * rowH, w, barH);
      }
      doc.fill(opts.color ?? COLOR.bar);
      this.font('regular', size).doc.fillColor(COLOR.text);
      const textY = (i: number): number =>
        top + (i - part.from) * rowH + (barH - size * 1.2) / 2 + 1;
      for (let i = part.from; i < part.to; i++) {
        const item = items[i];
        const label = this.fitText(item.label, labelW - 6);
        doc.text(label, this.left + labelW - 6 - doc.widthOfString(label), textY(i), {
          lineBreak: false,
        });
        const v = Math.max(0, Math.min(max, Number.isFinite(item.value) ? item.value : 0));
        doc.text(valueText(item), x0 + (v / max) * plotW + 4, textY(i), { lineBreak: false });
      }
      // axis values under the chart
      this.font('regular', size - 1).doc.fillColor(COLOR.muted);
      for (const t of scale.ticks) {
        if (t > max) continue;
        const text = tickText(t);
        const x = x0 + (t / max) * plotW - doc.widthOfString(text) / 2;
        doc.text(text, x, top + plotH + 3, { lineBreak: false });
      }
      doc.fillColor(COLOR.text);
      this.doc.x = this.left;
      this.doc.y = top + plotH + axisH;
    });
    if (opts.note) {
      this.font('regular', size - 0.5).doc.fillColor(COLOR.muted);
      this.doc.text(opts.note, this.left, this.doc.y, { width: this.width });
      this.doc.fillColor(COLOR.text);
    }
    this.doc.x = this.left;
    return this.moveDown(10);
  }

  /** `text` as it fits into `width` on one line in the current font, cut with an ellipsis. */
  private fitText(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    const chars = [...text];
    while (chars.length && this.doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  /**
   * Finishes the document: every page gets its head (issuer, title) and its foot (footer line,
   * "第 N 页 / 共 M 页"); then the PDF bytes.
   */
  async end(): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.drawPageFrame(i - start + 1, count);
    }
    this.doc.end();
    return this.result;
  }

  private drawPageFrame(page: number, pages: number): void {
    const doc = this.doc;
    const right = doc.page.width - this.margin;
    const headY = this.margin;
    this.font('regular', 9).doc.fillColor(COLOR.muted);
    doc.text(this.options.issuer, this.left, headY, { lineBreak: false });
    const headRight = this.options.headerRight ?? this.options.title;
    doc.text(headRight, right - doc.widthOfString(headRight), headY, { lineBreak: false });
    const ruleY = headY + 15;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .moveTo(this.left, ruleY)
      .lineTo(right, ruleY)
      .stroke()
      .restore();

    const footRuleY = doc.page.height - this.margin - FOOT_BAND + 6;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .moveTo(this.left, footRuleY)
      .lineTo(right, footRuleY)
      .stroke()
      .restore();
    const footY = footRuleY + 5;
    const pageText = `第 ${page} 页 / 共 ${pages} 页`;
    const pageWidth = doc.widthOfString(pageText);
    if (this.options.footer) {
      // the footer line gives way to the page numbers rather than run into them
      doc.text(this.options.footer, this.left, footY, {
        width: right - this.left - pageWidth - 16,
        height: 12,
        ellipsis: true,
        lineBreak: false,
      });
    }
    doc.text(pageText, right - pageWidth, footY, { lineBreak: false });
    doc.fillColor(COLOR.text);
  }

  /** Height of a row: its tallest wrapped cell plus padding, at least `min`. */
  private rowHeight(
    texts: readonly string[],
    widths: readonly number[],
    weight: (i: number) => FontWeight,
    size: (i: number) => number,
    pad: number,
    min: number,
  ): number {
    let h = min;
    texts.forEach((t, i) => {
      if (t) h = Math.max(h, this.textHeight(t, widths[i] - 2 * pad, weight(i), size(i)) + 2 * pad);
    });
    return Math.ceil(h);
  }

  /**
   * Height of `text` wrapped to `width`, its explicit lines measured one by one (PDFKit would
   * count a line break as a one-em glyph of the CJK font and wrap a line that fits).
   */
  private textHeight(text: string, width: number, weight: FontWeight, size: number): number {
    const key = `${weight}|${size}|${width.toFixed(2)}|${text}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      this.font(weight, size);
      h = 0;
      for (const line of text.split('\n'))
        h += this.doc.heightOfString(line || ' ', { width, lineGap: CELL_LINE_GAP });
      this.heights.set(key, h);
    }
    return h;
  }

  /** Draws `text` in a box of `width`, its explicit lines one by one, clipped to `height`. */
  private textLines(
    text: string,
    x: number,
    y: number,
    opts: { width: number; height: number; align: Align; weight: FontWeight; size: number },
  ): void {
    let at = y;
    const end = y + opts.height;
    for (const line of text.split('\n')) {
      const h = this.textHeight(line, opts.width, opts.weight, opts.size);
      if (at + h > end + 0.5) break;
      this.font(opts.weight, opts.size);
      if (line) {
        this.doc.text(line, x, at, {
          width: opts.width,
          height: h + 0.5,
          align: opts.align,
          lineGap: CELL_LINE_GAP,
          ellipsis: true,
        });
      }
      at += h;
    }
  }

  private drawRow(
    texts: readonly string[],
    widths: readonly number[],
    xs: readonly number[],
    total: number,
    height: number,
    style: {
      fontSize: (i: number) => number;
      pad: number;
      weight: (i: number) => FontWeight;
      align: (i: number) => Align;
      fills?: ReadonlyArray<string | undefined>;
    },
    rowFill?: string,
    each?: (i: number) => void,
  ): void {
    const doc = this.doc;
    const y = doc.y;
    const left = xs[0];
    if (rowFill) doc.rect(left, y, total, height).fill(rowFill);
    style.fills?.forEach((f, i) => {
      if (f) doc.rect(xs[i], y, widths[i], height).fill(f);
    });
    doc.fillColor(COLOR.text);
    texts.forEach((t, i) => {
      if (t) {
        const inner = widths[i] - 2 * style.pad;
        const weight = style.weight(i);
        const size = style.fontSize(i);
        const th = Math.min(this.textHeight(t, inner, weight, size), height - 2 * style.pad);
        this.textLines(t, xs[i] + style.pad, y + (height - th) / 2, {
          width: inner,
          height: th,
          align: style.align(i),
          weight,
          size,
        });
      }
      each?.(i);
    });
    doc.lineWidth(0.6).strokeColor(COLOR.grid).rect(left, y, total, height);
    for (let i = 1; i < xs.length; i++) doc.moveTo(xs[i], y).lineTo(xs[i], y + height);
    doc.stroke();
    doc.x = this.left;
    doc.y = y + height;
  }
}
