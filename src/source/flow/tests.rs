use super::*;

/// The shipped models, as the judgements use them without `--model` (its cache lives as
/// long as the test).
fn shipped_model() -> Model<'static> {
    Model {
        built: None,
        alone: Box::leak(Box::default()),
        paragraph_bytes: None,
        document: "",
    }
}

#[test]
fn pairs_left_open_near_the_end_and_their_close() {
    assert_eq!(left_open("反对“"), Some('”'));
    assert_eq!(left_open("会议通过修订后的《"), Some('》'));
    assert_eq!(left_open("央视网消息（新闻"), Some('）'));
    // Closed, or a quotation opened long before the end (it may run on for sentences).
    assert_eq!(left_open("坚持“九二共识”、反对“台独”"), None);
    assert_eq!(
        left_open("“同时，上线“渝悦·救助”和“精神卫生”2个应用，主动解决困难群众在社会救助"),
        None
    );
    assert!(closes_first("台独”，是两岸关系和平发展的", '”'));
    assert!(closes_first("新闻联播）：今天", '）'));
    // An opening of its own first: its close is its own.
    assert!(!closes_first("与会台湾青年代表作了发言。", '”'));
    assert!(!closes_first("“三北”工程攻坚战", '”'));
}

#[test]
fn a_number_cut_and_a_scene_set() {
    for (first, second, cut) in [
        ("中欧班列共计开行超4", "北京冬奥会今起进入赛时运行阶段。", true),
        ("中欧班列共计开行超4", "800列，开行量占全国比例超过", false),
        (
            "十三届全国人大常委会第三十三次会议2",
            "月27日至28日在北京举行。",
            false,
        ),
        ("同比增长15", "%，实现旅游收入", false),
        ("中欧班列共计开行超过", "北京冬奥会今起进入赛时运行阶段。", false),
    ] {
        assert_eq!(number_cut(first, second), cut, "{first}|{second}");
    }
    for (text, setting) in [
        ("会见前，两国元首同双方代表合影。", true),
        ("座谈会上，代表们围绕深入学习", true),
        ("多年以来，我国", true),
        ("双方一致同意", false),
        ("上，代表们", false),
    ] {
        assert_eq!(OPENS_WITH_SETTING.is_match(text), setting, "{text}");
    }
}

#[test]
fn a_bare_number_after_han_lost_its_end() {
    for (text, bare) in [
        ("（成渝）中欧班列共计开行超4", true),
        ("在庆祝全国人民代表大会成立7", true),
        ("新动能指数为766.8", true),
        ("二十国集团G20", false),
        ("同比增长5%", false),
        ("今年前5个月", false),
        ("2024", false),
    ] {
        assert_eq!(ends_on_a_bare_number(text), bare, "{text}");
    }
}

#[test]
fn an_opening_on_a_lone_character_that_no_sentence_has_lost_its_head() {
    for (paragraph, lost) in [
        // 同|志出席会议, 发|生历史性转变, 新时|代构建, 青|年就业创业.
        ("志出席会议并作了重要讲话。", true),
        ("生历史性转变。", true),
        ("年就业创业。", true),
        ("他说，这是一次难得的机会。", false),
        ("这是我国首次举办此类活动。", false),
        ("让更多群众享受到改革发展的成果，是我们的共同心愿。", false),
        ("为进一步做好防汛工作，各地加强值守。", false),
        // Not weighed: a word of two characters opens it.
        ("和平与发展仍是时代主题。", false),
        // The segmentation leaves the character alone though a word starts there (国人,
        // 年来, 会前, 年近): weighed on a stricter bar.
        ("国人民在您的领导下不断实现进步与繁荣。", true),
        ("年来的最高水平。", true),
        ("会前，人们在会场外兴奋地交谈着。", false),
        ("年近五十的王君生，是某酱油分厂的副厂长。", false),
        // 四中全|会精神, 新闻|馆遭到袭击: just above the bar of old.
        ("会精神，推动学习贯彻习近平总书记重要讲话精神走深走实。", true),
        ("馆遭到导弹袭击，馆区内冒出浓烟。", true),
        // Composed, not cut: a couplet, a correlative 越…越.
        ("球旋地转，日新月异。现代工业兴起，都市经济繁荣。", false),
        ("人在家中坐，收发全国货。货运订单取代要车计划。", false),
        ("越织越密的国家水网正守护着江河安澜。", false),
    ] {
        assert_eq!(opening_unlikely(paragraph), lost, "{paragraph}");
        let (flow, _) = flow_of(&format!("发展很快。\n\n{paragraph}\n"));
        assert_eq!(
            flow.orphans.iter().any(|o| o.block == 1),
            lost,
            "{paragraph}: {flow:?}"
        );
    }
}

#[test]
fn what_a_cut_leaves_open_weighs_on_the_rest() {
    // A cut sentence and its rest, against the paragraph that came next in the story.
    for (head, rest, next) in [
        (
            "今年，我国将深入推进“",
            "三北”工程攻坚战，全国计划完成造林种草任务。",
            "今年，我国积极推进美丽中国先行区建设。",
        ),
        (
            "中欧班列共计开行超4",
            "800列，开行量占全国比例超过四分之一。",
            "北京冬奥会今起进入赛时运行阶段，各项工作准备就绪。",
        ),
        (
            "央视网消",
            "息（新闻联播）：今天，全国政协召开双周协商座谈会。",
            "会见白俄罗斯总统卢卡申科时，李希表示，中方愿同白方一道努力。",
        ),
    ] {
        let (rest, next) = (
            carry_evidence(head, rest, None).log_odds(),
            carry_evidence(head, next, None).log_odds(),
        );
        assert!(
            rest > NEIGHBOUR_CARRY && next < NEIGHBOUR_CARRY,
            "{head}: {rest} {next}"
        );
    }
}

fn flow_of(text: &str) -> (Flow, Vec<String>) {
    let doc = Document::parse(text);
    let heads = doc
        .blocks
        .iter()
        .map(|b| doc.block_text(b).chars().take(4).collect())
        .collect();
    (analyse(&doc), heads)
}

/// Each of `cuts`, after a paragraph that ends whole, lost its head; none of `wholes` did.
fn assert_openings(cuts: &[&str], wholes: &[&str]) {
    for cut in cuts {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{cut}\n"));
        assert_eq!(flow.orphans.len(), 1, "{cut}: {flow:?}");
    }
    for whole in wholes {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n"));
        assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
    }
}

