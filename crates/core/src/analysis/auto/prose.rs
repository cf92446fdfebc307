//! An article cut for the rules: its content blocks, tokens, quotation depth and sentences.
//!
//! Quotation marks are classified by what stands on each side: `«` `‹` open and `»` `›` close;
//! `"` `“` `”` `„` `‘` `’` open after a space (or the line start, `(`, `:`) and before a letter,
//! and close after a letter and before a space or punctuation; otherwise `“ „ ‘` open, `” ’`
//! close and `"` toggles; `’` between two letters is an apostrophe. A quotation still open at the end of a line goes on into the next line when that line
//! opens with a quotation mark (the usual way to quote several paragraphs) or when its first mark
//! closes; otherwise it is dropped at the line end. A sentence ends at `. ! ? ؟ …` outside
//! quotations (a point between digits is a decimal point) and at every line end.

use crate::model::Article;
use crate::model::date::DateSpec;
use crate::text::dates::{DateMention, extract_dates};
use crate::text::tokenize::{Token, tokenize_range};

/// The normalized form used by every rule: [`crate::text::normalize()`] plus two spelling
/// variants common in news copy (`الأميركية` = `الأمريكية`, `كوردستان` = `كردستان`).
pub(crate) fn canon(norm: &str) -> String {
    let mut s = norm.to_string();
    if s.contains("اميرك") {
        s = s.replace("اميرك", "امريك");
    }
    if s.contains("كوردستان") {
        s = s.replace("كوردستان", "كردستان");
    }
    s
}

/// A content line of the article.
#[derive(Debug, Clone)]
pub(crate) struct PBlock {
    pub start: usize,
    pub end: usize,
    /// Tokens `first_tok..end_tok` lie in this block.
    pub first_tok: usize,
    pub end_tok: usize,
    /// Quotation depth at the start of the line (non-zero when a quotation goes on).
    pub start_depth: u8,
}

/// A quotation mark and the depth before and after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub pos: usize,
    pub open: bool,
    pub before: u8,
    pub after: u8,
}

pub(crate) struct Prose<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub published: DateSpec,
    pub blocks: Vec<PBlock>,
    pub toks: Vec<Token>,
    /// Canonical normalized form of each token (see [`canon`]).
    pub norm: Vec<String>,
    pub tok_block: Vec<usize>,
    pub tok_depth: Vec<u8>,
    pub tok_sent: Vec<u32>,
    pub marks: Vec<Mark>,
    /// Date expressions in the content lines, in text order.
    pub dates: Vec<DateMention>,
    /// Whether each token lies in a date expression.
    pub date_tok: Vec<bool>,
}

const MAX_DEPTH: u8 = 4;

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '‘' | '’'
    )
}

/// Whether a quotation mark opens (`Some(true)`), closes, or is not one.
fn classify(c: char, prev: Option<char>, next: Option<char>, depth: u8) -> Option<bool> {
    match c {
        '«' | '‹' => Some(true),
        '»' | '›' => Some(false),
        // Between two letters, `’` is an apostrophe (`don’t`), not a quotation mark.
        '‘' | '’'
            if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) =>
        {
            None
        }
        '"' | '“' | '”' | '„' | '‟' | '‘' | '’' => {
            let left_open = prev.is_none_or(|p| p.is_whitespace() || "([{«:؛،,-–—/".contains(p));
            let right_open =
                next.is_none_or(|n| n.is_whitespace() || ".,،:؛;!?؟)]}»…-–—".contains(n));
            Some(if left_open && !right_open {
                true
            } else if !left_open && right_open {
                false
            } else {
                match c {
                    '“' | '„' | '‘' => true,
                    '”' | '‟' | '’' => false,
                    _ => depth == 0,
                }
            })
        }
        _ => None,
    }
}

/// Whether the char at byte `i` of `s` ends a sentence.
pub(crate) fn is_terminator(s: &str, i: usize) -> bool {
    let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
        return false;
    };
    match c {
        '!' | '?' | '؟' | '…' => true,
        '.' => {
            let prev = s.get(..i).and_then(|r| r.chars().next_back());
            let next = s.get(i + 1..).and_then(|r| r.chars().next());
            !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()))
        }
        _ => false,
    }
}

