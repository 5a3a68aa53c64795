use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::residue;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Finds lines of the web page or print page that are not part of the article: 责任编辑
    /// and 来源/作者 lines, a web header with date, author and source, share, print and return
    /// links, font-size switches, breadcrumbs, read counts, keyword lines, links to the original
    /// (原文链接：http…), calls to download an app, to scan a code or to follow an account
    /// (扫一扫, 关注…公众号), END marks, copyright and registration lines (转载请注明出处, 侵删),
    /// page numbers and page headers (2023年5月12日
    /// 星期五 第3版), notes that a story goes on on another page (（下转第二版）), and the site
    /// name heading a scraped page. The structure rules do not read such a line as a sentence
    /// cut off.
    ///
    /// ## Why is this bad
    /// It is not the article: it pollutes a corpus, repeats across thousands of files, and
    /// teaches a model that news ends with 责任编辑.
    ///
    /// ## Example
    /// ```text
    /// 2023-12-29 07:01:33    作者:夏元 佘振芳      来源:重庆日报
    /// 责任编辑:梁荣
    /// ```
    ///
    /// Only short lines that do not end a sentence are looked at, so an article that speaks of
    /// 来源 or 版权 in its sentences is not flagged; nor are bylines, datelines (`本报讯`,
    /// `央视网消息`) and photo credits, which belong to the article.
    ///
    /// ## Fix safety
    /// No fix: deleting lines is for a cleanup script that a person has reviewed.
    ///
    /// ## Data
    /// `rules/boilerplate.txt`: one regular expression per line. Add more with
    /// `extend-patterns` under `[rules.boilerplate]`.
    name: "boilerplate",
    category: Residue,
    severity: Warning,
    default: true,
    fix: None,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// More regular expressions of boilerplate lines.
    #[serde(default)]
    extend_patterns: Vec<String>,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    if options.extend_patterns.is_empty() {
        return Ok(Box::new(Boilerplate { extended: None }));
    }
    let patterns: Vec<String> = residue::shipped_patterns()
        .map(str::to_owned)
        .chain(options.extend_patterns)
        .collect();
    let set = RegexSet::new(&patterns).map_err(|e| format!("extend-patterns: {e}"))?;
    Ok(Box::new(Boilerplate { extended: Some(set) }))
}

struct Boilerplate {
    /// The shipped patterns with the user's added; `None`: the shipped ones alone, whose set
    /// the structure rules share.
    extended: Option<RegexSet>,
}

/// A site name alone on the first line of a scraped page: 成渝经济网, 中国新闻网.
static SITE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}A-Za-z]{2,12}(?:网|在线|新闻网|门户网站)$").expect("valid regex"));

impl Check for Boilerplate {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for (n, line) in doc.text_lines().enumerate() {
            let text = doc.slice(&line.content);
            if !residue::may_be_boilerplate(text) {
                continue;
            }
            let set = self.extended.as_ref().unwrap_or_else(|| residue::shipped_set());
            let message = if set.is_match(text) {
                "web or print page boilerplate, not article text"
            } else if n == 0 && SITE_NAME.is_match(text) {
                "site name heading a scraped page"
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(META.name, line.content.clone(), message)
                    .with_help("remove the line, or exclude it when the text is extracted"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics_with};

    const RULE: &str = "boilerplate";

    #[test]
    fn flags_page_residue() {
        for text in [
            "责任编辑:梁荣",
            "2023-12-29 07:01:33    作者:夏元 佘振芳      来源:重庆日报",
            "来源：新华社",
            "【打印】【关闭窗口】",
            "分享到：",
            "版权所有 重庆日报报业集团",
            "上一篇：重庆发布新规",
            "第3版：要闻",
            // The residue forms of news sites' pages.
            "【纠错】【责任编辑：张三】",
            "【纠错】 【责任编辑：张三】",
            "（原标题：全市经济稳中向好）",
            "（原标题：全市经济稳中向好。）",
            "（编辑：李四）",
            "[责任编辑:王五]",
            "（责任编辑：赵六 审核：钱七）",
            "（来源：人民日报）",
            "［责任编辑：张三］",
            "本版责编：张三 美编：李四",
            "关键词：外贸 稳增长",
            "阅读量：12345",
            "2024年03月05日 10:21 | 来源：中国新闻网",
            "【字体：大 中 小】",
            "字号：大 中 小",
            "视频加载中...",
            "当前位置：首页 > 新闻 > 国内",
            "更多精彩内容，请下载客户端",
            "欢迎下载人民日报客户端",
            "2023年5月12日 星期五 第3版",
            "（下转第二版）",
            "（上接第1版）",
            "原文链接：http://www.news.cn/politics/2023-05/12/c_1129609.htm",
            "https://m.example.com/a/123",
            "来源丨人民日报",
            "作者丨王小明 编辑丨李四",
            "阅读原文",
            "[查看原文]",
            "往期回顾",
            "点击图片进入下一页",
            "微信扫一扫",
            "长按二维码关注",
            "欢迎关注我们的公众号",
            "转载请注明出处",
            "（图片来自网络，侵删）",
            "—— END ——",
        ] {
            assert_eq!(check(RULE, text).len(), 1, "{text}");
        }
        assert_eq!(check(RULE, "成渝经济网\n\n标题").len(), 1);
    }

    #[test]
    fn article_text_is_clean() {
        for text in [
            "资金来源：中央财政补助和地方配套。",
            "央视网消息（新闻联播）：今天，全国两会开幕。",
            "□本报记者 吴刚 周光",
            "记者 张锦辉 摄/视觉重庆",
            "本报讯 近日，南宁高新区有8个项目开竣工。",
            "重庆日报:今年4月数字重庆建设大会启动以来，数字化建设取得了哪些亮点？",
            "标题\n\n工业互联网",
            "扫一扫，看看这个新应用。",
            "（记者 张三）",
            "原标题党的作风建设要常抓不懈",
            "截至目前，已有3000万用户下载了该客户端",
            "关键是要把政策落到实处",
            "2023年5月12日，国务院常务会议召开",
            "当前，各地正抓紧推进春耕生产",
            "阅读量大幅提升的背后",
            "扫一扫就能办成的事越来越多",
            "关注民生是政府工作的重点",
            "点击量",
            "原文件已经下发",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn patterns_extend_from_config() {
        let options: toml::Value = toml::from_str("extend-patterns = ['^（完）$']").unwrap();
        assert_eq!(diagnostics_with(RULE, "（完）", Some(&options)).len(), 1);
        let bad: toml::Value = toml::from_str("extend-patterns = ['(']").unwrap();
        assert!((crate::rules::find(RULE).unwrap().build)(Some(&bad)).is_err());
    }
}
