import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The documents' fonts: Noto Sans SC (OFL, from `@expo-google-fonts/noto-sans-sc`), regular and
 * bold. Each file (10 MB) is read and parsed once per process; every document registers the same
 * parsed font, and PDFKit embeds only the glyphs a document uses (a subset: a one-page document
 * stays near 25 KB).
 */
export type FontWeight = 'regular' | 'bold';

const FONT_DIR = join(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'), '..');
export const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  regular: join(FONT_DIR, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(FONT_DIR, '700Bold', 'NotoSansSC_700Bold.ttf'),
};

let loaded: Record<FontWeight, Font> | undefined;

/** The parsed fonts (fontkit), loaded on first use and shared by every document. */
export function documentFonts(): Readonly<Record<FontWeight, Font>> {
  loaded ??= {
    regular: create(readFileSync(FONT_FILES.regular)) as Font,
    bold: create(readFileSync(FONT_FILES.bold)) as Font,
  };
  return loaded;
}
