//! Voices: attributed statements, their speaker and whether they are quoted.
//!
//! Triggers, in text order:
//!
//! - a **speech verb** (past or present, see [`super::verbs`]) at the start of a clause — first
//!   word of a line, after punctuation, with `و`/`ف`, or after `قد كما فيما بينما حيث ثم لكن
//!   كان…` — whose subject follows it; or with its subject just before it (`المصادر قالت`,
//!   `وكان السوداني قد أعلن`); after a relative (`التي اعتبرها كثيرون`) only with a subject;
//!   `نقل X عن Y` gives the words to `Y`;
//! - a **participle** (`مؤكداً`, `مشيرة`) after a comma, or in `-اً` before its complement (but
//!   not right after a speech verb: `وتابع قائلاً:` is one voice);
//! - an **attribution** phrase (`بحسب`, `وفقاً لـ`, `نقلاً عن`, `على لسان`) with a known source;
//! - a **statement cue**: `جاء في بيان X`, `جاء فيه`, or a known actor followed by `في بيان`;
//! - a **headline colon**: a line opening with a speaker and a colon;
//! - a **quote continuation**: a line that goes on with a quotation opened in an earlier line.
//!
//! Inside a quotation only a verb with its own subject and a complement (`فيما قال X إن…`) or an
//! attribution with a known source opens a voice (a nested voice). Without a subject, a
//! participle takes the voice before it in the sentence, else the actor that opens the
//! sentence, else the voice before it in the last three lines; a verb does the same, except that
//! a verb opening its sentence (`وأضاف`) skips the sentence's opening actor.
//!
//! A voice runs from its trigger (or the subject before it) to the end of its sentence (a
//! quotation included), or to the next voice at its level; a nested voice also ends where its
//! quotation closes. It is direct when it contains a quotation mark that opens.

use super::Rule;
use super::context::{Ctx, PUNCT, Resolved};
use super::lexicon::Lexicon;
use super::mentions::Found;
use super::prose::{Prose, is_terminator};
use super::speakers::{Boundary, Phrase, definite, head_key, is_head, phrase, statement_kind};
use super::verbs::{ATTRIBUTIONS, CLAUSE_OPENERS, Form, Need, RELATIVES, speech_verb};
use super::{AutoVoice, Candidate, Speaker, span};
use crate::model::VoiceMode;
use crate::model::order;

