import { describe, expect, it } from 'vitest';
import { pageTitle } from '@/lib/document/page-title';

describe('pageTitle', () => {
  it("drops the site's name when a part of the title is the page's heading", () => {
    expect(pageTitle('2031年云河市政府工作报告_云河市人民政府门户网站', ['2031年云河市政府工作报告'])).toBe('2031年云河市政府工作报告');
    expect(pageTitle('云河市人民政府 | 政府工作报告', ['政府工作报告'])).toBe('政府工作报告');
    expect(pageTitle('政府工作报告-云河新闻网', ['云河新闻网', '政府工作报告'])).toBe('政府工作报告');
    expect(pageTitle('Work report - Yunhe City', ['Work report'])).toBe('Work report');
  });

  it('keeps the title whole when no part of it is a heading, or the whole is', () => {
    expect(pageTitle('2031年云河市政府工作报告_云河市人民政府门户网站', ['相关链接'])).toBe('2031年云河市政府工作报告_云河市人民政府门户网站');
    expect(pageTitle('“十五五”规划纲要—云河', [])).toBe('“十五五”规划纲要—云河');
    expect(pageTitle('  COVID-19  防控  ', ['COVID-19 防控'])).toBe('COVID-19 防控');
  });
});
