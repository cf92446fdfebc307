//! Voices: triggers, speakers, quotations.

use super::*;

/// A voice as `(words, speaker, mode, rule, speaker rule)`.
type VoiceRow = (String, Option<String>, VoiceMode, Rule, Rule);

fn voices(text: &str) -> Vec<VoiceRow> {
    let a = article(text);
    analyse(&a, &lexicon())
        .voices
        .into_iter()
        .map(|v| {
            (
                a.text[v.span.start as usize..v.span.end as usize].to_string(),
                v.speaker.actor().map(str::to_string),
                v.mode,
                v.rule,
                v.speaker_rule,
            )
        })
        .collect()
}

#[test]
fn a_speech_verb_with_a_known_speaker() {
    let v = voices("قال وزير الخارجية فؤاد حسين إن الحكومة ماضية في الإصلاحات. وانتهى الاجتماع.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        "قال وزير الخارجية فؤاد حسين إن الحكومة ماضية في الإصلاحات."
    );
    assert_eq!(v[0].1.as_deref(), Some("fm"));
    assert_eq!(
        (v[0].2, v[0].3, v[0].4),
        (VoiceMode::Reported, Rule::SpeechVerb, Rule::ActorForm)
    );
}

#[test]
fn quotation_marks_make_a_voice_direct() {
    let v = voices("وأكد رئيس البرلمان أن «المجلس سيصوت على الموازنة الأسبوع المقبل».");
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].1.as_deref(), v[0].2),
        (Some("speaker"), VoiceMode::Direct)
    );
    assert!(v[0].0.ends_with("المقبل»."), "{}", v[0].0);
}

#[test]
fn single_quotation_marks_count_and_apostrophes_do_not() {
    let v = voices("وقال الناطق باسم الوزارة إن ‘الأوضاع مستقرة’ في المدينة.");
    assert_eq!(v[0].2, VoiceMode::Direct);
    let v = voices("وقال الناطق باسم الوزارة إن شركة O’Neill انسحبت من المشروع.");
    assert_eq!(v[0].2, VoiceMode::Reported);
}

#[test]
fn a_verb_without_subject_continues_the_previous_speaker() {
    let v = voices(
        "صرح هيثم الجبوري بأن اللجنة أنهت عملها.\nوأضاف أن التقرير النهائي سيعرض على المجلس.",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].1.as_deref(), Some("speaker"));
    assert_eq!((v[1].3, v[1].4), (Rule::SpeechVerb, Rule::PreviousSpeaker));
}

#[test]
fn a_participle_after_a_comma_is_a_voice_of_the_same_speaker() {
    let v = voices("أعلنت وزارة الداخلية اعتقال خلية مسلحة، مشيرة إلى أن التحقيقات مستمرة.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, "أعلنت وزارة الداخلية اعتقال خلية مسلحة");
    assert_eq!(v[1].0, "مشيرة إلى أن التحقيقات مستمرة.");
    assert_eq!(
        (v[1].1.as_deref(), v[1].3),
        (Some("interior"), Rule::Participle)
    );
}

#[test]
fn a_participle_right_after_its_verb_is_part_of_it() {
    let v = voices("وتابع قائلاً: «سنواصل العمل مع الشركاء».");
    assert!(v.is_empty(), "no speaker yet: {v:?}");
    let v = voices("قال سعد معن إن الطريق مفتوح.\nوتابع قائلاً: «سنواصل العمل مع الشركاء».");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, "وتابع قائلاً: «سنواصل العمل مع الشركاء».");
}