impl Ctx<'_> {
    fn try_verb(&mut self, i: usize) {
        let p = self.p;
        let Some(v) = speech_verb(p.w(i)) else {
            return;
        };
        if matches!(v.form, Form::Participle | Form::ParticipleA) {
            return self.try_participle(i, v.form, v.need);
        }
        let depth = p.tok_depth[i];
        let first = p.blocks[p.tok_block[i]].first_tok;
        let relative =
            i > first && RELATIVES.contains(&p.w(i - 1)) && !p.gap(i).contains(['،', ',']);
        let before = self.subject_before(i);
        if !relative && before.is_none() && !self.clause_start(i) {
            return;
        }
        let ph = phrase(p, i + 1, &self.date_tok, &self.named);
        let resolved = match self.resolve(&ph) {
            // A statement with no known issuer speaks for itself: `وتشير تقارير إلى…`.
            Resolved::Statement => Resolved::Speaker(
                self.new_speaker(&ph),
                Rule::NewSpeaker,
                Some(head_key(p.w(ph.start))),
            ),
            r => r,
        };
        // `نقلت وكالة X عن مسؤول قوله…`: the one quoted after `عن` speaks.
        let resolved = match resolved {
            Resolved::Speaker(..) if reports_speech(p.w(i)) && p.w(ph.end) == "عن" => {
                match self.resolve(&phrase(p, ph.end + 1, &self.date_tok, &self.named)) {
                    r @ Resolved::Speaker(..) => r,
                    _ => resolved,
                }
            }
            r => r,
        };
        let explicit = matches!(resolved, Resolved::Speaker(..));
        let has_subject = explicit || before.is_some();
        let complement = ph.complement() && (explicit || ph.is_empty() || before.is_some());
        let ok = match v.need {
            Need::Nothing => true,
            Need::Subject => has_subject,
            Need::Complement => complement,
            Need::Either => has_subject || complement,
        } && (depth == 0
            || (has_subject && matches!(ph.boundary, Boundary::Complement | Boundary::Colon)))
            && (!(relative || v.object) || has_subject);
        if !ok {
            return;
        }
        let verb = self.tok_range(i, i + 1);
        // The voice opens with the word that opens its clause: `وقد رحب…`, `فيما قال…`.
        let opener = i > first
            && p.same_sentence(i - 1, i)
            && !p.gap(i).chars().any(|c| PUNCT.contains(c))
            && CLAUSE_OPENERS.contains(&p.w(i - 1))
            && !matches!(p.w(i - 1), "كان" | "وكان");
        let verb_start = if opener { p.toks[i - 1].start } else { verb.0 };
        let (start, who, rule, head) = match (resolved, before) {
            (Resolved::Speaker(sp, r, h), _) => (verb_start, (sp, r), Rule::SpeechVerb, h),
            (_, Some((s, sp, r, h))) => (p.toks[s].start, (sp, r), Rule::SubjectBeforeVerb, h),
            (_, None) => {
                let skip = self.sentence_initial(i);
                let Some(who) = self.implicit(i, skip) else {
                    return;
                };
                (verb_start, who, Rule::SpeechVerb, None)
            }
        };
        let claim_end = if explicit { ph.end } else { i + 1 };
        let d = self.draft(start, verb, i, who, rule, claim_end, head);
        self.push(d);
    }

    /// A subject right before the verb, at the start of its clause: `(first token, speaker,
    /// rule, head)`.
    fn subject_before(&self, i: usize) -> Option<(usize, Speaker, Rule, Option<String>)> {
        let p = self.p;
        let mut j = i;
        if j > 0 && matches!(p.w(j - 1), "قد") && p.same_sentence(j - 1, i) {
            j -= 1;
        }
        if j == 0 || !p.same_sentence(j - 1, i) || p.gap(j).chars().any(|c| PUNCT.contains(c)) {
            return None;
        }
        let (s, who) = match self.mentions.iter().find(|m| !m.item.nested && m.end == j) {
            Some(m) => (m.start, (self.actor(m.actor), Rule::ActorForm)),
            None if is_head(p.w(j - 1)) && definite(p.w(j - 1)) => {
                let head = Some(head_key(p.w(j - 1)));
                let ph = Phrase {
                    start: j - 1,
                    end: j,
                    boundary: Boundary::End,
                };
                match self.drafts.iter().rev().find(|d| d.head == head) {
                    Some(d) => (j - 1, (d.speaker.clone(), Rule::DefiniteAnaphora)),
                    None => (j - 1, (self.new_speaker(&ph), Rule::NewSpeaker)),
                }
            }
            None => return None,
        };
        let first = p.blocks[p.tok_block[i]].first_tok;
        let opens = s == first
            || p.gap(s).chars().any(|c| PUNCT.contains(c))
            || matches!(
                p.w(s - 1),
                "كان"
                    | "وكان"
                    | "لكن"
                    | "ولكن"
                    | "بل"
                    | "فيما"
                    | "بينما"
                    | "حيث"
                    | "ثم"
            );
        if !opens {
            return None;
        }
        let start = if s > first
            && matches!(p.w(s - 1), "كان" | "وكان")
            && !p.gap(s).chars().any(|c| PUNCT.contains(c))
        {
            s - 1
        } else {
            s
        };
        Some((start, who.0, who.1, Some(head_key(p.w(s)))))
    }

    fn try_participle(&mut self, i: usize, form: Form, need: Need) {
        let p = self.p;
        if p.tok_depth[i] > 0 {
            return;
        }
        // `وتابع قائلاً:` is one voice: a participle right after a speech verb goes with it.
        if i > 0
            && p.same_sentence(i - 1, i)
            && !p.gap(i).chars().any(|c| PUNCT.contains(c))
            && speech_verb(p.w(i - 1)).is_some()
        {
            return;
        }
        let comma = p.gap(i).contains(['،', ',']);
        let ph = phrase(p, i + 1, &self.date_tok, &self.named);
        let complement = ph.is_empty() && !matches!(ph.boundary, Boundary::End);
        let ok = match form {
            Form::Participle => comma,
            _ => comma || complement,
        } && (need != Need::Complement || complement);
        if !ok {
            return;
        }
        let Some(who) = self.implicit(i, false) else {
            return;
        };
        let verb = self.tok_range(i, i + 1);
        let d = self.draft(verb.0, verb, i, who, Rule::Participle, i + 1, None);
        self.push(d);
    }

    fn try_attribution(&mut self, i: usize) {
        let p = self.p;
        let w = p.w(i);
        let bare = w
            .strip_prefix('و')
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(w);
        let verbatim = p.text.get(p.toks[i].start..p.toks[i].end).unwrap_or("");
        let src = if verbatim.ends_with("على") && p.w(i + 1) == "لسان" {
            i + 2
        } else {
            match ATTRIBUTIONS.iter().find(|(a, _)| *a == bare) {
                Some((_, "")) if bare == "استنادا" && p.w(i + 1) == "الي" => i + 2,
                Some((_, "")) => i + 1,
                Some((_, next)) if p.w(i + 1) == *next => i + 2,
                _ => return,
            }
        };
        if src >= p.toks.len() || !p.same_sentence(i, src) || self.claimed(i) || p.w(src) == "ما"
        {
            return;
        }
        let ph = phrase(p, src, &self.date_tok, &self.named);
        let (who, head) = match self.resolve(&ph) {
            Resolved::Speaker(sp, r, h) => ((sp, r), h),
            Resolved::Statement if p.tok_depth[i] == 0 => match self.implicit(i, false) {
                Some(who) => (who, None),
                None => return,
            },
            _ => return,
        };
        let verb = self.tok_range(i, src);
        let d = self.draft(
            verb.0,
            verb,
            i,
            who,
            Rule::Attribution,
            ph.end.max(src),
            head,
        );
        self.push(d);
    }

    /// `جاء في بيان X`, `جاء في البيان`, `جاء فيه`.
    fn try_came_in(&mut self, i: usize) {
        let p = self.p;
        let w = p.w(i);
        let bare = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        if !matches!(bare, "جاء" | "جا" | "ورد") || !self.clause_start(i) || p.tok_depth[i] > 0
        {
            return;
        }
        let next = p.w(i + 1);
        let who = match next {
            "فيه" | "فيها" => self
                .statements
                .iter()
                .rev()
                .find(|(t, _)| *t < i && p.same_sentence(*t, i))
                .and_then(|&(t, r)| self.last_issuer(r, t + 1))
                .map(|sp| (sp, Rule::StatementIssuer)),
            "في" => match self.resolve(&phrase(p, i + 2, &self.date_tok, &self.named)) {
                Resolved::Speaker(sp, r, _) => Some((sp, r)),
                Resolved::Statement => self.implicit(i, false),
                Resolved::None => None,
            },
            _ => None,
        };
        let Some(who) = who else { return };
        let verb = self.tok_range(i, i + 2);
        let d = self.draft(verb.0, verb, i, who, Rule::StatementCue, i + 3, None);
        self.push(d);
    }

    /// A known actor followed by `في بيان` with no verb of its own: `توخى الوزير X في بيان…`.
    fn try_in_statement(&mut self, i: usize) {
        let p = self.p;
        if p.w(i) != "في" || statement_kind(p.w(i + 1)).is_none() || p.tok_depth[i] > 0 {
            return;
        }
        let Some(m) = self.mentions.iter().find(|m| !m.item.nested && m.end == i) else {
            return;
        };
        if self.claimed(m.start) || !p.same_sentence(m.start, i) {
            return;
        }
        let first = p.blocks[p.tok_block[i]].first_tok;
        let mut s = m.start;
        while s > first && p.same_sentence(s - 1, s) && !p.gap(s).chars().any(|c| PUNCT.contains(c))
        {
            s -= 1;
        }
        let verb = self.tok_range(i, i + 2);
        let who = (self.actor(m.actor), Rule::ActorForm);
        let d = self.draft(
            p.toks[s].start,
            verb,
            i,
            who,
            Rule::StatementCue,
            i + 2,
            None,
        );
        self.push(d);
    }

    /// `X: …` at the start of a line.
    fn try_headline_colon(&mut self, b: usize) {
        let p = self.p;
        let blk = &p.blocks[b];
        let Some(j) = (blk.first_tok + 1..blk.end_tok.min(blk.first_tok + 6))
            .find(|&j| p.gap(j).contains(':'))
        else {
            return;
        };
        if (blk.first_tok..j).any(|k| speech_verb(p.w(k)).is_some()) {
            return;
        }
        let ph = Phrase {
            start: blk.first_tok,
            end: j,
            boundary: Boundary::Colon,
        };
        let Resolved::Speaker(sp, r, head) = self.resolve(&ph) else {
            return;
        };
        let colon = p.toks[j - 1].end + p.gap(j).find(':').unwrap_or(0);
        let d = self.draft(
            blk.start,
            (colon, colon + 1),
            blk.first_tok,
            (sp, r),
            Rule::HeadlineColon,
            j,
            head,
        );
        self.push(d);
    }

    fn try_quote_continuation(&mut self, b: usize) {
        let p = self.p;
        let blk = &p.blocks[b];
        if blk.start_depth == 0 || blk.first_tok >= blk.end_tok {
            return;
        }
        let Some(prev) = self.drafts.iter().rev().find(|d| d.block < b).cloned() else {
            return;
        };
        let i = blk.first_tok;
        let mut d = self.draft(
            blk.start,
            (blk.start, blk.start),
            i,
            (prev.speaker, Rule::PreviousSpeaker),
            Rule::QuoteContinuation,
            i,
            None,
        );
        d.depth = 0;
        self.push(d);
    }
}