impl<'a> Prose<'a> {
    pub fn new(article: &'a Article) -> Prose<'a> {
        Prose::from_parts(
            &article.id,
            &article.text,
            article.published,
            article
                .blocks
                .iter()
                .filter(|b| !b.kind.is_artifact())
                .map(|b| (b.start as usize, b.end as usize)),
        )
    }

    pub fn from_parts(
        id: &'a str,
        text: &'a str,
        published: DateSpec,
        lines: impl Iterator<Item = (usize, usize)>,
    ) -> Prose<'a> {
        let mut p = Prose {
            id,
            text,
            published,
            blocks: Vec::new(),
            toks: Vec::new(),
            norm: Vec::new(),
            tok_block: Vec::new(),
            tok_depth: Vec::new(),
            tok_sent: Vec::new(),
            marks: Vec::new(),
            dates: Vec::new(),
            date_tok: Vec::new(),
        };
        let mut carry = 0u8;
        let mut sent = 0u32;
        for (start, end) in lines {
            // Blocks that do not fit the text are skipped rather than trusted.
            if start > end
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            let line = &text[start..end];
            let start_depth = if carry > 0 && continues_quote(line, carry) {
                carry
            } else {
                0
            };
            let mut depth = start_depth;
            let first_mark = p.marks.len();
            let mut prev: Option<char> = None;
            let mut iter = line.char_indices().peekable();
            let mut leading = true;
            while let Some((i, c)) = iter.next() {
                let next = iter.peek().map(|&(_, n)| n);
                if is_quote(c)
                    && let Some(open) = classify(c, prev, next, depth)
                {
                    let before = depth;
                    // The opening mark of a continued quotation re-opens it: no new level.
                    if !(leading && open && start_depth > 0) {
                        depth = if open {
                            (depth + 1).min(MAX_DEPTH)
                        } else {
                            depth.saturating_sub(1)
                        };
                    }
                    p.marks.push(Mark {
                        pos: start + i,
                        open,
                        before,
                        after: depth,
                    });
                }
                if !c.is_whitespace() {
                    leading = false;
                }
                prev = Some(c);
            }
            carry = depth;
            let first_tok = p.toks.len();
            let marks = &p.marks[first_mark..];
            let mut m = 0;
            let mut d = start_depth;
            let mut last_end = start;
            for t in tokenize_range(text, start, end) {
                while m < marks.len() && marks[m].pos < t.start {
                    d = marks[m].after;
                    m += 1;
                }
                // A terminator between the previous token and this one, outside quotations.
                if p.toks.len() > first_tok
                    && (last_end..t.start).any(|i| {
                        text.is_char_boundary(i)
                            && is_terminator(text, i)
                            && depth_in(marks, i, start_depth) == 0
                    })
                {
                    sent += 1;
                }
                last_end = t.end;
                p.norm.push(canon(&t.norm));
                p.tok_block.push(p.blocks.len());
                p.tok_depth.push(d);
                p.tok_sent.push(sent);
                p.toks.push(t);
            }
            p.blocks.push(PBlock {
                start,
                end,
                first_tok,
                end_tok: p.toks.len(),
                start_depth,
            });
            sent += 1;
        }
        p.dates = extract_dates(text, &published)
            .into_iter()
            .filter(|d| p.block_of(d.start).is_some())
            .collect();
        p.date_tok = vec![false; p.toks.len()];
        for d in &p.dates {
            let from = p.toks.partition_point(|t| t.start < d.start);
            for i in from..p.toks.len() {
                if p.toks[i].end > d.end {
                    break;
                }
                p.date_tok[i] = true;
            }
        }
        p
    }

    /// Verbatim text between tokens `i - 1` and `i` (empty across lines).
    pub fn gap(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() || self.tok_block[i - 1] != self.tok_block[i] {
            return "";
        }
        self.text
            .get(self.toks[i - 1].end..self.toks[i].start)
            .unwrap_or("")
    }

    pub fn w(&self, i: usize) -> &str {
        self.norm.get(i).map_or("", |s| s.as_str())
    }

    /// Whether tokens `i` and `j > i` are in one line with no sentence end between them.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        i < self.toks.len() && j < self.toks.len() && self.tok_sent[i] == self.tok_sent[j]
    }

    /// Quotation depth just before byte `pos`.
    pub fn depth_at(&self, pos: usize) -> u8 {
        let k = self.marks.partition_point(|m| m.pos < pos);
        if k == 0 {
            return 0;
        }
        let m = self.marks[k - 1];
        let b = self.block_of(pos);
        match b {
            Some(b) if m.pos >= self.blocks[b].start => m.after,
            Some(b) => self.blocks[b].start_depth,
            None => 0,
        }
    }

    pub fn block_of(&self, pos: usize) -> Option<usize> {
        let k = self.blocks.partition_point(|b| b.start <= pos);
        (k > 0 && pos <= self.blocks[k - 1].end).then(|| k - 1)
    }
}

/// The depth just before byte `pos`, from the marks of its line.
fn depth_in(marks: &[Mark], pos: usize, start: u8) -> u8 {
    let k = marks.partition_point(|m| m.pos < pos);
    if k == 0 { start } else { marks[k - 1].after }
}

/// Whether a quotation open at the end of the previous line goes on in `line`: it opens with a
/// quotation mark, or its first mark closes.
fn continues_quote(line: &str, depth: u8) -> bool {
    let trimmed = line.trim_start();
    if trimmed.starts_with(['"', '«', '“', '„', '‘']) {
        return true;
    }
    let mut prev = None;
    let mut iter = line.chars().peekable();
    while let Some(c) = iter.next() {
        if is_quote(c) {
            return classify(c, prev, iter.peek().copied(), depth) == Some(false);
        }
        prev = Some(c);
    }
    false
}