#[test]
fn attribution_phrases_name_their_source() {
    let v = voices("وبحسب مصادر أمنية فإن الهجوم وقع فجراً قرب الحدود.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!((v[0].3, v[0].4), (Rule::Attribution, Rule::NewSpeaker));
    let a = article("وبحسب مصادر أمنية فإن الهجوم وقع فجراً قرب الحدود.");
    let auto = analyse(&a, &lexicon());
    assert_eq!(auto.candidates.len(), 1);
    assert_eq!(auto.candidates[0].key, "مصادر امنيه");
    let v = voices("ونقلاً عن رويترز، فإن المفاوضات ستستأنف الأسبوع المقبل.");
    assert_eq!(
        (v[0].1.as_deref(), v[0].3),
        (Some("agency"), Rule::Attribution)
    );
    // Not a source: `حسب الحاجة` (as needed).
    assert!(voices("وسيتم توزيع المساعدات حسب الحاجة في المناطق المتضررة.").is_empty());
}

#[test]
fn a_statement_speaks_for_its_issuer_and_later_for_the_definite_noun() {
    let v = voices(
        "وذكر بيان لوزارة الداخلية أن قوات الأمن اعتقلت خمسة مطلوبين.\nوأضاف البيان أن العملية جرت في الموصل.",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|x| x.1.as_deref() == Some("interior")));
    assert_eq!(
        (v[0].4, v[1].4),
        (Rule::StatementIssuer, Rule::StatementIssuer)
    );
    let v = voices("وجاء في بيان لمكتب رئيس الوزراء أن الحكومة ستدعم المزارعين.");
    assert_eq!(
        (v[0].1.as_deref(), v[0].3),
        (Some("pm-office"), Rule::StatementCue)
    );
}

#[test]
fn an_unknown_issuer_becomes_a_new_speaker_that_the_statement_keeps() {
    let a = article(
        "وذكر بيان لهيئة النزاهة أن التحقيق شمل ثلاثة مسؤولين.\nوأوضح البيان أن النتائج ستعلن قريباً.",
    );
    let auto = analyse(&a, &lexicon());
    assert_eq!(auto.voices.len(), 2);
    assert_eq!(auto.voices[0].speaker, auto.voices[1].speaker);
    assert_eq!(auto.candidates.len(), 1);
    assert_eq!(auto.candidates[0].key, "هييه النزاهه");
}

#[test]
fn new_speakers_keep_their_title_and_drop_the_rest() {
    let a = article(
        "أعلن المكتب الإعلامي لرئيس البرلمان، اليوم، تأجيل الجلسة.\nوذكر بيان للمكتب أن الموعد الجديد سيحدد لاحقاً.\nواعتبر النائب عن كتلة الصادقون مهدي تقي أن \"التأجيل غير مبرر\"، فيما تشير تقارير إلى خلافات داخل المجلس.",
    );
    let auto = analyse(&a, &lexicon());
    let keys: Vec<&str> = auto.candidates.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "المكتب الاعلامي لرييس البرلمان",
            "النايب عن كتله الصادقون",
            "تقارير"
        ]
    );
    // «بيان للمكتب» was issued by the office named before.
    assert_eq!(auto.voices[1].speaker, auto.voices[0].speaker);
    let last = auto.voices.last().unwrap();
    assert!(a.text[last.span.start as usize..].starts_with("فيما تشير تقارير"));
}

#[test]
fn a_reported_quotation_belongs_to_the_one_quoted() {
    let v = voices("ونقلت وكالة رويترز عن سعد معن قوله إن الطريق أعيد فتحه.");
    assert_eq!(v[0].1.as_deref(), Some("spokesman"));
    // Figures and data speak too: `وتشير الأرقام إلى…` is not the previous speaker going on.
    let a = article("قال سعد معن إن الوضع مستقر. وتشير الإحصاءات الرسمية إلى تراجع الهجمات.");
    let auto = analyse(&a, &lexicon());
    assert_eq!(auto.voices[1].speaker_rule, Rule::NewSpeaker);
}

#[test]
fn a_definite_noun_takes_up_an_earlier_new_speaker() {
    let a = article(
        "وقال مسؤول عسكري رفيع إن التعزيزات وصلت إلى المدينة.\nوأوضح المسؤول أن الوضع تحت السيطرة.",
    );
    let auto = analyse(&a, &lexicon());
    assert_eq!(auto.voices.len(), 2);
    assert_eq!(auto.voices[1].speaker_rule, Rule::DefiniteAnaphora);
    assert_eq!(auto.voices[0].speaker, auto.voices[1].speaker);
    assert_eq!(auto.candidates[0].key, "مسوول عسكري رفيع");
}