/// Whether a verb reports someone else's words (`نقل`: the speaker follows `عن`).
fn reports_speech(w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    ["نقل", "ينقل", "تنقل"].iter().any(|v| w.starts_with(v))
}

/// Every voice of the article, in text order.
pub(crate) fn find_voices(p: &Prose, lex: &Lexicon, mentions: &[Found]) -> Vec<AutoVoice> {
    let mut c = Ctx::new(p, lex, mentions);
    for (b, blk) in p.blocks.iter().enumerate() {
        c.try_quote_continuation(b);
        c.try_headline_colon(b);
        for i in blk.first_tok..blk.end_tok {
            c.try_came_in(i);
            c.try_attribution(i);
            c.try_verb(i);
            c.try_in_statement(i);
        }
    }
    let mut drafts = c.drafts;
    order::sort_by_key(&mut drafts, |d| (d.start, d.tok));
    let mut out = Vec::new();
    for (k, d) in drafts.iter().enumerate() {
        let blk = &p.blocks[d.block];
        let mut limit = blk.end;
        if let Some(n) = drafts[k + 1..]
            .iter()
            .find(|e| e.block == d.block && e.depth <= d.depth && e.start > d.start)
        {
            limit = limit.min(n.start);
        }
        let end = statement_end(p, d.verb.1.max(d.start), limit, d.depth);
        let end = trim_end(p.text, d.start, end);
        if end <= d.start {
            continue;
        }
        let direct = d.rule == Rule::QuoteContinuation
            || p.marks
                .iter()
                .any(|m| m.open && m.pos >= d.start && m.pos < end && m.before >= d.depth);
        out.push(AutoVoice {
            span: span(p.id, d.start, end),
            verb: span(p.id, d.verb.0, d.verb.1),
            speaker: d.speaker.clone(),
            mode: if direct {
                VoiceMode::Direct
            } else {
                VoiceMode::Reported
            },
            rule: d.rule,
            speaker_rule: d.speaker_rule,
        });
    }
    out
}

