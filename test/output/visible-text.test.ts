// Stored text on a terminal: controls shown, not obeyed; Markdown escaped.
import { describe, expect, it } from 'vitest';
import { visible, visibleLines } from '../../src/output/visible-text.js';
import { mdText } from '../../src/output/report-md.js';
import { renderColumns, renderTsv } from '../../src/output/text.js';

describe('visible', () => {
  it.each([
    ['\x1b[2J\x1b]0;owned\x07', '␛[2J␛]0;owned␇'],
    ['a\tb', 'a␉b'],
    ['line1\nline2', 'line1␤line2'],
    ['crlf\r\nend', 'crlf␤end'],
    ['cr\ronly', 'cr␍only'],
    ['nul\u0000x', 'nul␀x'],
    ['del\x7fx', 'del␡x'],
    ['csi\u009b31m', 'csi\\u009b31m'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['\u2066iso\u2069', '\\u2066iso\\u2069'],
    ['line\u2028sep', 'line\\u2028sep'],
  ])('%j → %j', (text, shown) => {
    expect(visible(text)).toBe(shown);
  });

  it('leaves ordinary text, Chinese and emoji alone', () => {
    for (const s of ['卫生间天花板漏水，已经三天了', 'plain', '😀 emoji', '３-２-１５０１', '']) expect(visible(s)).toBe(s);
  });

  it('visibleLines keeps line breaks, nothing else', () => {
    expect(visibleLines('第一行\r\n第二行\x1b[31m\n第三行\r')).toBe('第一行\n第二行␛[31m\n第三行␍');
  });
});

describe('tables show controls in every cell', () => {
  it('aligned columns and tab-separated lines', () => {
    const rows = [['1', '漏水\x1b[2J\n第二行', 'a\tb']];
    const aligned = renderColumns([{ header: 'n' }, { header: 's' }, { header: 't' }], rows);
    expect(aligned).not.toMatch(/[\x1b\t]/);
    expect(aligned).toContain('漏水␛[2J␤第二行  a␉b');
    expect(renderTsv(['n', 's', 't'], rows)).toBe('n\ts\tt\n1\t漏水␛[2J␤第二行\ta␉b\n');
  });
});

describe('mdText', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](http://x) ![img](y)', '\\[link\\]\\(http://x\\) \\!\\[img\\]\\(y\\)'],
    ['~~gone~~ # not a heading end #', '\\~\\~gone\\~\\~ \\# not a heading end \\#'],
    ['&amp; \\*', '\\&amp; \\\\\\*'],
    ['两行\n文字\x1b[31m', '两行␤文字␛\\[31m'],
    ['阳光海岸 3-2-1501', '阳光海岸 3-2-1501'],
  ])('%j → %j', (text, md) => {
    expect(mdText(text)).toBe(md);
  });
});
