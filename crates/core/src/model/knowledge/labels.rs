//! The closed label sets (actor categories, SemEval-2023 persuasion techniques, Policy Frames,
//! claim kinds) and their names in the interface languages.

pub const ACTOR_CATEGORIES: [&str; 10] = [
    "iraqi_government",
    "us_government",
    "coalition",
    "kurdistan_region",
    "iraqi_parliament",
    "armed_groups",
    "media",
    "unnamed_source",
    "foreign_government",
    "other",
];

/// Persuasion techniques of SemEval-2023 Task 3 (subtask 3), as used by ArAIEval.
pub const TECHNIQUES: [&str; 23] = [
    "Appeal_to_Authority",
    "Appeal_to_Fear-Prejudice",
    "Appeal_to_Hypocrisy",
    "Appeal_to_Popularity",
    "Appeal_to_Time",
    "Appeal_to_Values",
    "Causal_Oversimplification",
    "Consequential_Oversimplification",
    "Conversation_Killer",
    "Doubt",
    "Exaggeration-Minimisation",
    "False_Dilemma-No_Choice",
    "Flag_Waving",
    "Guilt_by_Association",
    "Loaded_Language",
    "Name_Calling-Labeling",
    "Obfuscation-Vagueness-Confusion",
    "Questioning_the_Reputation",
    "Red_Herring",
    "Repetition",
    "Slogans",
    "Straw_Man",
    "Whataboutism",
];

/// Frames of the Policy Frames Codebook (Boydstun et al.), as used by SemEval-2023 Task 3.
pub const FRAMES: [&str; 15] = [
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
    "Other",
];

pub const CLAIM_KINDS: [&str; 2] = ["claim", "number"];

// ----- labels of the closed sets --------------------------------------------------------------

/// English and Arabic names of an actor category.
pub fn category_labels(c: &str) -> (&'static str, &'static str) {
    match c {
        "iraqi_government" => ("Iraqi government", "الحكومة العراقية"),
        "us_government" => ("US government", "الحكومة الأمريكية"),
        "coalition" => ("Coalition", "التحالف الدولي"),
        "kurdistan_region" => ("Kurdistan Region", "إقليم كوردستان"),
        "iraqi_parliament" => ("Iraqi parliament", "البرلمان العراقي"),
        "armed_groups" => ("Armed groups", "جماعات مسلحة"),
        "media" => ("Media", "وسائل إعلام"),
        "unnamed_source" => ("Unnamed source", "مصدر غير مسمّى"),
        "foreign_government" => ("Other government", "حكومة أجنبية"),
        _ => ("Other", "أخرى"),
    }
}

pub fn technique_ar(t: &str) -> &'static str {
    match t {
        "Appeal_to_Authority" => "الاحتكام إلى السلطة",
        "Appeal_to_Fear-Prejudice" => "إثارة الخوف والتحيّز",
        "Appeal_to_Hypocrisy" => "اتهام بالنفاق",
        "Appeal_to_Popularity" => "الاحتكام إلى الشيوع",
        "Appeal_to_Time" => "الاحتكام إلى الوقت",
        "Appeal_to_Values" => "الاحتكام إلى القيم",
        "Causal_Oversimplification" => "تبسيط سببي مخلّ",
        "Consequential_Oversimplification" => "تبسيط العواقب",
        "Conversation_Killer" => "إنهاء النقاش",
        "Doubt" => "التشكيك",
        "Exaggeration-Minimisation" => "تهويل أو تهوين",
        "False_Dilemma-No_Choice" => "معضلة زائفة",
        "Flag_Waving" => "التلويح بالراية",
        "Guilt_by_Association" => "الإدانة بالارتباط",
        "Loaded_Language" => "لغة مشحونة",
        "Name_Calling-Labeling" => "الوصم والتسميات",
        "Obfuscation-Vagueness-Confusion" => "التعمية والغموض",
        "Questioning_the_Reputation" => "الطعن في السمعة",
        "Red_Herring" => "تحويل الانتباه",
        "Repetition" => "التكرار",
        "Slogans" => "الشعارات",
        "Straw_Man" => "رجل القش",
        "Whataboutism" => "ماذا عن",
        _ => "تقنية أخرى",
    }
}

pub fn frame_ar(f: &str) -> &'static str {
    match f {
        "Economic" => "اقتصادي",
        "Capacity_and_resources" => "القدرات والموارد",
        "Morality" => "أخلاقي",
        "Fairness_and_equality" => "العدالة والمساواة",
        "Legality_Constitutionality_and_jurisprudence" => "قانوني ودستوري",
        "Policy_prescription_and_evaluation" => "وصف السياسات وتقييمها",
        "Crime_and_punishment" => "الجريمة والعقاب",
        "Security_and_defense" => "الأمن والدفاع",
        "Health_and_safety" => "الصحة والسلامة",
        "Quality_of_life" => "جودة الحياة",
        "Cultural_identity" => "الهوية الثقافية",
        "Public_opinion" => "الرأي العام",
        "Political" => "سياسي",
        "External_regulation_and_reputation" => "العلاقات الخارجية والسمعة",
        _ => "أخرى",
    }
}