/// Where a statement starting before `from` ends: after its sentence's terminator outside
/// deeper quotations, where its own quotation closes (nested voices), or at `limit`.
fn statement_end(p: &Prose, from: usize, limit: usize, depth: u8) -> usize {
    let mut pos = from;
    while pos < limit {
        let Some(c) = p.text.get(pos..).and_then(|r| r.chars().next()) else {
            break;
        };
        if depth > 0 {
            let k = p.marks.partition_point(|m| m.pos < pos);
            if let Some(m) = p.marks.get(k)
                && m.pos == pos
                && !m.open
                && m.after < depth
            {
                return pos;
            }
        }
        if is_terminator(p.text, pos) && p.depth_at(pos) <= depth {
            return pos + c.len_utf8();
        }
        pos += c.len_utf8();
    }
    limit
}

/// `end` moved back over spaces, commas and dashes (never before `start`).
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let Some(s) = text.get(start..end) else {
        return start;
    };
    start
        + s.trim_end_matches(|c: char| c.is_whitespace() || "،,-–—؛;".contains(c))
            .len()
}

/// Speakers that are not in the lexicon, grouped by phrase, with every place they speak.
pub(crate) fn candidates(voices: &[AutoVoice]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for v in voices {
        if let Speaker::New(n) = &v.speaker {
            match out.iter_mut().find(|c| c.key == n.key) {
                Some(c) => {
                    if !c.spans.contains(&n.span) {
                        c.spans.push(n.span.clone());
                    }
                }
                None => out.push(Candidate {
                    key: n.key.clone(),
                    spans: vec![n.span.clone()],
                    rule: Rule::NewSpeaker,
                }),
            }
        }
    }
    out
}