#[test]
fn roles() {
    assert_eq!(role("焦点二", BlockKind::Paragraph), Role::Heading);
    assert_eq!(
        role("□本报首席记者 杨骏 见习记者 王贵江", BlockKind::Paragraph),
        Role::Other
    );
    for byline in [
        "本报记者许立群",
        "新华社记者陈毛弟本报记者吕网大",
        "新华社通讯员钱友荣郭凯",
        "记者 张三 李四",
    ] {
        assert_eq!(role(byline, BlockKind::Paragraph), Role::Other, "{byline}");
    }
    for headline in [
        "以核养核，滚动发展",
        "胸中有全局，手中有典型",
        "第一，提高产业技术水平，推动产业结构优化升级",
        "“要干，就跨一大步”",
        "『前辈的爱国之情、强国之志，需要我们以行动来继承』",
        "珀斯，留下问号——评世锦赛上的中国跳水",
        "突破口如何突破？——纺织总会会长谈打好纺织解困攻坚战",
        "人心顺事业兴（附图片1张）",
        "乡野，扬起欢笑（组图）",
        "乡野（图片）（视频）",
    ] {
        assert_eq!(role(headline, BlockKind::Paragraph), Role::Heading, "{headline}");
    }
    for cut in [
        "这几天，南水北调首个后续工程——引江补汉工程",
        "“要干，就跨一大步”，他说",
        "他说：“要干，就跨一大步”",
        "今天（2月3日），中东部",
        "一样组团参展的中小企业，今年",
        "几十年来，赵亚夫走遍了",
        "会议指出，要研究职工群众和工会工",
        "我们要团结奋斗，实现中华民族伟大",
    ] {
        assert_ne!(role(cut, BlockKind::Paragraph), Role::Heading, "{cut}");
    }
    // Lists of names, a name alone (a byline) and captions of tables are neither prose nor
    // headings; a list cut on a surname or into a verb, or of places, is not such a list.
    for other in [
        "丁衡高、千奋勇（蒙古族）、马思忠（回族）、王力平、王大明、游德馨、谭庆琏、戴学江",
        "刀美兰（女，傣族）、于洋、于庆成、张艺谋、王世光、吴冠中",
        "江泽民、李鹏、乔石、朱镕基、李瑞环、刘华清、胡锦涛、尉健行、李岚清等",
        "张同吾",
        "表1：镇区占地面积和人口数量",
        "图①：张家口地震灾区村民在贴对联",
        "（附图片3张）",
        // So are notes wholly in brackets: where a story came from, its end, its reporter.
        "（新华社北京1997年12月29日电）",
        "（完）",
        "(记者 王楚)",
    ] {
        assert_eq!(role(other, BlockKind::Paragraph), Role::Other, "{other}");
    }
    // A note in brackets that says something in sentences of its own is text.
    for aside in [
        "（周秀兰，58岁，江苏省淮阴市文化局退休干部，三个孩子分别在南京、北京、纽约。）",
        "（一）坚持稳中求进",
        "（本报记者）近日在北京",
    ] {
        assert_ne!(role(aside, BlockKind::Paragraph), Role::Other, "{aside}");
    }
    for not_names in [
        "石泰峰、李干杰、李书磊、李鸿忠、陈文清、刘",
        "王沪宁、赵乐际、李书磊、刘金国、穆虹、姜信治出",
        "江苏、浙江、安徽、福建、广东等地",
        "习近平在甘肃考察",
    ] {
        assert_ne!(role(not_names, BlockKind::Paragraph), Role::Other, "{not_names}");
    }
    assert_ne!(role("记者来到现场", BlockKind::Paragraph), Role::Other);
    assert_ne!(role("记者从北京", BlockKind::Paragraph), Role::Other);
    assert_ne!(role("本报记者深入基层调研", BlockKind::Paragraph), Role::Other);
    assert_eq!(
        role(
            "明 炬 全国政协委员，市科技局党委书记、局长，重庆市科学技术研究院院长",
            BlockKind::Paragraph
        ),
        Role::Other
    );
    assert_eq!(
        role("他说，我们要全面、", BlockKind::Paragraph),
        Role::Prose(Ending::Open)
    );
    assert_ne!(
        role("记者了解到，清单包括以下五个方面：", BlockKind::Paragraph),
        Role::Prose(Ending::Open)
    );
    assert_eq!(
        role("发展很快。从数字化", BlockKind::Paragraph),
        Role::Prose(Ending::Open)
    );
    assert_eq!(
        role("发展很快。”", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
    assert_eq!(
        role("发展很快。（完）", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
    assert_eq!(
        role("下面刊出的是他们的笔谈摘要。———编者", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
    assert_eq!(
        role("发展很快。（记者 张三）", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
    assert_eq!(
        role("发展很快，成效显著。（见图）", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
    assert_eq!(
        role("推进“共投共建”“相向协作”", BlockKind::Paragraph),
        Role::Heading
    );
    assert_eq!(
        role("发展很快。推进“共投共建”“相向协作”", BlockKind::Paragraph),
        Role::Prose(Ending::Open)
    );
    assert_eq!(role("采取三项举措——", BlockKind::Paragraph), Role::Heading);
    assert_eq!(
        role("一是要加强领导，二是要完善机制。三是——", BlockKind::Paragraph),
        Role::Prose(Ending::Complete)
    );
}

#[test]
fn prepositions_conjunctions_and_determiners_end_nothing() {
    for tail in [
        "多家金融和",
        "开幕式在",
        "得益于各种",
        "推动产业升级以及",
        "记者把",
        "截至目前，由于",
        // A lone character before a word of two is no part of it (了 | 关于).
        "收集归纳了关于",
        "秘书长李斌等分别就",
        // Adverbs that lead on to the verb.
        "会议首先",
        "工作组正在",
        // Verbs that take what follows as their object.
        "在法国巴黎举行，包括",
        "该项目位于",
        "这里将成为",
        // Prepositions that can be no verb standing alone.
        "乌外交部22日召回了驻",
        "会议首先在",
        // … or the clause they report.
        "宪法和法律委员会认为",
        "记者从商务部获悉",
        // Adverbs of degree and manner and modal verbs.
        "这是我们非常",
        "各地要大力",
        "这就是边防军人的最",
        "这些问题未",
        "我们应该",
    ] {
        assert!(ends_on_a_word_before_more(han_tail_of(tail, 8)), "{tail}");
    }
    // Words that end on one of their characters, 在 as a verb, and verbs, nouns and
    // words that are both.
    for tail in [
        "推进碳达峰碳中和",
        "取得了历史性成就",
        "可谓天时地利人和",
        "初心永在",
        "精神依然在",
        "会议审议通过",
        "主要表现为",
        "项目建成投用",
        "有效应对",
        "创浦东楼价之最",
    ] {
        assert!(!ends_on_a_word_before_more(han_tail_of(tail, 8)), "{tail}");
    }
}

#[test]
fn credits_and_bylines() {
    for credit in [
        "李建均",
        "李璋 农国圣",
        "黄政正/摄",
        "记者 张锦辉 摄/视觉重庆",
        "图片来源:昆明高新区",
    ] {
        assert!(is_credit(credit), "{credit}");
    }
    for text in ["从数字化", "2021年", "线下", "到智能化再到"] {
        assert!(!is_credit(text), "{text}");
    }
    // A short line over a byline is its headline; running text over one still lost its end.
    for (text, truncated) in [
        (
            "发展很快。\n\n声声关切情意深\n\n本报记者许立群\n\n除夕夜，北京寒风凛冽。\n",
            0,
        ),
        ("发展很快。\n\n缺斤又短两\n\n张同吾\n\n元旦前后，市场繁荣。\n", 0),
        (
            "发展很快。\n\n旧米充新米，缺斤又短两\n\n本报记者赵志文\n\n元旦前后，市场繁荣。\n",
            0,
        ),
        // … unless it stops as no headline does.
        (
            "发展很快。\n\n巴希尔强调，政府主张通过和平途径结束目前的武装冲突，在\n\n本报记者周笑浪\n\n在谈到周边关系时，巴希尔说，苏丹将改善与周边国家的关系。\n",
            1,
        ),
        (
            "发展很快。\n\n据报道：自今日起，韩国《东\n\n本报记者周笑浪\n\n在谈到周边关系时，巴希尔说，苏丹将改善与周边国家的关系。\n",
            1,
        ),
        (
            "发展很快。\n\n许多剧种长期在低水平徘徊，与现代社会对运\n\n孙为刚\n\n在谈到周边关系时，巴希尔说，苏丹将改善与周边国家的关系。\n",
            1,
        ),
        (
            "发展很快。\n\n今天上午，记者来到了施工现场，看到工人们正在紧张施工，各项工作都在有序推进，现场的\n\n本报记者王楚\n",
            1,
        ),
    ] {
        let (flow, _) = flow_of(text);
        assert_eq!(
            flow.truncations.len() + flow.splits.len(),
            truncated,
            "{text}: {flow:?}"
        );
    }
}

#[test]
fn a_line_of_credits_is_no_running_text_cut_off() {
    for label in CREDIT_LABELS {
        assert!(label.starts_with(|c| CREDIT_LABEL_FIRSTS.contains(c)), "{label}");
    }
    for line in [
        "责任编辑：张三",
        "编辑：吴新",
        "（责任编辑：王菁）",
        "【责任编辑：刘一】",
        "编辑：李四 校对：王五",
        "记者：李明 通讯员：王刚",
        "文/本报记者 张三",
        "来源：新华网\u{3000}作者：王小明",
        "文｜张三",
        "作者丨王小明 编辑丨李四",
    ] {
        assert!(is_credit_line(line), "{line}");
        assert_eq!(role(line, BlockKind::Paragraph), Role::Other, "{line}");
        // At a story's end, before the page's list of other stories or before more text.
        for after in [
            "相关新闻\n\n李强主持召开国务院常务会议\n",
            "会议强调，要着力扩大中间品贸易。\n",
            "",
        ] {
            let text = format!(
                "外贸稳中提质\n\n会议指出，今年以来，我国外贸进出口保持较快增长。\n\n{line}\n\n{after}"
            );
            let (flow, _) = flow_of(&text);
            assert!(
                flow.truncations.is_empty() && flow.splits.is_empty(),
                "{text}: {flow:?}"
            );
        }
    }
    // A label opens an interviewer's question and a sentence too: they are no credits.
    for text in [
        "记者：您如何看待",
        "编辑：您如何看待当前的外贸形势",
        "来源于基层的探索",
        "编辑：我们要坚持改革，推动发展",
        "作者：",
        "责任编辑：张三 今年以来，我国外贸进出口保持较快增长",
    ] {
        assert!(!is_credit_line(text), "{text}");
    }
    for line in [
        "记者：您如何看待当前的外贸形势和",
        "编辑部：今年以来，各地积极推进",
    ] {
        assert!(!is_credit_line(line), "{line}");
        let (flow, _) = flow_of(&format!(
            "外贸稳中提质\n\n会议指出，今年以来，外贸保持增长。\n\n{line}\n\n相关新闻\n"
        ));
        assert_eq!(flow.truncations.len(), 1, "{line}: {flow:?}");
    }
}

#[test]
fn text_typed_with_ascii_marks_ends_its_sentences_on_a_point() {
    for whole in [
        "石泰峰、李干杰、李书磊、李鸿忠、陈文清、刘金国、王小洪、张升民出席座谈会.",
        "据史料记载:\"钟响之时,都城内外,十有余里,莫不耸听.\"",
        "一定要坚定不移走中国特色自主创新道路.\"",
        "你们好吗?",
    ] {
        assert_eq!(
            role(whole, BlockKind::Paragraph),
            Role::Prose(Ending::Complete),
            "{whole}"
        );
        let text = format!("座谈会在京举行.\n\n{whole}\n\n中央党政军群有关部门负责同志参加座谈会.\n");
        let (flow, _) = flow_of(&text);
        assert!(
            flow.truncations.is_empty() && flow.splits.is_empty(),
            "{text}: {flow:?}"
        );
    }
    // A decimal point cut from its decimals, or a point left inside a number, is no stop.
    for cut in ["今年前三季度,全省一般公共预算支出51.", "版本号为1.2."] {
        assert!(!ends_on_a_point(cut), "{cut}");
    }
    let (flow, _) =
        flow_of("座谈会在京举行.\n\n今年前三季度,全省一般公共预算支出51.\n\n97亿元,同比增长3%.\n");
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
}

#[test]
fn a_text_in_a_script_the_dictionary_lacks_is_left_alone() {
    let simplified = "会议指出，今年以来，我国经济运行总体平稳。\n\n们纷纷表示，要认真学习贯彻会议精神。\n";
    let traditional = "會議指出，今年以來，我國經濟運行總體平穩。\n\n們紛紛表示，要認真學習貫徹會議精神。\n";
    assert!(!script_unknown(simplified) && script_unknown(traditional));
    assert_eq!(flow_of(simplified).0.orphans.len(), 1);
    let (flow, _) = flow_of(traditional);
    assert!(
        flow.orphans.is_empty() && flow.splits.is_empty() && flow.truncations.is_empty(),
        "{flow:?}"
    );
    // A few rare names or terms do not make a script unknown.
    assert!(!script_unknown(
        "据新华社报道，犇犇和旸旸两位运动员在比赛中表现出色，赢得了观众的阵阵掌声。"
    ));
}

#[test]
fn a_markdown_picture_is_no_text_but_may_stand_inside_a_split_sentence() {
    for picture in [
        "![图片](https://img.example.com/2024/1.jpg)",
        "![图为村民在田间劳作](https://img.example.com/a.jpg \"标题\")",
        "![](a.png) ![](b.png)",
        "[点击查看原文](http://www.news.cn/a.htm)",
    ] {
        assert_eq!(role(picture, BlockKind::Paragraph), Role::Other, "{picture}");
        for after in ["", "会议强调，要着力扩大中间品贸易。\n"] {
            let text = format!(
                "# 外贸稳中提质\n\n央视网消息（新闻联播）：\n\n{picture}\n\n会议指出，今年以来，外贸保持增长。\n\n{picture}\n\n{after}"
            );
            let (flow, _) = flow_of(&text);
            assert!(
                flow.truncations.is_empty() && flow.splits.is_empty() && flow.orphans.is_empty(),
                "{text}: {flow:?}"
            );
        }
    }
    assert_ne!(
        role(
            "![图片](https://img.example.com/a.jpg)之后，记者来到",
            BlockKind::Paragraph
        ),
        Role::Other
    );
    let (flow, _) = flow_of(
        "外贸稳中提质\n\n会议强调，要着力扩大中间品贸易。\n\n会议指出，今年以来，我国外贸进出口保持较快增长，但外需走弱的\n\n![图片](https://img.example.com/a.jpg)\n\n不确定因素增多。\n",
    );
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    assert_eq!(flow.splits[0].between, 3..4, "{flow:?}");
}

#[test]
fn a_line_of_the_web_page_is_no_sentence_cut_off() {
    for line in [
        "更多精彩内容，请下载客户端",
        "当前位置：首页 > 新闻 > 国内",
        "关键词：外贸，稳增长",
        "原文链接：http://www.news.cn/politics/2023-05/12/c_1129609.htm",
    ] {
        for after in ["", "会议强调，要着力扩大中间品贸易。\n", "相关阅读\n"] {
            let text = format!(
                "外贸稳中提质\n\n会议指出，今年以来，我国外贸进出口保持较快增长。\n\n{line}\n\n{after}"
            );
            let (flow, _) = flow_of(&text);
            assert!(
                flow.truncations.is_empty() && flow.splits.is_empty() && flow.orphans.is_empty(),
                "{text}: {flow:?}"
            );
        }
    }
    // Running text that speaks of a download still breaks off.
    let (flow, _) = flow_of("外贸稳中提质\n\n截至目前，已有3000万用户下载了该客户端，\n\n相关阅读\n");
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
}

#[test]
fn a_line_cut_inside_a_word_goes_on_past_headings_into_a_name() {
    // 外|长 is a word, though 长拉夫 reads as a name: the line stops on a lone character.
    let text = "俄乌第二轮谈判计划今天举行\n\n央视网消息（新闻联播）：谈判今天举行。\n\n俄罗斯外\n\n国内联播快讯\n\n长拉夫罗夫今天表示，乌方正在拖延谈判。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.splits.len(), 1);
    assert_eq!((flow.splits[0].first, flow.splits[0].second), (2, 4));
    // A subheading that stops on a word, before a story whose first word makes a word
    // with its last character (水|平).
    let text = "两地今天签约\n\n央视网消息（新闻联播）：两地今天签约。\n\n平陆运河南宁段通水\n\n平陆运河南宁段昨天（3月27日）通水。\n";
    assert!(flow_of(text).0.splits.is_empty());
    // A word across (军|方) into a paragraph that starts inside it, though it then reads as
    // an attributed statement (方10日称，).
    let text = "标题\n\n加沙局势持续紧张。\n\n以军\n\n方10日称，当天在加沙地带袭击了多个目标。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // … or that the line stops clearly inside (总司|令), though 令 is a word of its own.
    let text = "标题\n\n加沙局势持续紧张。\n\n伊拉克武装部队总司\n\n令发言人萨巴赫·努曼15日说，坚决反对。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_range_or_a_dateline_cut_goes_on() {
    let text =
        "标题\n\n会议在北京举行。\n\n建议涉及农村劳动者培训、0—\n\n3岁婴幼儿和70岁以上老年人消费补贴。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    assert!(ends_on_half_a_mark("0—") && ends_on_half_a_mark("首个重大项目—"));
    assert!(ends_on_half_a_mark("一簇簇…") && !ends_on_half_a_mark("年味十足……"));
    assert!(!ends_on_half_a_mark("三是——") && !ends_on_half_a_mark("干了3件事———"));
    assert!(starts_on_the_other_half("项目—", "—引江补汉") && !starts_on_the_other_half("项目—", "——引江"));
    assert!(!starts_on_the_other_half("项目…", "—引江补汉"));
    // A number goes on in its measure word, not in a word that only begins with one (座谈会).
    let cut = "标题\n\n会议在北京举行。\n\n乌克兰空军说，俄罗斯当天使用728架无人机和13\n\n{next}\n";
    let (flow, _) = flow_of(&cut.replace("{next}", "枚“匕首”导弹对乌克兰多地发动袭击。"));
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    let (flow, _) = flow_of(&cut.replace("{next}", "座谈会上，代表们围绕深入学习发言。"));
    assert!(flow.splits.iter().all(|s| !s.certain), "{flow:?}");
    // A dateline cut inside its date goes on in the date's rest: the line is no headline over
    // a story's dateline.
    let text = "标题\n\n会议在北京举行。\n\n新华社北京1月1\n\n9日电国家主席江泽民今天会见了外宾。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    // A decimal cut before its decimals goes on in them, and only in them.
    let cut = "标题\n\n会议在北京举行。\n\n国家医保局表示，今年1月份，医保基金支出51.\n\n{next}\n";
    let (flow, _) = flow_of(&cut.replace("{next}", "97亿元，平均实际报销比例69.12%。"));
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    let (flow, _) = flow_of(&cut.replace("{next}", "自2018年以来，共开展6批药品集中带量采购。"));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    let text = "标题\n\n会议在北京举行。\n\n伏菇棚下，一簇簇食用菌…\n\n…在恒湿恒温的环境中茁壮生长。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    // A dash cut in two goes on past a heading too.
    let text = "标题\n\n会议在北京举行。\n\n南水北调后续工程首个重大项目—\n\n旅游市场持续回暖 激发消费新活力\n\n—引江补汉工程的20个工作面全面开工。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    // The agency stands alone over the rest of its dateline: no headline over a story.
    let text = "标题\n\n会议在北京举行。\n\n央视网\n\n消息（新闻联播）：欢迎仪式后，李强同默茨举行会谈。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_line_that_stops_on_a_short_bare_number_is_no_headline() {
    let text = "标题\n\n会议在北京举行。\n\n联合国秘书长古特雷斯22\n\n全国铁路将投产新线3300公里\n\n今天，湖北黄冈至黄梅高铁开通运营。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    assert_eq!(flow.truncations[0].block, 2);
    assert!(ends_on_a_short_bare_number("联合国秘书长古特雷斯22"));
    assert!(!ends_on_a_short_bare_number("编辑部电话010—64365566呼8283"));
    assert!(!ends_on_a_short_bare_number("二十国集团G20"));
}

#[test]
fn a_line_that_opens_on_a_source_alone_is_cut() {
    for line in ["据美国媒体", "据美国媒体19日", "据南京海"] {
        assert!(opens_on_a_source(line), "{line}");
    }
    for line in [
        "据理力争",
        "据中国人民银行调查，1997年千户大型企业的运作轨迹呈现出如下特点：",
        "数据显示",
    ] {
        assert!(!opens_on_a_source(line), "{line}");
    }
    let (flow, _) = flow_of("标题\n\n据美国媒体\n\n全国春运今天正式启动。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
}

#[test]
fn a_line_that_stops_on_the_date_of_its_time_is_cut() {
    for line in ["水利部今天（6月13日）", "昨天（7月18日）", "会议今天(5日)"] {
        assert!(ends_on_a_date_note(line), "{line}");
    }
    for line in [
        "昨天（7月18日），会议在京举行。",
        "（2023年3月5日）",
        "韩素音1996年1月18日",
        "刚果（金）",
    ] {
        assert!(!ends_on_a_date_note(line), "{line}");
    }
    let (flow, _) =
        flow_of("标题\n\n会议在北京举行。\n\n国务院新闻办公室今天（6月13日）\n\n全国春运今天正式启动。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
}

#[test]
fn a_line_that_stops_on_one_character_after_an_enumeration_comma_is_no_headline() {
    let text = "标题\n\n会议在北京举行。\n\n李书磊、刘\n\n中央党的建设工作领导小组成员参加会议。\n";
    let (flow, _) = flow_of(text);
    let broken = flow.splits.iter().any(|s| s.first == 2) || flow.truncations.iter().any(|t| t.block == 2);
    assert!(broken, "{flow:?}");
    assert!(ends_on_a_lone_item("李书磊、刘"));
    for line in ["李书磊、刘金国", "京津冀", "北京、天津", "中、"] {
        assert!(!ends_on_a_lone_item(line), "{line}");
    }
}

#[test]
fn a_time_or_a_connective_alone_is_no_headline() {
    let text = "标题\n\n会议在北京举行。\n\n今年\n\n是“十五五”开局之年，谢延翠更忙了。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // Under the title too, where a deck line would stand.
    let text = "标题\n\n今天\n\n（8月19日），长三角G60科创走廊联席会议在上海召开。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    assert!(opener_alone("今天") && opener_alone("与此同时 "));
    assert!(!opener_alone("新华社") && !opener_alone("今天的中国"));
}

#[test]
fn a_foreign_name_cut_in_two_goes_on() {
    assert!(foreign_name_across(
        "联合国日内瓦办事处代表巴赫雷",
        "尼26日说，伊朗已准备好。"
    ));
    let text = "标题\n\n会议在北京举行。\n\n伊朗常驻联合国日内瓦办事处代表巴赫雷\n\n尼26日说，伊朗已准备好应对任何形式的地面入侵。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // A headline that ends on a name, over a story that opens with a word.
    assert!(!foreign_name_across("习近平会见普京", "俄罗斯总统普京今天表示，"));
    assert!(!foreign_name_across("习近平会见普京", "国家主席习近平今天会见。"));
    assert!(!foreign_name_across("中国代表团抵达", "斯德哥尔摩，开始访问。"));
}

#[test]
fn split_truncation_and_orphan() {
    let (flow, _) = flow_of("今年经济向好。从数字化\n\n到智能化再到智慧化，转型加快。\n");
    assert_eq!(flow.splits.len(), 1);
    assert!(!flow.splits[0].certain);
    let (flow, _) = flow_of("发展很快。吸纳高端创新机构、跨\n\n国企业等入驻重庆。\n");
    assert!(flow.splits[0].certain);
    let (flow, _) = flow_of("发展很快。优化政府精准服\n\n焦点三\n\n推进营商环境创新。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1));
    assert_eq!(flow.truncations[0].followed_by, Follower::Heading);
    let (flow, _) =
        flow_of("发展很快。让很多企业家有投资重\n\n### 展示形象\n\n庆的热情。他表示，优势明显。\n");
    assert_eq!(flow.splits[0].between, 1..2);
    let (flow, _) = flow_of(
        "“共同争取”三类项目合作，加快形成支撑。\n\n下一步，发力。\n\n首先是推进。推进“共投共建”“相向协作”\n",
    );
    assert_eq!(flow.truncations[0].continuation, Some(0));
    assert_eq!(flow.orphans[0].head, Some(2));
    let (flow, _) = flow_of("标题\n\n，破解传统手段难以解决的顽疾。\n");
    assert_eq!(flow.orphans.len(), 1);
}

#[test]
fn running_text_without_its_full_stop_is_open() {
    // A comma says running text; a paragraph of it ends with a full stop.
    let (flow, _) = flow_of("发展很快。\n\n今天上午，记者来到了现场\n");
    assert_eq!(flow.truncations.len(), 1);
    // A dateline opens a story's body, never a deck line.
    let (flow, _) = flow_of(
        "标题\n\n央视网消息（新闻联播）：国防部2日宣布，为阻止乌克兰\n\n据了解，今年以来，各类物资储备充足。\n",
    );
    assert_eq!(flow.truncations.len(), 1);
    let (flow, _) = flow_of("标题\n\n坚持稳中求进，才能行稳致远\n\n据了解，今年以来，各类物资储备充足。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0));
    // A story's first paragraph ends with a full stop, even when its text so far stops on
    // a whole word; a dateline alone, or with its byline, is no story.
    for (text, open) in [
        ("央视网消息（新闻联播）：在内蒙古燕山", true),
        ("新华社北京3月5日电（记者王某）国务院总理", true),
        ("本报讯（记者王某）全市经济", true),
        ("央视网消息（新闻联播）：11月", true),
        ("央视网消息（新闻联播）：在", true),
        ("央视网消息（新闻联播）：", false),
        ("新华社北京3月5日电（记者王某）", false),
        ("新华社北京3月5日电 记者王某", false),
        ("本报评论员", false),
    ] {
        let ending = role(text, BlockKind::Paragraph);
        assert_eq!(ending == Role::Prose(Ending::Open), open, "{text}: {ending:?}");
    }
    let (flow, _) =
        flow_of("标题\n\n央视网消息（新闻联播）：在内蒙古燕山\n\n据了解，今年以来，各类物资储备充足。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // A word that leads into more ends no line, even right after a bracket, a number or a
    // clause mark.
    for (text, open) in [
        ("伏羲大典今天（6月21日）在", true),
        ("结束目前的武装冲突，在", true),
        ("各方表示，将", true),
        ("推动“十四五”和", true),
        ("峰会在G20与", true),
        ("活动（6月21日）在", true),
        ("今天（3月28日）是", true),
        ("“十四五”将", true),
        ("峰会在G20也", true),
        ("他说“在”", false),
        ("“十四五”就是", false),
        ("这是", false),
        ("初心永在", false),
        ("在", false),
    ] {
        let tail = han_tail_of(text, 8);
        assert_eq!(leads_alone_into_more(text, tail), open, "{text}");
    }
    // Even in a deck's place: it goes on past the heading, or its rest was lost.
    let (flow, _) = flow_of("标题\n\n伏羲大典今天（6月21日）在\n\n焦点二\n\n据了解，各类物资储备充足。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
    let (flow, _) = flow_of("标题\n\n伏羲大典今天（6月21日）举行\n\n焦点二\n\n据了解，各类物资储备充足。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 0, "{flow:?}");
}

/// A poem breaks its sentences where the poet wants.
#[test]
fn lines_of_verse_are_left_alone() {
    for poem in [
        "那音韵如轻柔的夜风，\n\n惊溅起不可言传的天籁。\n\n怀揣这如泣如诉的呵护，\n\n才发觉已迷失了来路。\n",
        "多年不饮\n\n梦中常嗅\n\n今日如在故乡游\n\n别有滋味漫心头\n\n干杯！酒\n\n好酒！\n\n隔海同饮“泸州”\n\n海峡风平浪收\n",
    ] {
        let (flow, _) = flow_of(poem);
        assert!(
            flow.splits.is_empty() && flow.truncations.is_empty() && flow.orphans.is_empty(),
            "{poem}: {flow:?}"
        );
    }
    // Headings and a cut line in a row are no poem.
    let (flow, _) = flow_of("国内联播快讯\n\n今年经济向好，\n\n焦点二\n\n各地加快发展。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
}

/// A decimal opens no numbered item (1. 坚持…): 51.97亿元 goes on a sentence.
#[test]
fn a_decimal_number_opens_no_list_item() {
    assert!(!opens_fresh("", "51.97亿元，平均实际报销比例提高。"));
    assert!(opens_fresh("", "1.坚持稳中求进。"));
    assert!(opens_fresh("", "2、推进改革。"));
    assert!(opens_fresh("", "3. 扩大开放"));
}

#[test]
fn body_text_too_long_for_a_heading_ends_with_a_full_stop() {
    let body = "委员长会议建议的常委会会议议程还有：审议中央军事委员会关于提请审议关于中国人民解放军现役士兵衔级制度的决定";
    let (flow, _) = flow_of(&format!(
        "标题\n\n会议在北京举行。\n\n{body}\n\n国内联播快讯\n\n全国人大常委会秘书长作了汇报。\n"
    ));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // At the top, or under a subheading, the same line may be a deck; a caption's credit
    // after its full stop ends it.
    let (flow, _) = flow_of(&format!("标题\n\n{body}\n\n会议在北京举行。\n"));
    assert!(flow.truncations.is_empty(), "{flow:?}");
    let (flow, _) = flow_of(
        "标题\n\n会议在北京举行。\n\n西部科学城联合微电子中心，工作人员在生产线上忙碌。（本报资料图片） 首席记者 龙帆 摄\n\n会议在北京举行。\n",
    );
    assert!(flow.truncations.is_empty(), "{flow:?}");
}

#[test]
fn a_paragraph_that_opens_on_a_character_sentences_seldom_open_with_lost_its_head() {
    let orphans = |paragraph: &str| {
        let text = format!("标题\n\n会议在北京举行，各方代表出席会议。\n\n{paragraph}\n");
        flow_of(&text).0.orphans.len()
    };
    // A city's one-character name opens news text (京 -4.6), and so do words of their own.
    for (paragraph, lost_head) in [
        ("家企业参加了本次展会。", true),
        ("个重点项目集中签约，总投资超过百亿元。", true),
        ("场活动吸引了上万名市民参加。", true),
        ("业发展迈出新步伐。", true),
        ("京津冀协同发展取得新进展。", false),
        ("家门口就能看病，村民们很满意。", false),
        ("个人所得税改革稳步推进。", false),
        ("区域协调发展取得新成效。", false),
        ("的“清朗·未成年人网络保护”专项行动全面启动。", true),
        ("了3次，均未成功。", true),
        ("的士司机热情接待游客。", false),
    ] {
        assert_eq!(orphans(paragraph), usize::from(lost_head), "{paragraph}");
    }
}

#[test]
fn a_paragraph_that_starts_inside_a_pair_of_marks_a_number_or_a_date_lost_its_head() {
    for text in [
        "日）召开金融支持水利基础设施建设工作会议。",
        "闻联播）：今天，全国春运正式启动。",
        "白玉兰绽放”颁奖典礼在上海举行。",
        "求是》杂志发表重要文章。",
        "024年亚太经合组织领导人非正式会议在利马举行。",
        "00多人参加活动，其中青年占一半。",
        "月，新能源汽车销量同比增长3成。",
        "万吨，同比增长40.1%。",
        "万家、同比增长24.2%。",
        "万亿元，同比增长8%。",
        "%，新型电子产品、智能家电等升级类商品销售较快增长。",
        "％，高于全国平均水平。",
        "日上午在京召开会议。",
        "日表示，俄方愿意谈判。",
        "年10月，习近平同志履新浙江。",
        "月30日，中老铁路国际货物列车开行突破。",
        "0到1000亩的飞防任务，一天完成。",
        "16年4月，习近平总书记走进安徽金寨。",
        "6年10月，新线开通运营。",
        ".5—6天，同时能降低15%的运输成本。",
        "（8月19日），长三角G60科创走廊联席会议在上海召开。",
        "（7月2日）发布暴雨黄色预警。",
        "以来，全国累计建成高标准农田10亿亩。",
        "结束后，习近平同其他国家领导人合影。",
        "期间，双方签署了多项合作文件。",
        "了行业内中小企业转型。",
        "的“清朗”专项行动取得成效。",
        "消息（新闻联播）：随着冬季旅游升温，游客增多。",
        "（新闻联播）：11月8日晚，会议在京举行。",
        "电（记者 王小明）国务院今天召开常务会议。",
        "消息：今天，全国春运正式启动。",
    ] {
        assert!(starts_mid_sentence(text), "{text}");
    }
    for text in [
        "1）加强组织领导。",
        "一）加强组织领导。",
        "b) 完善制度。",
        "今天（5月10日），全国春运正式启动。",
        "他说，“好”。",
        "《求是》杂志发表重要文章。",
        "00后已成为消费主力。",
        "08:30，会议开始。",
        "0.5%的差距不小。",
        "2016年4月，习近平总书记走进安徽金寨。",
        "16年来，全县面貌焕然一新。",
        "3年后，新线开通运营。",
        "5.5亿元的投资已经到位。",
        "0时起，新规正式实施。",
        "0比0，双方战平。",
        "（一）加强组织领导。",
        "（记者 王小明）会议指出，要加快发展。",
        "（新华社记者樊如钧摄）",
        "消息传来，全村沸腾了。",
        "电力供应保持平稳。",
        "讯号清晰，通话顺畅。",
        "之后，他又去了另一个村。",
        "以来自全国的500名代表为主体。",
        "了解情况后，他说。",
        "的确，这是一次难得的机会。",
        "着力推进高质量发展。",
        "地方政府专项债券发行提速。",
        "2024年亚太经合组织领导人非正式会议在利马举行。",
        "日前，全国春运正式启动。",
        "日本政府表示，将延长措施。",
        "日夜奋战的工人们回家了。",
        "万家灯火，其乐融融。",
        "年轻人，是国家的未来。",
        "人民群众，是历史的创造者。",
    ] {
        assert!(!starts_mid_sentence(text), "{text}");
    }
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n日）召开金融支持水利基础设施建设工作会议。\n");
    assert_eq!(flow.orphans.len(), 1, "{flow:?}");
    // A particle alone goes on the sentence that running text left open.
    let (flow, _) = flow_of("标题\n\n发展很快。全产业链的数字化升级也带动\n\n了行业内中小企业转型。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    assert!(flow.splits[0].certain);
    // Under a digest's headline, the story lost its head; under a short line or one that
    // stops on a figure, the sentence goes on.
    let digest = "国内联播快讯\n\n会议在北京举行。\n\n多措并举切实加大对水利项目的金融支持力度\n\n";
    for story in [
        "日）召开金融支持水利基础设施建设工作会议。",
        "万吨，同比增长40.1%。",
    ] {
        let (flow, _) = flow_of(&format!("{digest}{story}\n"));
        assert_eq!(
            (flow.splits.len(), flow.orphans.len()),
            (0, 1),
            "{story}: {flow:?}"
        );
    }
    for (line, rest) in [
        ("清晨", "时分，霞浦县三沙镇的滩涂上一片忙碌。"),
        ("主席会议举行了2", "022年第三次集体学习。"),
    ] {
        let (flow, _) = flow_of(&format!("国内联播快讯\n\n会议在北京举行。\n\n{line}\n\n{rest}\n"));
        assert_eq!(
            (flow.splits.len(), flow.orphans.len()),
            (1, 0),
            "{line}: {flow:?}"
        );
    }
}

#[test]
fn a_paragraph_that_closes_a_pair_it_never_opened_lost_its_head() {
    let before = "会议在北京举行。";
    for text in [
        "025”专项行动启动，将持续半年。",
        "加强合作，推动共同发展。”他说，双方要携手前行。",
        "我们要坚定信心、迎难而上，推动共同发展！”",
        "现代化建设》一书出版发行。",
        "发展的意见》（以下简称《意见》），对全年工作作出部署。",
        "长三角一体化示范区）今天挂牌，首批项目集中开工。",
    ] {
        assert!(closes_a_pair_unopened(text, before), "{text}");
    }
    for (text, before) in [
        // A quotation that runs over paragraphs closes in its last.
        ("“我们要推动共同发展。”", "他说：“合作是大势所趋。"),
        ("推动共同发展。”他说。", "他说：“合作是大势所趋，"),
        // Closed after the first sentence (a mark mistyped), or after English.
        ("会议在北京举行。会上，推动共同发展”成为共识。", before),
        ("（Sailing to Paradise?”）", before),
        // Balanced, or a bracket (a list's number closes one).
        ("“剑网2025”专项行动启动。", before),
        ("包括：1）加强领导；2）完善制度。", before),
        ("一）加强组织领导。", before),
        ("加强合作（包括科技合作）。", before),
        // Marks mistyped: a second close without an opening.
        ("”十四五”规划实施以来，成效显著。", before),
    ] {
        assert!(!closes_a_pair_unopened(text, before), "{text}");
    }
    assert_eq!(unopened_close("025”专项行动启动"), Some('”'));
    assert_eq!(unopened_close("1）加强组织领导。"), None);
    assert_eq!(unopened_close("十四五”规划”实施以来"), None);
    // Under a headline that leaves no quotation open, the rest of a quoted name lost its head.
    let (flow, _) = flow_of(&format!(
        "标题在这里\n\n{before}\n\n“剑网2025”专项行动启动\n\n025”专项行动，将在5月至11月期间开展。\n"
    ));
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    let (flow, _) = flow_of(&format!(
        "标题在这里\n\n{before}\n\n国家版权局等四部门联合启动打击网络侵权盗版“剑网2\n\n025”专项行动，将在5月至11月期间开展。\n"
    ));
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_verb_of_saying_without_who_speaks_lost_its_head() {
    for text in [
        "表示，谨向中国人民致以最诚挚的问候。",
        "指出：要坚持稳中求进。",
        "还强调，要抓好落实。",
        "16日称，从未故意将媒体工作者作为攻击目标。",
        "当天表示，将继续推进谈判。",
        "19日报道，当天发布的一项研究结果显示，污染已影响到多个州。",
    ] {
        assert!(starts_mid_sentence(text), "{text}");
    }
    for text in [
        "李强指出，要坚持稳中求进。",
        "表示感谢的人很多。",
        "说起这个公司，那还是1995年的事。",
        "指出问题是解决问题的开始。",
        "会议强调，要抓好落实。",
    ] {
        assert!(!starts_mid_sentence(text), "{text}");
    }
    // A name alone on its line is a byline, unless what follows says what the name said.
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n李强\n\n指出，要坚持稳中求进。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n李强\n\n会议强调，要抓好落实。\n");
    assert!(flow.splits.is_empty() && flow.orphans.is_empty(), "{flow:?}");
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n表示，要坚持稳中求进。\n");
    assert_eq!(flow.orphans.len(), 1, "{flow:?}");
    // Under a line that names who speaks, the sentence goes on; under a digest's
    // headline, the story lost its head.
    let digest = "国际联播快讯\n\n会议在日内瓦举行。\n\n";
    let text = format!(
        "{digest}伊拉克武装部队总司令发言人萨巴赫·努曼15日\n\n说，坚决反对任何一方利用伊拉克的领土。\n"
    );
    assert_eq!(flow_of(&text).0.splits.len(), 1);
    let text = format!("{digest}非洲联盟苏丹问题峰会在开罗举行\n\n称，反对外国势力干预苏丹事务。\n");
    let (flow, _) = flow_of(&text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
}

#[test]
fn a_word_that_opens_sentences_may_still_be_the_end_of_a_cut_one() {
    let (flow, _) = flow_of("春意浓浓。\n\n续回暖，各地旅游市场火热。\n");
    assert_eq!(flow.orphans.len(), 1, "{flow:?}");
    let (flow, _) = flow_of("春意浓浓。\n\n在北京举行的活动吸引了很多游客。\n");
    assert!(flow.orphans.is_empty(), "{flow:?}");
}

#[test]
fn a_few_characters_and_a_stop_are_the_end_of_a_sentence() {
    // A verb or a verbal noun with a full stop too (闭幕。, 回应。, 工作。): a greeting, thanks or
    // an answer is a sentence of its own.
    for orphan in ["力量。", "基础。", "作。", "闭幕。", "回应。", "工作。", "涌现。"] {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{orphan}\n\n各地旅游市场火热。\n"));
        assert_eq!(flow.orphans.len(), 1, "{orphan}: {flow:?}");
    }
    for whole in [
        "肖捷陪同。",
        "他笑了。",
        "再见。",
        "是的。",
        "谢谢。",
        "好的。",
        "没错。",
        "当然。",
        "开始！",
        "没问题。",
        "中方赞赏。",
        "发展很快。",
    ] {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n\n各地旅游市场火热。\n"));
        assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
    }
}

#[test]
fn a_first_sentence_of_a_word_or_two_is_the_end_of_a_longer_one() {
    for orphan in [
        "开始。王沪宁宣布，中国人民政治协商会议第十四届全国委员会第三次会议开幕。",
        "合作。中国是泰国的好朋友、好伙伴。",
        "成果。中央政治局要带头抓好学习宣传贯彻。",
    ] {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{orphan}\n\n各地旅游市场火热。\n"));
        assert_eq!(flow.orphans.len(), 1, "{orphan}: {flow:?}");
    }
    for whole in [
        "是的。如今的塞罕坝就是要在石头上种树。",
        "谢谢。他说完就走了。",
        "他笑了。大家也跟着笑了。",
        "今天。记者来到现场。",
    ] {
        let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n\n各地旅游市场火热。\n"));
        assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
    }
    // A writer's labels open several paragraphs so.
    let labels = "大刀阔斧干了3件事。\n\n封车。公司机关首当其冲，封停20台小汽车。\n\n堵嘴。针对招待费居高不下，规定了标准。\n\n补漏。清理了大大小小的经营公司。\n";
    let (flow, _) = flow_of(labels);
    assert!(flow.orphans.is_empty(), "{flow:?}");
}

#[test]
fn a_character_alone_before_a_figure_opens_only_as_a_preposition_or_a_time_does() {
    assert_openings(
        &[
            "长12.5%，占全部制造业投资的比重提高。",
            "达3000人，创历史新高。",
            "破100万辆，同比增长三成。",
            // A verb alone, whatever the odds of its character (降, 占).
            "降3个百分点，创历史新低。",
            "占40%，位居全国第一。",
            // 到 before an amount, not a time, is the end of 达到 or 增加到.
            "到2.05亿吨，天然气产量超220亿立方米。",
            // 过 is the end of 超过 or 经过 there.
            "过172个昼夜、近9万海里的航程，科考船顺利返航。",
            // The end of a name before a day.
            "斯22日重申，联合国不会放弃努力。",
        ],
        &[
            "约300人参加了活动。",
            "从2020年开始，全市推进老旧小区改造。",
            "晚8时，晚会正式开始。",
            "到2035年，基本实现社会主义现代化。",
            "到20世纪末，全省基本普及九年义务教育。",
            "到5月底，全市新开工项目120个。",
            "在2024年的工作中，各地积极作为。",
            "前3个月，全市接待游客增长明显。",
            "有300多人参加了活动。",
            "超300万人次观看了直播。",
            "近5年来，全县面貌焕然一新。",
            "在6日的会议上，双方交换了意见。",
            "从13日起，新规正式实施。",
            "受27日强降雨影响，部分航班取消。",
        ],
    );
}

#[test]
fn an_organ_named_short_opens_a_sentence() {
    assert_openings(
        // Words that end on an organ's character are no organ's name (干部, 全部).
        &["名干部走进社区、乡村，收集整理意见。", "底前全部开工。"],
        &[
            "工信部启动2022“三品”全国行活动。",
            "人社部发布通知，要求各地做好就业服务工作。",
            "卫健委要求各地加强防控。",
            "部党委进一步完善了中心组学习制度。",
        ],
    );
}

#[test]
fn one_character_before_a_comma_ends_a_word() {
    assert_openings(
        &[
            "设，让人工智能发展成果更好惠及各国。",
            // A direction, a measure word, a bound morpheme.
            "上，李楠楠将围绕以品德、技能和业绩为导向开展工作。",
            "次，同比增长12%。",
            "棒，弘扬中法建交精神。",
            // A preposition, an adverb, a numeral or an adjective alone.
            "至，香港、澳门各界举办了丰富多彩的庆祝活动。",
            "同，进一步完善专业家政服务人员培训体系。",
            "则，进行阶梯式管理。",
            "点，推动涉企政务服务水平进一步提升。",
            "快，田间管理进展顺利。",
            "毅、何立峰等参加会见。",
            "金、技术、人才等方面发力。",
            "中。党的十八大以来，我们取得成就。",
            "策。全国各地积极行动。",
            "1.17%；全国规模以上工业增加值增长。",
            "6.1%，高于全国平均水平。",
            "0.8%。",
            "2.5。全年增长较快。",
        ],
        &[
            "但，问题依然存在。",
            "对，就是这样。",
            "是，我们做到了。",
            "好，开始吧。",
            "一、坚持稳中求进。",
            "一，坚持稳中求进。",
            "东、中、西部地区协调发展。",
            "党、政、军、民、学，东西南北中，党是领导一切的。",
            "东、西两侧各有一座塔。",
            "中、小学生陆续返校。",
            "大、中型企业带头。",
            "省、自治区、直辖市人民政府价格主管部门负责实施。",
            "市、县人民政府可以根据实际情况制定办法。",
            "’97中国旅游年是一次国家级的旅游活动。",
            "啊。多么美丽的家乡！",
            "啊，这回秤真的坏啦！",
            "6.1%的增速来之不易。",
            "2.5亿元，占全年的一半。",
        ],
    );
}

#[test]
fn a_mark_left_open_is_closed_by_the_rest() {
    for text in [
        "发展很快。今天（6月\n\n26日）我们一起走进内蒙古。\n",
        "发展很快。如果说塞罕坝的“林\n\n一代”是爬冰卧雪，二代就是守护。\n",
        "发展很快。日前出版的《求是\n\n》杂志发表重要文章。\n",
        // A space inside a title mark does not make a line of parts.
        "标题\n\n央视网消息（新闻联播）：系列报道《奋进新征程 建功新时代》，今天（6月\n\n26日）我们一起走进内蒙古。\n",
    ] {
        let (flow, _) = flow_of(text);
        assert!(
            flow.splits.len() == 1 && flow.splits[0].certain,
            "{text}: {flow:?}"
        );
    }
    // A quotation of several paragraphs opens each of them.
    let (flow, _) = flow_of("他说：“我们要团结奋斗\n\n“只有这样，才能实现目标。”\n");
    assert!(flow.splits.iter().all(|s| !s.certain), "{flow:?}");
    // A paragraph that leaves the mark open is no rest: the sentence was cut off.
    let (flow, _) =
        flow_of("发展很快。央视网消息（\n\n截至4月10日9时，这次疫情上海全市已累计排查到密切接触者。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // A mark left open however far back, with no end mark after it, is a sentence cut off.
    assert!(leaves_a_pair_open(
        "他强调，要坚持“稳中求进、以进促稳，统筹发展和安全"
    ));
    assert!(leaves_a_pair_open(
        "会议审议通过了《关于加快建设全国统一大市场的意见"
    ));
    for text in [
        "他强调，要坚持“稳中求进”，统筹发展和安全",
        "他说：“我们要团结奋斗，只有这样，才能实现目标。",
        "“十四五”规划实施",
    ] {
        assert!(!leaves_a_pair_open(text), "{text}");
    }
}

#[test]
fn a_paragraph_that_starts_a_sentence_of_its_own_is_no_rest() {
    let text = |next: &str| format!("会谈结束。乌方表示，仍在寻求通过外交途径\n\n{next}\n");
    for fresh in [
        "我国全面启动八大电力科技创新行动。",
        "习近平请穆罕默德转达对国王的问候。",
        "商务部最新数据显示，前10个月全国网上零售额同比增长。",
    ] {
        let (flow, _) = flow_of(&text(fresh));
        assert_eq!(
            (flow.splits.len(), flow.truncations.len()),
            (0, 1),
            "{fresh}: {flow:?}"
        );
    }
    let (flow, _) = flow_of(&text("解决危机，维护地区和平稳定。"));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_truncation_finds_its_rest_by_the_judgements_weighed_together() {
    let (flow, _) = flow_of(
        "医院派出专家。开展义诊、健康宣教、带教查房\n\n据了解，今年以来，各类物资储备充足。\n\n等活动，带动更多的医务人员走进基层。\n",
    );
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    assert_eq!(flow.truncations[0].continuation, Some(2), "{flow:?}");
}

#[test]
fn a_truncation_finds_its_rest_that_starts_as_sentences_do() {
    let text = |rest: &str| {
        format!(
            "发展很快。\n\n我们要团结奋斗，实现中华民族伟大\n\n据了解，今年以来，各类物资储备充足。\n\n{rest}\n"
        )
    };
    let (flow, _) = flow_of(&text("复兴的中国梦，是全国人民的共同心愿。"));
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    assert_eq!(flow.truncations[0].continuation, Some(3));
    // Without the odds, a paragraph that starts as sentences do is not the rest.
    let (flow, _) = flow_of(&text("各地区积极行动，推动高质量发展。"));
    assert_eq!(flow.truncations[0].continuation, None);
    // The head moved down the page: its rest above reads on better than its neighbour.
    let (flow, _) = flow_of(
        "发展很快。\n\n复兴的中国梦，是全国人民的共同心愿。\n\n我们要团结奋斗，实现中华民族伟大\n\n各地区积极行动，推动高质量发展。\n",
    );
    assert!(flow.splits.is_empty(), "{flow:?}");
    assert_eq!(flow.truncations[0].continuation, Some(1));
}

#[test]
fn a_dateline_or_an_open_title_mark_is_no_heading() {
    assert_eq!(
        role("1月1日出版的今年第1期《求", BlockKind::Paragraph),
        Role::Prose(Ending::Open)
    );
    assert!(matches!(
        role("央视网消息（新闻联播）：国家主席习近平", BlockKind::Paragraph),
        Role::Prose(_)
    ));
    assert_eq!(role("本报评论员", BlockKind::Paragraph), Role::Heading);
    assert_eq!(
        role("《求是》杂志发表重要文章", BlockKind::Paragraph),
        Role::Heading
    );
    let (flow, _) =
        flow_of("发展很快。\n\n1月1日出版的今年第1期《求\n\n焦点\n\n据了解，今年以来，各类物资储备充足。\n");
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
}

#[test]
fn a_short_head_goes_on_in_a_paragraph_that_starts_on_a_comma() {
    let (flow, _) =
        flow_of("发展很快。\n\n记者从商务部了解到\n\n，为助力外贸企业开拓多元化市场，商务部推出措施。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // After the title, the story lost its head.
    let (flow, _) = flow_of("记者从商务部了解到\n\n，为助力外贸企业开拓多元化市场，商务部推出措施。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    // Under a line that reads as a whole headline, the paragraph lost its head; under one
    // that stops as no headline does, the sentence broke after it.
    let (flow, _) = flow_of("发展很快。\n\n新疆昭苏天马机场通航\n\n，可满足年旅客吞吐量20万人次。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    for head in [
        "新疆昭苏天马机场通航，可满足年",
        "达峰在参加安徽代表团审议时说",
        "这五年",
    ] {
        let (flow, _) = flow_of(&format!("发展很快。\n\n{head}\n\n，旅客吞吐量20万人次。\n"));
        assert_eq!(
            (flow.splits.len(), flow.orphans.len()),
            (1, 0),
            "{head}: {flow:?}"
        );
    }
}

#[test]
fn a_number_goes_on_with_its_unit_or_its_decimals() {
    for text in [
        "发展很快。今天（6月30\n\n日），长三角生态绿色一体化发展示范区揭牌。\n",
        "发展很快。水库持续为下游补水20.\n\n65亿立方米，保障了供水。\n",
    ] {
        let (flow, _) = flow_of(text);
        assert!(
            flow.splits.len() == 1 && flow.splits[0].certain,
            "{text}: {flow:?}"
        );
    }
    // A line that ends on a number (a page, an edition) before a paragraph is no number
    // cut off.
    let (flow, _) = flow_of("发展很快。\n\n版次：3\n\n人民日报发表评论员文章。\n");
    assert!(flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn a_sentence_read_on_past_a_heading() {
    let (flow, _) =
        flow_of("会谈结束。3月28日，国家主席习近平同\n\n焦点二\n\n沙特王储兼首相穆罕默德通电话。\n");
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    assert_eq!(flow.splits[0].between, 1..2);
}

#[test]
fn a_neighbour_gives_way_to_a_rest_nearby_that_reads_on_far_better() {
    let (flow, _) = flow_of(
        "标题\n\n王沪宁主持并讲话。\n\n会议深入学习贯彻有关重要讲话精神，研究部署下一步工作。\n\n会议还传达学习了近期重要讲话和指示精神。\n\n央视网消息（新闻联播）：全国政协主席会议24日在京召开。中共中央政治局常委、全国政协主席\n\n会议审议通过修订后的工作条例和有关决定。\n",
    );
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    assert_eq!(flow.truncations[0].block, 4);
    // … and is paired with it as the truncation's rest.
    assert_eq!(flow.truncations[0].continuation, Some(1), "{flow:?}");
}

#[test]
fn a_short_line_cut_inside_a_word_is_no_headline() {
    let model = shipped_model();
    for cut in [
        "李克强充",
        "据美国广播公",
        "今天上午，国家主席习近平在",
        "一名摄影记者在加沙地带遭以色",
        "会议审",
        "常年坚",
        // A word that only leads on.
        "两国关系受到",
        "会议要求各地更加",
        "这项改革具有",
        "我国经济发展面临",
        "中方始终坚持这种",
        "请各位代表尤其",
        "今年工作的重点是",
        "这一批项目将",
        "国务院副总理还",
        "两国代表团都",
        // A particle, a preposition or a measure word before the last character: no name ends so.
        "党的十",
        "10位政",
        "来之不易的丰",
        // The last two characters are a rare word, and the cut is clear.
        "保加利",
        "全国政",
        "伊拉克武装部队总司",
        "巴勒斯",
    ] {
        assert!(stops_as_no_headline(cut, model), "{cut}");
    }
    for headline in [
        "两会天天评",
        "浙江",
        "顺德市",
        "图片新闻",
        "好心上当",
        "亡羊补牢",
        "领导之责",
        "眼见有虚兼听则实",
        "本报驻南非记者温宪",
        "本报记者官晋东",
        "国内联播快讯",
        "全国秋粮收获过九成半",
        "中国证监会发布上市公司重大资产重组新规",
        "平陆运河南宁段通水",
        // A character alone before a one-character word may make a word with it (与共, 中和).
        "中越命运与共",
        "力争2060年前实现碳中和",
    ] {
        assert!(!stops_as_no_headline(headline, model), "{headline}");
    }
    let (flow, _) =
        flow_of("标题\n\n会议在北京举行。\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // At the top too: no deck line stops clearly inside a word.
    let (flow, _) = flow_of("标题\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    let (flow, _) = flow_of("标题\n\n两会天天评\n\n会议强调，要坚持稳中求进工作总基调。\n");
    assert!(flow.truncations.is_empty(), "{flow:?}");
}

#[test]
fn a_name_the_dictionary_lacks_ends_a_line_as_any_word_does() {
    let model = shipped_model();
    for deck in [
        "会见来华出席北京冬奥会开幕式的埃及总统塞西",
        "寓意着丰收、吉祥和福瑞",
    ] {
        assert!(!ends_open(deck, model, Doubt::Unlikely), "{deck}");
    }
    for cut in ["今年1—5月，全国职", "今年1—5月，全国职工医", "朝鲜劳动党总书"] {
        assert!(ends_open(cut, model, Doubt::Unlikely), "{cut}");
    }
}

#[test]
fn a_sentence_broken_after_a_comma_goes_on_past_a_heading_where_the_evidence_says_so() {
    let first = "会议强调，要坚持依宪治国、依宪执政，实施宪法，推进全面依法治国，";
    let (flow, _) = flow_of(&format!(
        "标题\n\n{first}\n\n聚焦主责主业\n\n推进法治中国建设，为全面建设社会主义现代化国家提供法治保障。\n"
    ));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    let (flow, _) = flow_of(&format!(
        "标题\n\n{first}\n\n聚焦主责主业\n\n据了解，今年以来全市新增企业三千家，同比增长一成。\n"
    ));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
}

#[test]
fn a_dateline_cut_before_its_colon_lost_its_story() {
    for line in [
        "央视网消息（新闻联播）",
        "央视网消息（新闻",
        "央视网消息",
        "央视网",
        "央视",
        "新华社",
    ] {
        assert!(dateline_stub(line), "{line}");
    }
    for line in [
        "央视网消息（新闻联播）：",
        "新华社北京1月25日电",
        "本报记者许立群",
        "新华社记者樊如钧摄",
        "央视网评：把握发展主动权",
        "好消息",
    ] {
        assert!(!dateline_stub(line), "{line}");
    }
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n央视网消息（新闻联播）\n\n全国春运今天正式启动。\n");
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
    // Past a heading, only its rest carries it on.
    let stub = "标题\n\n会议在北京举行。\n\n央视网消息（新闻联播）\n\n春运首日客流平稳\n\n";
    let (flow, _) = flow_of(&format!("{stub}全国春运今天正式启动，各地客流平稳有序。\n"));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    let (flow, _) = flow_of(&format!("{stub}：全国春运今天正式启动，各地客流平稳有序。\n"));
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    // Its rest, moved away, starts with what is left of the dateline.
    assert!(dateline_cut("息（新闻联播）：各地积极探索新模式。"));
    assert!(dateline_cut("视网消息（新闻联播）：各地积极探索新模式。"));
    assert!(!dateline_cut("息息相关，密不可分。"));
    // So does a wire story's dateline cut inside its date.
    assert!(dateline_cut(
        "2日电（记者袁锦林）正在这里访问的中国副总理会见了外宾。"
    ));
    assert!(dateline_cut("月19日电国家主席江泽民今天会见了外宾。"));
    assert!(!dateline_cut("18日，电视剧《江海潮生》开播。"));
    assert!(!dateline_cut("18日电网负荷创下新高。"));
    let (flow, _) = flow_of(
        "标题\n\n息（新闻联播）：各地积极探索新模式。\n\n会议在北京举行。\n\n央视网消\n\n会议还研究了其他事项。\n",
    );
    assert_eq!(
        flow.orphans.first().map(|o| (o.block, o.head)),
        Some((1, Some(3))),
        "{flow:?}"
    );
}

#[test]
fn a_dateline_alone_goes_on_into_its_story_but_not_over_a_digest() {
    assert!(dateline_alone("央视网消息（新闻联播）："));
    assert!(dateline_alone("据新华社消息："));
    assert!(!dateline_alone("新华社澳门分社社长王启人新年有“三愿”："));
    assert!(!dateline_alone(
        "央视网消息（新闻联播）：今天，全国春运正式启动。"
    ));
    let (flow, _) = flow_of("标题\n\n央视网消息（新闻联播）：\n\n习近平总书记强调，要坚持稳中求进。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    // A digest: the dateline stands over the headlines of its stories.
    let (flow, _) = flow_of(
        "国内联播快讯\n\n央视网消息（新闻联播）：\n\n全国铁路将投产新线3300公里\n\n今天，湖北黄冈至黄梅高铁开通运营。\n",
    );
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0), "{flow:?}");
    // … and its first story that lost its head is an orphan: the dateline does not go on
    // into it past the headline.
    let (flow, _) = flow_of(
        "国内联播快讯\n\n央视网消息（新闻联播）：\n\n电子政务论坛在济南开幕\n\n化”为主题，参会嘉宾聚焦数字中国建设。\n",
    );
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
}

#[test]
fn a_story_under_its_title_lost_its_head_though_a_word_runs_across() {
    // 会议 | 员会 reads 议员 across; 委员会 lost its head.
    let (flow, _) = flow_of("汪洋主持召开全国政协主席会议\n\n员会第八十二次主席会议14日在京召开。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    // A title that stops inside a word goes on.
    let (flow, _) = flow_of("加快构建新发展格\n\n局，推动高质量发展。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_list_of_names_goes_on_into_a_paragraph_that_goes_on_with_the_list() {
    let text =
        "标题\n\n会议在北京举行。\n\n李强、赵乐际、王沪宁、雪克来提·扎克尔\n\n、吴政隆、谌贻琴出席会议。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // … or with the rest of a name cut at its end (吴政 | 隆，), a surname alone being no name.
    let text = "标题\n\n会议在北京举行。\n\n石泰峰、刘国中、何立峰、张国清、吴政\n\n隆，中共中央、国务院有关部门负责人出席座谈会。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    assert!(names_a_person("赵乐际") && !names_a_person("隆"));
    // … headings aside.
    let text =
        "标题\n\n会议在北京举行。\n\n刘金国、王小洪、张升民、吴政\n\n图片新闻\n\n隆、张军、应勇出席会议。\n";
    let (flow, _) = flow_of(text);
    let pairs: Vec<(usize, usize)> = flow.splits.iter().map(|s| (s.first, s.second)).collect();
    assert_eq!(
        (pairs.as_slice(), flow.orphans.len()),
        (&[(2, 4)][..], 0),
        "{flow:?}"
    );
    // A list of names over a paragraph of its own is a byline or a roster.
    let text = "标题\n\n会议在北京举行。\n\n李强、赵乐际、王沪宁\n\n会议指出，要坚持稳中求进。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0), "{flow:?}");
}

#[test]
fn a_name_cut_after_a_title_or_a_listed_name_goes_on() {
    for (first, second) in [
        ("会议由全国政协副主席沈跃", "跃、王勇、邵鸿作了发言。"),
        ("出席会议的有国务院副总理丁", "薛祥，国务委员王勇。"),
        ("党和国家领导人习近平、李强、赵乐际、蔡", "奇、丁薛祥出席大会。"),
    ] {
        assert!(name_across(first, second), "{first} | {second}");
    }
    for (first, second) in [
        // A whole name, then a paragraph that opens with it.
        ("中共伊克昭盟委员会书记邢云", "邢云，1952年生，大学文化。"),
        // A function word, a word of the dictionary, no name before the list mark.
        ("本报驻日本记者于青", "因东京检察机关昨天逮捕了前大臣。"),
        ("出席会议的有国务院副总理丁", "香花开满山坡。"),
        ("各成员理事、全", "富煤贫油少气是我国国情。"),
        ("会议强调，要坚持稳中求进。", "王沪宁主持会议。"),
    ] {
        assert!(!name_across(first, second), "{first} | {second}");
    }
    let (flow, _) = flow_of("标题\n\n会议由全国政协副主席沈跃\n\n跃、王勇、邵鸿、高云龙作了交流发言。\n");
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_title_goes_on_with_the_name_after_it() {
    assert!(title_before_name(
        "中共中央政治局常委、全国政协主席",
        "王沪宁主持会议。"
    ));
    assert!(title_before_name("外交部发言人", "毛宁表示，"));
    // A name the dictionary knows.
    assert!(title_before_name(
        "9月3日下午，国家主席",
        "习近平在北京人民大会堂会见外宾。"
    ));
    assert!(!title_before_name(
        "中共中央政治局常委、全国政协主席",
        "会议强调，要坚持稳中求进。"
    ));
    assert!(!title_before_name("会议选举产生了新一届委员", "王沪宁主持会议。"));
    let (flow, _) = flow_of(
        "标题\n\n全国政协主席会议24日在京召开，各方代表出席会议。中共中央政治局常委、全国政协主席\n\n王沪宁主持会议并讲话。\n",
    );
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_list_broken_after_an_enumeration_comma_goes_on_with_its_next_item() {
    let first = "会上，国家发展改革委、工业和信息化部、";
    // One more item goes on; a paragraph that opens a sentence of its own, or a long clause,
    // is no next item.
    for (next, splits_and_truncations) in [
        ("交通运输部、商务部负责人介绍了有关情况。", (1, 0)),
        ("商务部等部门负责人介绍了有关情况。", (1, 0)),
        ("会议指出，要坚持稳中求进工作总基调。", (0, 1)),
        ("国务院新闻办公室今天举行新闻发布会，介绍有关情况。", (0, 1)),
    ] {
        let (flow, _) = flow_of(&format!("标题\n\n{first}\n\n稳外贸稳外资\n\n{next}\n"));
        assert_eq!(
            (flow.splits.len(), flow.truncations.len()),
            splits_and_truncations,
            "{next}: {flow:?}"
        );
    }
    let (flow, _) = flow_of(
        "标题\n\n要增强法律规范体系的全面性、系统性、\n\n小标题\n\n协调性。要健全宪法实施监督制度。\n",
    );
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    // The rest of the sentence after the list, where the judgements weighed together say so.
    let (flow, _) =
        flow_of("标题\n\n可是对于历史遗存、文化景观、\n\n小标题\n\n旅游设施的拆与建却陷入了两难。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    assert!(!list_goes_on(
        "国家发展改革委、",
        "国务院新闻办公室今天举行新闻发布会，"
    ));
    assert!(!list_goes_on("国家发展改革委，", "商务部、"));
}

#[test]
fn a_word_across_a_break() {
    // A dictionary word runs across the join and reads better than the words on either side.
    let word_across =
        |first, second| continuity::join_gain(han_tail(first), han_head(second)) > WORD_ACROSS_GAIN;
    assert!(word_across("纳更多高端创新机构、跨", "国企业等入驻"));
    assert!(word_across("让很多企业家有投资重", "庆的热情"));
    assert!(!word_across("从数字化", "到智能化"));
    assert!(!word_across("全面、", "焦点二"));
}

#[test]
fn a_sentence_broken_in_three_is_two_splits() {
    let (flow, _) = flow_of(
        "标题\n\n会议强调，要加快构建新发展格\n\n局，推动高质量发展，建设现代化产业体\n\n系，实现新的突破。\n",
    );
    let pairs: Vec<(usize, usize)> = flow.splits.iter().map(|s| (s.first, s.second)).collect();
    assert_eq!(pairs, [(1, 2), (2, 3)]);
}

#[test]
fn a_line_under_a_heading_that_stops_clearly_inside_a_word_is_cut() {
    assert!(stops_clearly_inside_a_word("据美国广播公") && stops_clearly_inside_a_word("遭以色"));
    let (flow, _) =
        flow_of("标题\n\n美国发生枪击事件\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    for line in [
        "坚持稳中求进，才能行稳致远",
        "两会天天评",
        "平陆运河南宁段通水",
        "王",
    ] {
        assert!(!stops_clearly_inside_a_word(line), "{line}");
    }
    assert!(is_two_names("袁建军王云") && is_two_names("刘国中何立峰"));
    assert!(!is_two_names("王沪宁表") && !is_two_names("加拿大不列颠") && !is_two_names("习近平"));
}

#[test]
fn a_line_under_a_heading_that_opens_on_a_day_is_a_story_s_first() {
    for (line, cut) in [
        ("今天（2月3日），中东部", true),
        ("高质量发展扎实推进，中东部", false),
    ] {
        let (flow, _) = flow_of(&format!(
            "标题\n\n雨雪天气持续\n\n{line}\n\n据了解，应急管理部启动四级应急响应。\n"
        ));
        assert_eq!(flow.truncations.len(), usize::from(cut), "{line}: {flow:?}");
    }
    assert!(opens_on_a_day("（2月3日），中东部") && !opens_on_a_day("在新的起点上"));
}

#[test]
fn a_paragraph_that_opens_on_a_word_that_ends_phrases_lost_its_head() {
    let model = shipped_model();
    for text in [
        "水平不断提高，人民生活持续改善。",
        "作用，推动高质量发展。",
        "增长15.3%，高于全国平均水平。",
        // Three characters and a stop, on one alone that opens no sentence.
        "内第一。",
    ] {
        assert!(starts_inside(text, model), "{text}");
    }
    for text in [
        "主席会议举行了第三次会议。",
        "技术创新是发展的第一动力。",
        "今年以来，各地经济增长较快。",
        "我同意。",
        "真好啊！",
        "没问题。",
        "新年好！",
    ] {
        assert!(!starts_inside(text, model), "{text}");
    }
    // A paragraph of a few words and a full stop, unless it names who acts or reads as a
    // clause.
    for (text, lost) in [
        ("合影留念。", true),
        ("贡献力量。", true),
        ("会见记者。", true),
        ("同默茨举行会谈。", false),
        ("王毅参加会见。", false),
        ("发展很快。", false),
        ("中方赞赏。", false),
        ("新年好！", false),
        ("今天开幕。", false),
    ] {
        assert_eq!(short_paragraph_lost(text), lost, "{text}");
    }
}

#[test]
fn a_date_opens_a_sentence_unless_the_number_before_it_runs_on() {
    for (first, second) in [
        ("个体工商户210.3", "4月26日—27日，金砖国家"),
        ("消费成为主流，1—10", "2023年，国家不断优化"),
    ] {
        assert!(date_stands_apart(first, second), "{first} | {second}");
    }
    for (first, second) in [
        ("美联储维持现有利率不变，1", "8日，美国纽约股市"),
        ("截至20", "23年底，全国"),
        ("今年1", "2月5日，"),
    ] {
        assert!(!date_stands_apart(first, second), "{first} | {second}");
    }
    let (flow, _) = flow_of(
        "标题\n\n会议在北京举行。\n\n谈判陷入僵局，乌方的举措阻碍谈判的\n\n24日，爱尔兰和英国部分地区遭遇风暴。\n",
    );
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    assert!(opens_fresh("阻碍谈判的", "24日，爱尔兰") && !opens_fresh("截至6月", "30日，中老铁路"));
    // A month and its day across a heading-like line.
    assert!(month_before_day("截至6月", "30日，中老铁路") && !month_before_day("今年6月", "份以来"));
    let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n截至6月\n\n30日，中老铁路国际货物列车开行突破。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
}

#[test]
fn a_quoted_term_closed_by_a_mark_opens_no_paragraph() {
    assert!(!opens_fresh(
        "跑出了自己的发展",
        "“加速度”。一年来，县城面貌一新。"
    ));
    assert!(!opens_fresh(
        "将进一步缓解我国",
        "“夏汛冬枯、北缺南丰”，水资源分布不均。"
    ));
    assert!(opens_fresh("他说。", "“我们要把这件事办好，”他说。"));
    assert!(opens_fresh("他说。", "“一带一路”倡议提出十年来，成果丰硕。"));
}

#[test]
fn a_digest_has_no_deck_lines() {
    // Stories under their headlines, each opening with a sentence and its stop: a line
    // without one under a headline lost its end.
    let digest = |under_last: &str, after: &str| {
        format!(
            "国内联播快讯\n\n央视网消息（新闻联播）：\n\n我国货运物流正平稳恢复\n\n昨天（4月22日），全国高速公路货车通行量环比增长。\n\n黄黄高铁开通运营\n\n今天，黄黄高铁开通运营。\n\n节能宣传周启动\n\n全国节能宣传周今天在北京启动。\n\n上合示范区到发班列超2000列\n\n{under_last}\n\n{after}\n"
        )
    };
    let cut = "据海关统计，自2018年以来，上合示范区累计到发中欧班列2031列";
    let next = "目前，示范区常态化开行16条国际班列线路。";
    let (flow, _) = flow_of(&digest(cut, next));
    assert_eq!((flow.truncations.len(), flow.splits.len()), (1, 0), "{flow:?}");
    for (line, after) in [
        // A deck line that quotes the body.
        (cut, &*format!("{cut}，16.7万标箱。")),
        // A headline over a story's dateline or a letter's salutation.
        (
            "坚持稳中求进，才能行稳致远",
            "本报北京1月15日讯 记者从有关部门获悉。",
        ),
        ("国有、集体资产流失严重", "编辑同志："),
        // A line that ends on a mark, not inside a sentence.
        ("丰子恺当年送他三句话：“多读书，广结交，少说话”", next),
    ] {
        let (flow, _) = flow_of(&digest(line, after));
        assert!(
            flow.truncations.is_empty() && flow.splits.is_empty(),
            "{line}: {flow:?}"
        );
    }
    // At the top, under the title, deck lines stay deck lines.
    let top = digest("上合示范区建设稳步推进", next).replacen("央视网消息（新闻联播）：", cut, 1);
    let (flow, _) = flow_of(&top);
    assert!(flow.truncations.is_empty(), "{flow:?}");
}

#[test]
fn deck_lines_headlines_and_name_lines_stand_alone() {
    for text in [
        // A commentary's deck lines, then its body, then a subheading with its own deck.
        "坚定信心 奋力前行\n\n在新的起点上，更要保持战略定力和历史耐心\n\n坚持稳中求进，才能行稳致远\n\n今年以来，我国经济持续恢复向好，高质量发展扎实推进。\n\n■ 用好数字化变革的机遇\n\n面对新形势，必须把发展的基点放在创新上\n\n创新是引领发展的第一动力。\n",
        // Headlines of a news digest, each followed by its story.
        "国内联播快讯\n\n我国货运物流正平稳恢复\n\n昨天（4月22日），全国高速公路货车通行量环比增长。\n\n黄黄高铁开通运营\n\n今天，黄黄高铁开通运营。\n",
        // Decks of several clauses, one listing with 、, one ending on a word the
        // dictionary lacks, and a bulleted subheading with a deck that the body restates.
        "以高质量发展推动中国式现代化\n\n本报评论员\n\n高质量发展是全面建设社会主义现代化国家的首要任务，没有坚实的物质技术基础，就不可能全面建成社会主义现代化强国\n\n国家发展改革委、工业信息化部、交通运输部、商务部负责人现场作了交流\n\n党的二十大报告指出，高质量发展是首要任务。\n\n● 坚持创新驱动发展\n\n当今世界进入新的动荡变革期\n\n各地区各部门要深入实施创新驱动发展战略。\n",
        // A name-and-title line.
        "明 炬 全国政协委员，市科技局党委书记、局长\n\n他表示，要加快推进。\n",
        // A headline over two names run together, a byline.
        "市委书记开“后门”\n\n袁建军王云\n\n过完新年没多久，湖北省黄石市的一位市委书记来到这里。\n",
        // Stories run together: a headline over a note of pictures and a dateline, one over
        // a lede that opens with the paper's name, and the paper's dash before a subtitle.
        "要闻\n\n会议在北京举行。\n\n共产主义战士，久经考验的无产阶级革命家刘澜涛同志逝世\n\n（附图片1张）\n\n新华社北京1月25日电 刘澜涛同志因病医治无效逝世。\n\n职工心系灾区已捐款八百多万元，捐衣被等物品七十余万件\n\n本报讯 综合新华社和本报消息：全国职工踊跃捐款。\n\n草原英雄小姐妹中的妹妹玉荣——－\n\n一个厅级干部，在单位集资分房时，因为住房面积超标，主动退出了分房。\n",
        // A headline with a note of its pictures.
        "要闻\n\n会议在北京举行。\n\n演出三场，然后又直奔北京（附图片1张）\n\n周小燕歌剧中心，这个名字对音乐爱好者并不陌生。\n",
        // A web page's label over the story's dateline.
        "国内联播快讯\n\n央视网消息：\n\n央视网消息（新闻联播）：\n\n全国铁路将投产新线3300公里\n\n今天，湖北黄冈至黄梅高铁开始联调联试。\n",
    ] {
        let (flow, _) = flow_of(text);
        assert!(
            flow.splits.is_empty() && flow.truncations.is_empty() && flow.orphans.is_empty(),
            "{text}: {flow:?}"
        );
    }
}

#[test]
fn cut_words_and_numbers_at_a_break() {
    // A word cut in two: split, even when the first part reads as a short line.
    let (flow, _) = flow_of("标题\n\n会议强调，要加快构建新发展格\n\n局，推动高质量发展。\n");
    assert_eq!(flow.splits.len(), 1);
    let (flow, _) = flow_of("标题\n\n学校隆重庆祝建校10\n\n0周年，校友纷纷返校。\n");
    assert!(flow.splits[0].certain);
    // A line that leaves a title mark open is no headline over a story's dateline.
    let (flow, _) = flow_of(
        "标题\n\n会议在北京举行。\n\n据报道：自今日起，韩国《东\n\n新华社北京1月25日电 韩国政府宣布新的经济措施。\n",
    );
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    // A paragraph whose head was lost: it opens with the end of a word.
    let (flow, _) = flow_of("标题\n\n今年发展很快。\n\n济社会发展取得新成效，人民生活水平提高。\n");
    assert_eq!(flow.orphans.len(), 1);
    let (flow, _) = flow_of("标题\n\n大家都很高兴。\n\n们纷纷表示，要再接再厉。\n");
    assert_eq!(flow.orphans.len(), 1);
    // A name the dictionary does not know reads no better whole than cut (水峪嘴村: 峪 is
    // rare alone): it opens a sentence.
    let (flow, _) =
        flow_of("标题\n\n列车旅客妥善安置、平安转移。\n\n水峪嘴村在洪灾中受损严重，如今已经修缮一新。\n");
    assert!(flow.orphans.is_empty(), "{flow:?}");
    assert!(unknown_name("水峪嘴村在") && !unknown_name("济社会发展") && !unknown_name("化水平不断"));
    assert!(unknown_name("萨维一行是") && unknown_name("迪尼对钱其") && unknown_name("科雷眨了眨"));
    assert!(!unknown_name("斯") && !unknown_name("业发展取得"));
    // Two characters standing alone before a verb are a name and what its bearer does.
    for head in ["博塔宣称过去", "希亮教了十几", "子翼望着孟德"] {
        assert!(name_before_verb(head), "{head}");
    }
    for head in [
        "设也加快步伐",
        "期共发行亿元",
        "设性作用沙方",
        "赛时运行提供",
        "华出席纪念",
        "希亮教",
        "品着品着",
    ] {
        assert!(!name_before_verb(head), "{head}");
    }
    let (flow, _) = flow_of("标题\n\n他二人拂袖而去。\n\n子翼望着孟德远去的背影，无论如何也想不通。\n");
    assert!(flow.orphans.is_empty(), "{flow:?}");
    // A word completed across the break carries on into what reads as a fresh start…
    let (flow, _) =
        flow_of("标题\n\n两国举行会谈。\n\n会谈后，俄罗斯外\n\n长拉夫罗夫今天表示，双方将加强合作。\n");
    assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
    // … and a text cut inside a word goes on only where the word does.
    let (flow, _) = flow_of(
        "标题\n\n会议召开。\n\n会议指出，要研究职工群众和工会工\n\n多名国际组织高级官员出席了会议。\n",
    );
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // … unless the paragraph right after it starts mid-sentence too: its sentence goes on
    // there, whatever word the dictionary would have finished.
    let (flow, _) = flow_of(
        "标题\n\n会议召开。\n\n要维护多边贸易体制，早日建成全面、高水平的亚太\n\n自由贸易区。\n\n要坚持普惠包容，实现互利共赢。\n",
    );
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // … and so does a text that stops on a whole word, though a paragraph nearby would read
    // on better by the odds (会议审议通过了…, as 协商会议).
    let (flow, _) = flow_of(
        "汪洋主持召开全国政协主席会议\n\n会议6日在京召开。\n\n会议审议通过了全国政协专家协商会工作规则。汪洋指出，自去年创办以来，已累计召开55次专家协商会，形成了一些经验和做法，为推进这一协商\n\n形式规范化、制度化运行奠定了基础。要认真组织实施好这一工作规则。\n\n会议审议通过了第十三届全国政协优秀提案和先进承办单位名单。\n",
    );
    assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    // A fresh start after a truncated sentence: a truncation, not a split.
    let (flow, _) =
        flow_of("标题\n\n今年发展很快。各类物资储备充足，市场供应\n\n据了解，今年以来全市新增企业三千家。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1));
}

#[test]
fn edges() {
    let text = "利用信息技术，全面、";
    assert_eq!(&text[tail_range(text, 0)], "全面、");
    let text = "学生入学报名“多头跑”问题，上线";
    assert_eq!(&text[head_range(text, 0)], "学生入学报名“多头跑");
}

#[test]
fn the_mean_paragraph_counts_running_text_alone() {
    let paragraphs = [
        "会议在北京举行。",
        "一二三四五六七八九十。",
        "标题",
        "一段文字被截断在",
    ];
    assert_eq!(
        mean_paragraph_bytes(paragraphs.into_iter()),
        None,
        "two paragraphs of running text are too few to say"
    );
    let paragraphs = [
        "会议在北京举行。",
        "会议在北京举行。”",
        "会议在北京举行！",
        "标题",
    ];
    assert_eq!(
        mean_paragraph_bytes(paragraphs.into_iter()),
        Some(8.0 * 3.0 + 1.0)
    );
}

#[test]
fn a_line_that_leaves_a_quotation_open_is_cut() {
    let (flow, _) =
        flow_of("标题\n\n会议在北京举行。\n\n2024年“百场万企\n\n据新华社报道，各地正加快推进相关工作。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    // Whether the next paragraph is its rest is another question: the line is broken.
    let (flow, _) =
        flow_of("标题\n\n会议在北京举行。\n\n如果说塞罕坝的“林\n\n一代”是爬冰卧雪，那么他们就是守护者。\n");
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    // Closed, it is a headline.
    let (flow, _) = flow_of(
        "标题\n\n会议在北京举行。\n\n“百场万企”对接活动启动\n\n据新华社报道，各地正加快推进相关工作。\n",
    );
    assert!(flow.truncations.is_empty() && flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn two_stories_that_open_with_a_stop_under_their_headlines_make_a_digest() {
    let digest = |last: &str| {
        format!(
            "国际联播快讯\n\n央视网消息（新闻联播）：\n\n俄称打击乌能源设施\n\n俄罗斯国防部称，当地时间8日夜间对乌克兰能源设施进行了打击。\n\n法国马赛附近大火蔓延\n\n{last}\n\n日本参议院选举正式开始\n\n日本第27届参议院选举今天正式开始。\n"
        )
    };
    let (flow, _) = flow_of(&digest(
        "法国南部沿海城市马赛附近8日发生大火，导致约110人受伤，马赛机场一度关闭",
    ));
    assert_eq!(
        flow.truncations.iter().map(|t| t.block).collect::<Vec<_>>(),
        [5],
        "{flow:?}"
    );
    assert!(flow.splits.is_empty(), "{flow:?}");
    // One story so is no sign: a line without a stop under a headline may be its deck.
    let one = digest("法国南部沿海城市马赛附近8日发生大火，导致约110人受伤，马赛机场一度关闭").replace(
        "日本第27届参议院选举今天正式开始。",
        "日本第27届参议院选举今天正式开始",
    );
    let (flow, _) = flow_of(&one);
    assert!(flow.truncations.is_empty() && flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn a_broken_sentence_goes_on_past_headings_into_a_paragraph_that_starts_mid_sentence() {
    let (flow, _) = flow_of(
        "标题\n\n会议在北京举行。\n\n会议期间，习近平还会见了泰国总理佩通\n\n图片新闻\n\n坦。\n\n会议强调，要坚持稳中求进工作总基调。\n",
    );
    let pairs: Vec<(usize, usize)> = flow.splits.iter().map(|s| (s.first, s.second)).collect();
    assert_eq!(pairs, [(2, 4)], "{flow:?}");
    assert!(flow.orphans.is_empty() && flow.truncations.is_empty(), "{flow:?}");
}

#[test]
fn a_character_alone_before_a_title_ends_a_cut_name() {
    for cut in [
        "平总书记指出，实现中国梦是一场历史接力。",
        "委主席习近平12月19日发表新年贺词。",
        "国总统拜登表示，将继续支持乌克兰。",
    ] {
        assert!(name_cut_before_title(han_head(cut)), "{cut}");
        let (flow, _) = flow_of(&format!("会议在北京举行，各方代表出席。\n\n{cut}\n"));
        assert_eq!(flow.orphans.len(), 1, "{cut}: {flow:?}");
    }
    for whole in [
        "习主席在会上强调，全军要抓紧抓实备战打仗工作。",
        "巴总理纳瓦兹·谢里夫在当天的内阁会议上重申了立场。",
        "据记者计算，在纪念堂重新开放的头一个月有百万人瞻仰。",
        "与记者同看演出的副政委刘建新说，节目很精彩。",
        "前总统奥巴马表示，将继续支持。",
        "李总理表示，将继续支持。",
        "该主席表示，将继续支持。",
        "新任主席表示，将继续支持。",
    ] {
        assert!(!name_cut_before_title(han_head(whole)), "{whole}");
        let (flow, _) = flow_of(&format!("会议在北京举行，各方代表出席。\n\n{whole}\n"));
        assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
    }
}

#[test]
fn a_line_that_reads_as_whole_is_the_head_of_a_rest_close_by_when_something_runs_across() {
    for (first, second) in [
        ("俄罗斯总", "统普京14日晚签署命令。"),
        ("记者从商", "务部了解到，为助力外贸企业开拓市场。"),
        ("俄总统普京24", "日表示，俄方愿意谈判。"),
        ("北京冬奥会张家口赛区山地转", "播中心近日正式投入运营。"),
        ("习近平指", "出，最近，在中国、沙特、伊朗。"),
        // Who speaks, and what they said without them.
        ("国务院总理李强", "指出，要加快发展。"),
    ] {
        assert!(runs_across(first, second), "{first} | {second}");
    }
    for (first, second) in [
        ("欧盟新移民协议遭波兰等国反对", "统普京14日晚签署命令。"),
        ("欧盟新移民协议遭波兰等国反对", "指出，要加快发展。"),
        // Whole words on either side (交流会 reads no better across than 交流 | 会议).
        ("国际合作与交流", "会议在北京举行。"),
        ("普京批准俄罗斯新政府组成名单", "欧盟理事会14日表决通过改革方案。"),
    ] {
        assert!(!runs_across(first, second), "{first} | {second}");
    }
    // The rest of a digest's story stands under its headline, its head two blocks on.
    let text = "国际联播快讯\n\n普京批准俄罗斯新政府组成名单\n\n统普京14日晚签署命令，批准了新一届政府成员名单。\n\n欧盟新移民协议遭波兰等国反对\n\n俄罗斯总\n\n欧盟理事会14日表决通过移民和庇护法规的改革方案。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    assert_eq!(
        (flow.truncations[0].block, flow.truncations[0].continuation),
        (4, Some(2))
    );
    assert_eq!(flow.orphans.len(), 1, "{flow:?}");
    assert_eq!(flow.orphans[0].head, Some(4));
    // A byline is a whole name, whatever opens a paragraph near it.
    assert!(is_byline("本报驻俄罗斯记者刘刚"));
    // Reporters of two papers, the other named by its title.
    assert!(is_byline("本报记者江玉《中国电力报》记者张大和"));
    assert!(!is_byline("本报记者江玉《中国电力报》报道"));
    let text = "标题\n\n本报驻俄罗斯记者刘刚\n\n会议在北京举行。\n\n波尼拉没有透露出售空气的具体方式。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.truncations.is_empty(), "{flow:?}");
}

#[test]
fn a_name_the_story_repeats_goes_on_across_the_break() {
    // 内塔尼亚 | 胡同时表示 reads as 胡同 (an alley) and a fresh start, but the story names
    // 内塔尼亚胡 before: 塔尼亚 always goes on in 胡 there.
    let text = "标题\n\n以色列总理内塔尼亚胡当天表示，战争将一直持续下去。不过，内塔尼亚\n\n胡同时表示，以军会为平民离开交战区提供便利。\n";
    let (flow, _) = flow_of(text);
    assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    // Twice for a string of three (李存冬), each time going on the same way.
    let text = "标题\n\n李存冬2018年来到哨所。李存冬说，这里就像家。\n\n高原条件的艰苦让人刻骨铭心，但李存\n\n冬心甘情愿留下来。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    // Once is chance for a string of three…
    let text = "标题\n\n李存冬2018年来到哨所。\n\n高原条件的艰苦让人刻骨铭心，但李存\n\n冬心甘情愿留下来。\n";
    let doc = Document::parse(text);
    let [first, second] = [2, 3].map(|i| doc.block_text(&doc.blocks[i]));
    assert!(!echoed(text, first, second));
    // … and a phrase that the story ends in many ways (发展经济, 发展成果) is no sign.
    let text = "标题\n\n坚持发展核电，发展经济，共享发展成果。\n\n以核养核，滚动发展\n\n核电站以反应堆内原子裂变产生能量。\n";
    let doc = Document::parse(text);
    let [first, second] = [2, 3].map(|i| doc.block_text(&doc.blocks[i]));
    assert!(!echoed(text, first, second));
    // Texts that are not part of the document are never echoed.
    assert!(!echoed(
        "内塔尼亚胡说。内塔尼亚胡说。",
        "不过，内塔尼亚",
        "胡同时表示"
    ));
}

#[test]
fn a_headline_is_not_carried_on_by_what_its_story_repeats() {
    // The story goes on from the headline's last words elsewhere (竞争秩序工作), but a headline
    // ends where it ends.
    let text = "国内联播快讯\n\n央视网消息（新闻联播）：\n\n我国进一步规范新能源汽车产业竞争秩序\n\n工业和信息化部日前联合部署进一步规范新能源汽车产业竞争秩序工作，包括开展专项检查。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn a_short_line_goes_on_in_a_name_the_story_repeats() {
    // 中国人民银行 stands twice more: the line 中国 is a sentence cut after its first word.
    let text = "标题\n\n中国人民银行今天发布数据。中国人民银行表示，货币政策保持稳健。\n\n中国\n\n人民银行数据显示，今年除夕夜全国移动支付交易量增长。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
    // Without the repeats, a short line over a paragraph is a heading.
    let text = "标题\n\n今天发布数据，货币政策保持稳健。\n\n中国\n\n人民银行数据显示，今年除夕夜全国移动支付交易量增长。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn couplets_and_correlatives_are_composed() {
    assert!(composed_opening("球旋地转，日新月异。"));
    assert!(composed_opening("人在家中坐，收发全国货。"));
    assert!(composed_opening("越来越多的游客来到这里。"));
    assert!(!composed_opening("会精神，推动学习贯彻走深走实。"));
    assert!(!composed_opening("助企纾困、拓展服务等4个方面推出15项举措。"));
    // Clauses of two or three characters make no couplet.
    assert!(!composed_opening("年群体，集中提供职业指导。"));
    assert!(!composed_opening("越南总理谈今年工作。"));
}

#[test]
fn a_paragraph_that_opens_inside_a_name_the_story_repeats_lost_its_head() {
    // 沪宁 stands twice more, each time after 王: 王沪宁 lost its 王 and what came before.
    let story = "标题\n\n全国政协主席王沪宁在新疆调研。王沪宁强调，要深入学习。\n\n{rest}\n";
    let text = story.replace(
        "{rest}",
        "沪宁表示，新疆维吾尔自治区党委团结带领各族干部群众做了大量工作。",
    );
    let (flow, _) = flow_of(&text);
    assert!(flow.orphans.iter().any(|o| o.block == 2), "{flow:?}");
    let doc = Document::parse(&text);
    assert!(starts_inside_an_echo(&text, doc.block_text(&doc.blocks[2])));
    // Once more is chance; a character of its own before it elsewhere (王沪宁, 上海沪宁) is no
    // sign; nor a time word (大年初一 | 年初一，) or a number (第十六条 | 十六、).
    for (story, rest) in [
        ("全国政协主席王沪宁在新疆调研。", "沪宁表示，要做好工作。"),
        (
            "王沪宁在新疆调研。上海沪宁城际铁路通车。",
            "沪宁表示，要做好工作。",
        ),
        (
            "大年初一，人们走亲访友。大年初一的早上很热闹。",
            "年初一，久雨初晴，山区春意融融。",
        ),
        (
            "第十六条规定。第十六条修改为。",
            "十六、第二十九条修改为：违反本条例。",
        ),
    ] {
        let text = format!("标题\n\n{story}\n\n{rest}\n");
        let doc = Document::parse(&text);
        assert!(
            !starts_inside_an_echo(&text, doc.block_text(&doc.blocks[2])),
            "{rest}"
        );
    }
    // Texts that are not part of the document are never read.
    assert!(!starts_inside_an_echo(
        "王沪宁说。王沪宁说。",
        "沪宁表示，要做好工作。"
    ));
}

#[test]
fn a_number_cut_inside_goes_on_only_from_its_digits() {
    // Under a headline that opens as a sentence does, the rest of a figure lost its head.
    let text = "国内联播快讯\n\n三峡船闸累计货运量突破23亿吨\n\n截至今年3月底，三峡船闸累计过闸货运量达23.7亿吨。\n\n今年一季度广州白云机场口岸出入境客流持续攀升\n\n.5%；外籍人员约175万人次，同比增长超36%。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.is_empty(), "{flow:?}");
    assert!(flow.orphans.iter().any(|o| o.block == 4), "{flow:?}");
    // After its head digits, it goes on.
    let text = "标题\n\n会议在北京举行。\n\n今年一季度，经白云机场口岸出入境的内地居民超278万人次，同比增长17\n\n.5%；外籍人员约175万人次，同比增长超36%。\n";
    let (flow, _) = flow_of(text);
    assert_eq!(flow.splits.len(), 1, "{flow:?}");
}

#[test]
fn a_figure_alone_as_a_first_sentence_lost_its_head() {
    for (text, lost) in [
        ("357.36亿元。", true),
        ("80周年。国家主席习近平出席庆典。", true),
        ("90人死亡。", true),
        ("47项。", true),
        // A figure that opens a sentence of its own.
        ("2023年，我国粮食产量再创新高。", false),
        ("1.加强组织领导。", false),
        ("30年来，太湖治理水平不断提高。", false),
        ("5G基站数量超过300万个。", false),
        ("2024年到了。人们走上街头。", false),
    ] {
        assert_eq!(is_bare_figure_sentence(text), lost, "{text}");
    }
}

#[test]
fn a_line_labelled_in_a_series_is_a_subheading() {
    for (line, labelled) in [
        ("原因之一：农电负担重", true),
        ("镜头之二：民办医院，各具特色", true),
        ("思考之二：政府出题，社会投资", true),
        // No label: running text, or a colon that is no series'.
        ("主要原因：农电负担重", false),
        ("之一：农电负担重", false),
        ("这是原因之一", false),
    ] {
        assert_eq!(is_labelled_in_a_series(line), labelled, "{line}");
    }
    let text = "标题\n\n今年以来，当地办学热情高涨。\n\n镜头之二：民办医院，各具特色\n\n记者踏入路桥区首家股份制医院，看到病人不少。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.truncations.is_empty() && flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn a_paragraph_that_says_again_the_word_before_it_does_not_carry_it_on() {
    assert!(repeats_the_end(
        "中共湖南岳阳市委书记阳宝华",
        "阳宝华，51岁，大学文化。"
    ));
    assert!(!repeats_the_end(
        "中共湖南岳阳市委书记阳宝",
        "华，51岁，大学文化。"
    ));
    // 华阳 is a word across the join, but the name is said again, not carried on.
    let text =
        "人心顺事业兴\n\n中共湖南岳阳市委书记阳宝华\n\n阳宝华，51岁，大学文化，曾任衡阳市委常委、副市长。\n";
    let (flow, _) = flow_of(text);
    assert!(flow.splits.is_empty(), "{flow:?}");
}

#[test]
fn a_title_and_one_character_end_on_a_cut_name() {
    for (text, cut) in [
        ("伊朗总统莱", true),
        ("对话伙伴国阿塞拜疆总统阿", true),
        ("老挝人民革命党中央总书记、国家主席通", true),
        // Words of their own after the title.
        ("伊朗沙特数日内互开大使馆", false),
        ("中华人民共和国主席令", false),
        ("伊拉克要求推迟检查总统府", false),
        ("外交部发言人答记者问", false),
        ("两国总统", false),
    ] {
        assert_eq!(ends_on_a_title_and_one_character(text), cut, "{text}");
    }
}

#[test]
fn who_proposes_opens_a_sentence_and_a_proposal_may_label_a_paragraph() {
    // 委员们建议，要… opens as a sentence does: a line so cut is running text, no headline.
    let (flow, _) = flow_of(
        "标题\n\n全国政协召开网络议政远程协商会，围绕加快智慧物流发展协商议政。\n\n委员们建议，要完善智慧物流基础设施\n\n国家发展改革委负责人现场作了协商交流。\n",
    );
    assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
    // 建议： opens a paragraph as a label: no speaker was lost.
    let (flow, _) = flow_of(
        "标题\n\n全国政协召开网络议政远程协商会，围绕加快智慧物流发展协商议政。\n\n建议：加强农村物流基础设施建设，完善县乡村三级物流配送体系。\n",
    );
    assert!(flow.orphans.is_empty(), "{flow:?}");
}

#[test]
fn a_heading_gives_way_to_a_broken_paragraph_close_by() {
    // The rest of a sentence whose head moved two paragraphs down stands under a subheading: it
    // is the broken paragraph's rest, not the heading's.
    let text = "关于《建议》稿的说明\n\n全会审议了《建议》稿。\n\n三、需要说明的几个重点问题\n\n，就其中几个重点问题作简要说明。\n\n《建议》稿从这个基本定位出发，提出了明确要求。\n\n《建议》稿提出了一些重要观点和重大举措。这里\n\n全会号召全党全军全国各族人民团结奋斗。\n";
    let (flow, heads) = flow_of(text);
    assert!(flow.splits.is_empty(), "{flow:?} {heads:?}");
    assert_eq!(flow.orphans.len(), 1, "{flow:?} {heads:?}");
    assert_eq!(flow.orphans[0].block, 3, "{flow:?} {heads:?}");
    assert_eq!(flow.orphans[0].head, Some(5), "{flow:?} {heads:?}");
    // With no such paragraph, the heading that does not read whole goes on in it.
    let text = "关于《建议》稿的说明\n\n全会审议了《建议》稿。\n\n三、需要说明的几个重点问题\n\n，就其中几个重点问题作简要说明。\n\n《建议》稿从这个基本定位出发，提出了明确要求。\n";
    let (flow, heads) = flow_of(text);
    assert_eq!(flow.splits.len(), 1, "{flow:?} {heads:?}");
}

#[test]
fn a_paragraph_that_opens_on_a_joining_word_lost_what_it_joined() {
    assert_openings(
        &[
            "和信息化部等部门将举办中央企业、民营企业对接活动。",
            "至10日，今年以来加拿大林火过火面积持续扩大。",
            "或温度超标等情况，系统将触发自动报警。",
            "和欧洲谈判，但只有达成满足俄方需求的协议才行。",
            "和金融账户中，直接投资顺差650亿美元。",
        ],
        &[
            "和过去不同的是，这是一个在全新思路指导下形成的合作项目。",
            "和《三国演义》相比，《水浒传》的人物更具鲜明的性格特点。",
            "和基督教教堂比起来，伊斯坦布尔的清真寺更显得宏大。",
            "和平发展是时代的主题。",
            "和谐的社会人人共享。",
            "至此，工程全面完工。",
            "至今，已有100多人受益。",
            "或许这就是答案。",
            "及时发现问题很重要。",
        ],
    );
}

#[test]
fn a_verb_alone_before_a_function_word_ends_a_word() {
    assert_openings(
        &[
            "发的洪水已造成至少111人死亡。",
            "购的制度性成本将进一步降低。",
            "日的一次喷发过后，当地政府提升了预警级别。",
            "持把发展经济的着力点放在实体经济上。",
            "围和公平、稳定、可预期的发展环境持续优化。",
        ],
        &[
            "说的是实话，做的是实事。",
            "是的，如今的塞罕坝已是一片林海。",
            "有的地方已经开始行动。",
            "我的家乡在东北。",
            "新的一年开始了。",
            "党的二十大胜利召开。",
            "要把发展经济的着力点放在实体经济上。",
            "我把这件事记在心上。",
        ],
    );
}

#[test]
fn a_verb_alone_as_the_first_clause_lost_its_subject() {
    assert_openings(
        &[
            "配合，各级干部要坚守一线、全力以赴。",
            "开展，推动专家协商会更好发挥作用。",
            "改善，群众获得感明显增强。",
        ],
        &[
            "据悉，活动将持续到月底。",
            "例如，一些地方推出了消费券。",
            "预计，今年粮食产量将再创新高。",
            "看来，这个办法管用。",
            "据统计，全市共有200多家企业参加。",
        ],
    );
}

#[test]
fn places_abbreviated_open_a_sentence() {
    assert_openings(
        &["们纷纷表示，要认真学习贯彻会议精神。"],
        &[
            "德方愿同中方加强沟通协调，共同倡导多边主义和自由贸易。",
            "京港高铁（雄商段）是我国高速铁路网京港通道的重要组成部分。",
            "粤港澳大湾区建设扎实推进。",
            "川籍学者的提法，不是一个地域概念。",
        ],
    );
    assert!(places_abbreviated_first("英方表示") && places_abbreviated_first("京津冀协同发展"));
    assert!(!places_abbreviated_first("京市民") && !places_abbreviated_first("德国"));
}

#[test]
fn where_each_sentence_is_a_paragraph_paragraphs_open_as_sentences_do() {
    let sentences = [
        "今年以来，我国经济运行总体平稳。",
        "一季度国内生产总值同比增长5.3%。",
        "工业生产较快增长，服务业持续恢复。",
        "市场销售保持增长，就业形势总体稳定。",
        "我们隆重庆祝新中国成立75周年。",
        "召开党的二十届三中全会，推动进一步全面深化改革。",
        "远亲不如近邻。",
        "促进两岸文化交流，共同弘扬中华文化。",
        "各地区各部门认真贯彻落实党中央决策部署。",
    ];
    let set_apart = format!("经济平稳开局\n\n{}\n", sentences.join("\n\n"));
    let (flow, _) = flow_of(&set_apart);
    assert!(flow.orphans.is_empty(), "{flow:?}");
    // A lost head still shows.
    let lost = set_apart.replace("各地区各部门认真", "们认真");
    assert_eq!(flow_of(&lost).0.orphans.len(), 1);
    // Where paragraphs hold several sentences, a paragraph that opens so lost its head.
    let run_on = format!(
        "经济平稳开局\n\n{}\n\n{}\n\n{}\n\n{}\n",
        sentences[..5].concat(),
        sentences[5],
        sentences[6],
        sentences[7..].concat()
    );
    assert_eq!(flow_of(&run_on).0.orphans.len(), 3, "{:?}", flow_of(&run_on).0);
}

#[test]
fn a_numbered_headline_in_clauses_is_a_heading() {
    for headline in [
        "二、以进一步完善商品市场为契机，促进经济增长方式的优化",
        "一、解放思想，做“想为”文章，以存量资产引财",
        "3、开拓进取，以深化改革生财",
    ] {
        assert_eq!(role(headline, BlockKind::Paragraph), Role::Heading, "{headline}");
    }
    for cut in [
        "三、加大财政支持力度，对符合条件的企业给予",
        "二、要加强组织领导，",
    ] {
        assert_ne!(role(cut, BlockKind::Paragraph), Role::Heading, "{cut}");
    }
}

#[test]
fn short_numbered_headlines_make_no_text_hard_wrapped() {
    // Numbered headlines of one length, with an enumeration comma and no stop, and headlines
    // in clauses of one length: running text whose paragraphs end on their stops.
    let mut text = String::from("通过坦赞铁路局的验收，开始在\n\n坦赞铁路线上投入使用。\n\n");
    for (k, headline) in [
        "1、大江截流展宏图",
        "2、棉堆如山喜煞人",
        "3、百年老矿创新绩",
        "4、科技确保粮丰收",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "{headline}\n\n我国最大的棉产区新疆去年棉花再获丰收，第{k}批新棉已经运抵内地。\n\n"
        ));
    }
    for headline in [
        "三分威严，七分纯朴",
        "一年一度，又是春风",
        "十年磨剑，终成大器",
        "千里之行，始于足下",
    ] {
        text.push_str(&format!(
            "{headline}\n\n记者在现场看到，工人们正在紧张施工，各项工作有序推进。\n\n"
        ));
    }
    let doc = Document::parse(&text);
    assert!(!hard_wrapped(&doc));
    assert_eq!(analyse(&doc).splits.len(), 1);
    // Wrapped at a width: the lines that end a paragraph run no longer than the width.
    let wrapped = "今年以来，重庆高新区不断优化办事、审批等环节\n和流程，持续为企业减负，激发企业创业激情。据\n统计，新增市场主体一万余户，同比增长百分之\n十五。重庆高新区还出台了一系列政策措施，支持\n企业发展壮大。\n";
    assert!(hard_wrapped(&Document::parse(wrapped)));
    // Short paragraphs wrapped at a width: as many lines end on a stop as stop mid-sentence.
    let short = concat!(
        "十四届全国人大常委会第五次会议在京举行\n",
        "央视网消息（新闻联播）：十四届全国人大常委会第五次会\n",
        "议28日上午在北京人民大会堂举行第一次全体会议。赵乐\n",
        "际委员长主持。\n",
        "会议听取了全国人大宪法和法律委员会副主任委员袁曙宏作\n",
        "的关于行政复议法修订草案审议结果的报告。草案三审稿加\n",
        "强行政复议履职保障、完善有关工作要求；增强行政复议吸\n",
        "纳行政争议的能力等。\n",
        "会议听取了宪法和法律委员会副主任委员周光权作的关于外\n",
        "国国家豁免法草案审议结果的报告。草案二审稿根据常委会\n",
        "审议意见和各方面意见进行了修改完善。\n",
        "会议听取了周光权作的关于民事诉讼法修正草案审议结果的\n",
        "报告。草案二审稿完善涉外案件地域管辖的相关规定；妥善\n",
        "协调管辖权冲突问题，完善相关规定等。\n",
        "宪法和法律委员会认为上述三项草案已比较成熟，建议提请\n",
        "本次常委会会议审议通过。\n",
        "会议听取了袁曙宏作的关于公司法修订草案修改情况的汇报\n",
        "。\n",
        "会议听取了宪法和法律委员会副主任委员何平作的关于增值\n",
        "税法草案修改情况的汇报。\n",
        "国务院提出了关于提请审议学前教育法草案的议案。受国务\n",
        "院委托，教育部部长怀进鹏作了说明。\n",
        "国务院提出了关于提请审议学位法草案的议案。受国务院委\n",
        "托，司法部部长贺荣作了说明。\n",
        "国务院提出了关于提请审议治安管理处罚法修订草案的议案\n",
        "。受国务院委托，贺荣作了说明。\n",
        "国务院提出了关于提请审议关于延长授权国务院在粤港澳大\n",
        "湾区内地九市开展香港法律执业者和澳门执业律师取得内地\n",
        "执业资质和从事律师职业试点工作期限的决定草案的议案。\n",
        "受国务院委托，贺荣作了说明。\n",
    );
    assert!(hard_wrapped(&Document::parse(short)));
}

#[test]
fn a_name_that_a_word_runs_across_opens_nothing() {
    assert_openings(
        &["代化航空装备，以及俄罗斯太平洋舰队的舰艇。"],
        &["代小红说：“我们很满意。”"],
    );
    assert!(name_first("代小红说") && !name_first("代化航空装备"));
}
