//! The small word lists the generator draws from: classes of interchangeable words (a word of a
//! class found in a seed paragraph may be replaced by another of the same class), and the parts
//! of the invented outlets' names.

/// Month names, January first: Gregorian and Levantine. An article's months all move by the
/// same number of months, so that «نيسان/أبريل» stays a matching pair.
pub(super) const MONTHS: [[&str; 12]; 2] = [
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
];

/// Common Iraqi family names (the seeds' own first).
pub(super) const IRAQI_NAMES: &[&str] = &[
    "السوداني",
    "العباسي",
    "البنداوي",
    "البولاني",
    "الجبوري",
    "الربيعي",
    "الساعدي",
    "الخفاجي",
    "الدليمي",
    "العبيدي",
    "الزبيدي",
    "الحسناوي",
    "الشمري",
    "الكعبي",
    "التميمي",
    "العزاوي",
    "الجنابي",
    "الكناني",
    "اللامي",
    "المياحي",
];

/// Common English surnames (the seeds' own first).
pub(super) const ENGLISH_NAMES: &[&str] = &[
    "بايدن",
    "أوستن",
    "براون",
    "سينغ",
    "رومانوسكي",
    "ميلر",
    "كارتر",
    "هاريس",
    "تومسون",
    "ويلسون",
    "ريتشاردز",
    "كولينز",
    "بيكر",
    "هوارد",
];

/// Indices in [`CLASSES`].
pub(super) const WEEKDAYS: usize = 0;
pub(super) const IRAQI_FAMILY: usize = 1;

/// Syllables of invented names.
pub(super) const SYLLABLES: &[&str] = &[
    "با", "تو", "ري", "كا", "لي", "ما", "نو", "سا", "دي", "فو", "غا", "هي", "زو", "شا", "جي", "را",
    "مو", "لا", "ني", "بو", "كو", "سي", "تا", "دا", "رو", "فا", "حا", "ود", "ان", "ير",
];

/// Interchangeable words: a word of a class found in a seed paragraph may be replaced by another
/// of the same class. Person names are common family names, not those of prominent figures.
pub(super) const CLASSES: &[&[&str]] = &[
    // Weekdays.
    &[
        "السبت",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
    ],
    IRAQI_NAMES,
    ENGLISH_NAMES,
    // Iraqi cities and provinces.
    &[
        "بغداد",
        "أربيل",
        "البصرة",
        "الموصل",
        "كركوك",
        "النجف",
        "كربلاء",
        "السليمانية",
        "دهوك",
        "الأنبار",
        "الفلوجة",
        "الرمادي",
        "تكريت",
        "سامراء",
        "الحلة",
        "الناصرية",
        "العمارة",
        "الكوت",
        "ديالى",
    ],
    // Foreign capitals.
    &[
        "واشنطن",
        "لندن",
        "باريس",
        "برلين",
        "أنقرة",
        "طهران",
        "عمّان",
        "الرياض",
        "الدوحة",
        "القاهرة",
        "روما",
        "مدريد",
    ],
];

/// One-letter prefixes (and, with, for, so) that may be attached to a word of a class.
pub(super) const PREFIXES: &[char] = &['و', 'ب', 'ل', 'ف'];

/// Invented outlet name stems, Arabic and English.
pub(super) const OUTLET_STEMS: &[(&str, &str)] = &[
    ("ضفاف", "Difaf"),
    ("المسار", "Al-Masar"),
    ("البوصلة", "Al-Bawsala"),
    ("الجسر", "Al-Jisr"),
    ("نبض الرافدين", "Nabd Al-Rafidain"),
    ("المنارة", "Al-Manara"),
    ("الواحة", "Al-Waha"),
    ("السنبلة", "Al-Sunbula"),
    ("المدار", "Al-Madar"),
    ("صدى الفرات", "Sada Al-Furat"),
    ("الضفتين", "Al-Diffatayn"),
    ("النخلة", "Al-Nakhla"),
    ("شرفة", "Shurfa"),
    ("الأفق الرحب", "Al-Ufuq Al-Rahb"),
    ("الزاوية", "Al-Zawiya"),
    ("بوابة دجلة", "Bawwabat Dijla"),
    ("الميزان", "Al-Mizan"),
    ("القنطرة", "Al-Qantara"),
    ("الرصيف", "Al-Rasif"),
    ("المشهد الآخر", "Al-Mashhad Al-Akhar"),
];

/// Kinds of outlet: `{}` is replaced by a stem.
pub(super) const OUTLET_FORMS: &[(&str, &str)] = &[
    ("{} نيوز", "{} News"),
    ("وكالة {} للأنباء", "{} News Agency"),
    ("صحيفة {}", "{} Newspaper"),
    ("قناة {}", "{} TV"),
    ("شبكة {} الإخبارية", "{} News Network"),
    ("موقع {}", "{} Online"),
    ("{} اليوم", "{} Today"),
    ("إذاعة {}", "{} Radio"),
];

/// Base cities for the invented outlets.
pub(super) const CITIES: &[(&str, &str)] = &[
    ("بغداد", "Baghdad"),
    ("أربيل", "Erbil"),
    ("البصرة", "Basra"),
    ("الموصل", "Mosul"),
    ("السليمانية", "Sulaymaniyah"),
    ("النجف", "Najaf"),
    ("عمّان", "Amman"),
    ("بيروت", "Beirut"),
    ("دبي", "Dubai"),
    ("الدوحة", "Doha"),
    ("القاهرة", "Cairo"),
    ("لندن", "London"),
];
