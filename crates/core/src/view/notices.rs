//! What a link's notices say, in Arabic and English: one sentence per thing in the link that was
//! dropped or changed, naming what is shown instead.

use super::url::Notice;
use crate::bundle::imported::is_imported_id;
use crate::model::lang::Lang;

/// One sentence naming what in the link was dropped or changed, and what is shown instead.
pub fn notice_text(lang: Lang, n: &Notice) -> String {
    match (lang, n) {
        (Lang::En, Notice::UnknownParam { name }) => {
            format!("Unknown parameter “{name}” was ignored.")
        }
        (Lang::Ar, Notice::UnknownParam { name }) => {
            format!("تم تجاهل المعامل غير المعروف «{name}».")
        }
        (Lang::En, Notice::RepeatedParam { name }) => {
            format!("“{name}” appears more than once; the first value is used.")
        }
        (Lang::Ar, Notice::RepeatedParam { name }) => {
            format!("المعامل «{name}» مكرر؛ استُخدمت القيمة الأولى.")
        }
        (Lang::En, Notice::BadEncoding { name }) => {
            format!("“{name}” is not correctly encoded and was ignored.")
        }
        (Lang::Ar, Notice::BadEncoding { name }) => format!("ترميز «{name}» غير صحيح فتم تجاهله."),
        (Lang::En, Notice::BadView { value }) => {
            format!("There is no view called “{value}”; showing the library.")
        }
        (Lang::Ar, Notice::BadView { value }) => {
            format!("لا يوجد عرض باسم «{value}»؛ تُعرض المكتبة.")
        }
        (Lang::En, Notice::MissingArticle) => {
            "The link asks for the reader but names no article; showing the library.".into()
        }
        (Lang::Ar, Notice::MissingArticle) => {
            "يطلب الرابط القارئ دون تحديد مقال؛ تُعرض المكتبة.".into()
        }
        (Lang::En, Notice::UnknownArticle { id }) if is_imported_id(id) => format!(
            "The article “{id}” was imported on another device: imported articles stay in the browser that added them. Showing the rest of the view."
        ),
        (Lang::Ar, Notice::UnknownArticle { id }) if is_imported_id(id) => format!(
            "المقال «{id}» مستورد على جهاز آخر: تبقى المقالات المستوردة في المتصفح الذي أضافها. يُعرض باقي العرض."
        ),
        (Lang::En, Notice::UnknownArticle { id }) => {
            format!("No article has the id “{id}”; showing the library.")
        }
        (Lang::Ar, Notice::UnknownArticle { id }) => {
            format!("لا يوجد مقال بالمعرّف «{id}»؛ تُعرض المكتبة.")
        }
        (Lang::En, Notice::ArticleIgnored { id }) => {
            format!("The library view does not open an article; “{id}” was ignored.")
        }
        (Lang::Ar, Notice::ArticleIgnored { id }) => {
            format!("عرض المكتبة لا يفتح مقالاً؛ تم تجاهل «{id}».")
        }
        (Lang::En, Notice::UnknownValue { name, value }) => {
            format!(
                "“{name}={value}” matches nothing in this corpus; it was removed from the filter."
            )
        }
        (Lang::Ar, Notice::UnknownValue { name, value }) => {
            format!("«{name}={value}» لا يطابق شيئاً في المدوّنة؛ أزيل من المرشّح.")
        }
        (Lang::En, Notice::BadParagraph { value }) => {
            format!("The article has no paragraph “{value}”; showing its beginning.")
        }
        (Lang::Ar, Notice::BadParagraph { value }) => {
            format!("لا توجد في المقال فقرة «{value}»؛ يُعرض من بدايته.")
        }
        (Lang::En, Notice::BadArticles { value }) => {
            format!(
                "“articles={value}” must name two different articles; showing the comparison without them."
            )
        }
        (Lang::Ar, Notice::BadArticles { value }) => {
            format!("«articles={value}» يجب أن يسمّي مقالين مختلفين؛ تُعرض المقارنة من دونهما.")
        }
        (Lang::En, Notice::UnknownLens { value }) => {
            format!("There is no lens “{value}” (naming, voices or claims); it was ignored.")
        }
        (Lang::Ar, Notice::UnknownLens { value }) => {
            format!("لا توجد عدسة باسم «{value}» (naming أو voices أو claims)؛ تم تجاهلها.")
        }
        (Lang::En, Notice::UnknownZoom { value }) => {
            format!("There is no zoom “{value}” (full or core); showing the full timeline.")
        }
        (Lang::Ar, Notice::UnknownZoom { value }) => {
            format!("لا يوجد تكبير باسم «{value}» (full أو core)؛ يُعرض الخط الزمني كاملاً.")
        }
        (Lang::En, Notice::BadLanes { value }) => {
            format!(
                "“lanes={value}” is not a choice of lanes (only “all”); the outlets with most articles get lanes."
            )
        }
        (Lang::Ar, Notice::BadLanes { value }) => {
            format!(
                "«lanes={value}» ليس خياراً للمسارات (الخيار الوحيد all)؛ تُعرض الوسائل الأكثر مقالات."
            )
        }
        (Lang::En, Notice::UnknownLayer { value }) => {
            format!("There is no annotation layer “{value}”; it was ignored.")
        }
        (Lang::Ar, Notice::UnknownLayer { value }) => {
            format!("لا توجد طبقة توضيحات باسم «{value}»؛ تم تجاهلها.")
        }
        (Lang::En, Notice::BadDate { name, value }) => {
            format!("“{name}={value}” is not a date (YYYY-MM-DD); that bound was removed.")
        }
        (Lang::Ar, Notice::BadDate { name, value }) => {
            format!("«{name}={value}» ليس تاريخاً صالحاً (YYYY-MM-DD)؛ أزيل هذا الحد.")
        }
        (Lang::En, Notice::ReversedRange { from, to }) => {
            format!("The date range ended ({to}) before it began ({from}); the two were swapped.")
        }
        (Lang::Ar, Notice::ReversedRange { from, to }) => {
            format!("تنتهي الفترة ({to}) قبل أن تبدأ ({from})؛ تم تبديل الحدّين.")
        }
        (Lang::En, Notice::BadLang { value }) => {
            format!("“{value}” is not an interface language (ar or en); showing Arabic.")
        }
        (Lang::Ar, Notice::BadLang { value }) => {
            format!("«{value}» ليست لغة واجهة (ar أو en)؛ تُعرض العربية.")
        }
        (Lang::En, Notice::QueryTooLong { chars }) => {
            format!("The search text was {chars} characters long and was shortened.")
        }
        (Lang::Ar, Notice::QueryTooLong { chars }) => {
            format!("نص البحث طوله {chars} حرفاً فتم تقصيره.")
        }
        (Lang::En, Notice::BadSort { value }) => format!(
            "“{value}” is not an order of the list (date, outlet, or relevance while searching); the list is in its default order."
        ),
        (Lang::Ar, Notice::BadSort { value }) => format!(
            "«{value}» ليس ترتيباً للقائمة (التاريخ، الوسيلة، أو الصلة أثناء البحث)؛ عُرضت القائمة بترتيبها الافتراضي."
        ),
        (Lang::En, Notice::BadOrder { value }) => format!(
            "“{value}” is not an article whose column can be placed here; the columns keep their order."
        ),
        (Lang::Ar, Notice::BadOrder { value }) => {
            format!("«{value}» ليس مقالاً يمكن ترتيب عموده هنا؛ بقيت الأعمدة على ترتيبها.")
        }
        (Lang::En, Notice::BadPage { value }) => {
            format!("“{value}” is not a page of the list; the first page is shown.")
        }
        (Lang::Ar, Notice::BadPage { value }) => {
            format!("«{value}» ليست صفحة من القائمة؛ عُرضت الصفحة الأولى.")
        }
    }
}
