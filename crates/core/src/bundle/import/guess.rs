//! What a plain text (a dropped `.txt` file, pasted text) probably says about itself, to fill
//! the import form: its first line as the headline, a dateline's outlet, a stated date.

use super::dates;
use crate::model::DateSpec;

/// Guesses for one text; every one may be wrong, so the form shows them for the reader to
/// confirm or change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Guess {
    /// The first non-blank line, when it is short enough to be a headline.
    pub headline: Option<String>,
    /// The first full date with its year in the text, and its words.
    pub date: Option<(DateSpec, String)>,
    /// An outlet named in a dateline: «بغداد (شفق نيوز) -», «بغداد / الجزيرة نت:».
    pub outlet: Option<String>,
}

/// Longest first line still taken for a headline, in words.
const HEADLINE_WORDS: usize = 30;

pub fn guess(text: &str) -> Guess {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    let headline = first
        .filter(|l| l.split_whitespace().count() <= HEADLINE_WORDS)
        .map(str::to_string);
    let outlet = first
        .into_iter()
        .chain(lines.take(2))
        .find_map(dateline_outlet);
    let date = dates::first_in_text(text).map(|(d, w)| (d, w.to_string()));
    Guess {
        headline,
        date,
        outlet,
    }
}

/// The outlet a dateline names at the start of a line: the words in parentheses, or after a
/// slash, before a dash or colon, within the first few words.
fn dateline_outlet(line: &str) -> Option<String> {
    let head: String = line.chars().take(60).collect();
    let cut = head.find([':', '-', '–', '—']).unwrap_or(head.len());
    let head = &head[..cut];
    if head.split_whitespace().count() > 6 {
        return None;
    }
    let name = if let (Some(a), Some(b)) = (head.find('('), head.find(')')) {
        (a < b).then(|| &head[a + 1..b])
    } else {
        head.split_once('/').map(|(_, o)| o)
    };
    name.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form's guesses: first line as headline, the dateline's outlet, a stated date.
    #[test]
    fn headline_outlet_and_date_are_guessed_from_the_text() {
        let g = guess(
            "\nانطلاق جولة جديدة من الحوار\nبغداد (شفق نيوز) - أعلنت الحكومة يوم 27 كانون الثاني 2024 عن بدء الحوار.\n",
        );
        assert_eq!(g.headline.as_deref(), Some("انطلاق جولة جديدة من الحوار"));
        assert_eq!(g.outlet.as_deref(), Some("شفق نيوز"));
        let (d, words) = g.date.expect("a stated date");
        assert_eq!(d.start.to_string(), "2024-01-27");
        assert!(words.contains("كانون الثاني"), "{words}");
        let g = guess("عنوان\nبغداد / الجزيرة نت: نص بلا تاريخ.");
        assert_eq!(g.outlet.as_deref(), Some("الجزيرة نت"));
        assert_eq!(g.date, None);
        let g = guess(&"كلمة ".repeat(40));
        assert_eq!(g.headline, None);
        assert_eq!(g.outlet, None);
    }
}