#[test]
fn a_title_goes_to_the_person_named_in_apposition() {
    let v = voices("صرح المتحدث باسم العمليات المشتركة، سعد معن، بأن العملية انتهت بنجاح.");
    assert_eq!(
        (v[0].1.as_deref(), v[0].4),
        (Some("spokesman"), Rule::Apposition)
    );
    // The office of a person is not the person.
    let v = voices("وقال مستشار رئيس الوزراء إن القرار لم يتخذ بعد.");
    assert_eq!((v[0].1.as_deref(), v[0].4), (None, Rule::NewSpeaker));
}

#[test]
fn a_quotation_goes_on_into_the_next_paragraph() {
    let v = voices(
        "وقال وزير الخارجية في مؤتمر صحفي: «إن الاتفاق يمثل خطوة أولى نحو الحل.\n«وسنعمل مع الشركاء على تنفيذه خلال الأشهر المقبلة».\nوانتهى المؤتمر بعد ساعة.",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, "«وسنعمل مع الشركاء على تنفيذه خلال الأشهر المقبلة».");
    assert_eq!(
        (v[1].1.as_deref(), v[1].2, v[1].3),
        (Some("fm"), VoiceMode::Direct, Rule::QuoteContinuation)
    );
}

#[test]
fn a_headline_colon_needs_a_speaker() {
    let v = voices("وزير النفط: صادرات العراق ستتجاوز أربعة ملايين برميل");
    assert_eq!(
        (v.len(), v[0].1.as_deref(), v[0].3),
        (1, Some("oil-minister"), Rule::HeadlineColon)
    );
    assert!(voices("عاجل: انفجار قرب مطار المدينة").is_empty());
}

#[test]
fn a_subject_before_the_verb() {
    let v = voices("وكشفت مصادر مطلعة أن المفاوضات تعثرت. لكن المصادر قالت إن جولة جديدة ستعقد.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, "المصادر قالت إن جولة جديدة ستعقد.");
    assert_eq!(
        (v[1].3, v[1].4),
        (Rule::SubjectBeforeVerb, Rule::DefiniteAnaphora)
    );
}

#[test]
fn a_relative_clause_is_a_voice_only_with_its_own_subject() {
    let v = voices("وجاءت الخطوة التي اعتبرها مراقبون تصعيداً خطيراً بعد أسابيع من التوتر.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(voices("ونفذت الوزارة الخطة التي أعلنها أمس بعد موافقة المجلس.").is_empty());
}

#[test]
fn a_voice_inside_a_quotation_needs_its_own_subject_and_complement() {
    let a = article(
        "وذكرت الصحيفة أن «الحكومة تدرس خيارات عدة، فيما قال مستشار رئيس الوزراء إن القرار لم يتخذ بعد».",
    );
    let auto = analyse(&a, &lexicon());
    assert_eq!(auto.voices.len(), 2, "{:?}", auto.voices);
    let nested = &auto.voices[1];
    assert_eq!(
        &a.text[nested.span.start as usize..nested.span.end as usize],
        "فيما قال مستشار رئيس الوزراء إن القرار لم يتخذ بعد"
    );
    // A present verb inside a statement's quotation is the statement's content, not a voice.
    let v = voices("وقال المتحدث: «الحكومة تؤكد التزامها بالاتفاق».");
    assert_eq!(v.len(), 1);
}

#[test]
fn homographs_of_speech_verbs_are_not_voices() {
    for s in [
        "وقعت اشتباكات بين القوات والمسلحين قرب الحدود.",
        "وصلت المساعدات عبر معبر ربيعة إلى المدينة.",
        "يذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.",
        "ارتفعت الأسعار مما يشير إلى أزمة في الأسواق.",
        "وتابع المواطنون المباراة في المقاهي.",
    ] {
        assert!(voices(s).is_empty(), "{s}: {:?}", voices(s));
    }
}

#[test]
fn two_actors_joined_by_and_speak_as_a_new_joint_speaker() {
    let v = voices("وشدد ماكرون وشولتس على ضرورة وقف إطلاق النار.");
    assert_eq!(
        (v.len(), v[0].1.as_deref(), v[0].4),
        (1, None, Rule::NewSpeaker)
    );
}
