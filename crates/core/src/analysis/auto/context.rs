//! The state the voice rules share while they walk an article: mentions by token, dates,
//! statement nouns, the voices found so far; and how a speaker phrase, or its absence, is
//! resolved (see [`super::speakers`] for the phrase itself and the order of the rules).

use super::Rule;
use super::lexicon::Lexicon;
use super::matcher::core_in;
use super::mentions::Found;
use super::prose::Prose;
use super::speakers::{
    Phrase, definite, head_key, is_filler, is_head, is_media_head, key_word, phrase,
    statement_kind, trimmed_end,
};
use super::verbs::{CLAUSE_OPENERS, has_conjunction};
use super::words::{GOVERNMENT_HEADS, PERSON_TITLES};
use super::{NewSpeaker, Speaker, span};

#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub start: usize,
    pub verb: (usize, usize),
    pub tok: usize,
    pub speaker: Speaker,
    pub rule: Rule,
    pub speaker_rule: Rule,
    pub depth: u8,
    pub block: usize,
    pub sent: u32,
    /// Tokens `tok..claim_end` attribute the voice (verb and speaker phrase).
    pub claim_end: usize,
    pub head: Option<String>,
}

pub(crate) struct Ctx<'a> {
    pub p: &'a Prose<'a>,
    pub lex: &'a Lexicon,
    pub mentions: &'a [Found],
    /// Outer mention starting at each token.
    pub at: Vec<Option<usize>>,
    pub named: Vec<bool>,
    pub date_tok: Vec<bool>,
    /// Statement and report nouns: token, report?
    pub statements: Vec<(usize, bool)>,
    pub drafts: Vec<Draft>,
}

/// Resolved speaker phrase.
pub(crate) enum Resolved {
    Speaker(Speaker, Rule, Option<String>),
    /// A statement with no issuer (`بيان مشترك`): the speaker is the one who goes on.
    Statement,
    None,
}

pub(crate) const PUNCT: &str = "،,:;؛.!?؟«»\"“”()[]-–—…";

impl<'a> Ctx<'a> {
    pub(crate) fn new(p: &'a Prose<'a>, lex: &'a Lexicon, mentions: &'a [Found]) -> Ctx<'a> {
        let n = p.toks.len();
        let mut at = vec![None; n];
        let mut named = vec![false; n];
        for (k, m) in mentions.iter().enumerate() {
            if !m.item.nested && m.start < n && at[m.start].is_none() {
                at[m.start] = Some(k);
                named[m.start] = true;
            }
        }
        let mut c = Ctx {
            p,
            lex,
            mentions,
            at,
            named,
            date_tok: p.date_tok.clone(),
            statements: Vec::new(),
            drafts: Vec::new(),
        };
        for i in 0..n {
            if let Some(report) = statement_kind(p.w(i)) {
                c.statements.push((i, report));
            }
        }
        c
    }

    /// The actor named right after a statement noun (`بيان للجنة…`, `تقرير لصحيفة…`).
    pub(crate) fn issuer_after(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < self.p.toks.len() && j <= i + 4 && self.p.same_sentence(i, j) {
            if let Some(m) = self.at[j] {
                return Some(self.mentions[m].actor);
            }
            if !is_filler(self.p.w(j)) || self.p.gap(j).contains(['،', ',']) {
                return None;
            }
            j += 1;
        }
        None
    }

    pub(crate) fn actor(&self, a: usize) -> Speaker {
        Speaker::Actor(self.lex.actors()[a].id.clone())
    }

    /// Who issued the statement noun at token `t`: a known actor named after it, or the speaker
    /// a phrase headed by a speaker noun names (`بيان للمكتب الإعلامي للسوداني`: a new speaker;
    /// `بيان للمكتب`: the office that spoke before).
    pub(crate) fn issuer_of(&self, t: usize) -> Option<Speaker> {
        if let Some(a) = self.issuer_after(t) {
            return Some(self.actor(a));
        }
        let p = self.p;
        let mut j = t + 1;
        while j < p.toks.len()
            && j <= t + 3
            && p.same_sentence(t, j)
            && !p.gap(j).contains(['،', ','])
        {
            let w = p.w(j);
            if is_head(w) && statement_kind(w).is_none() && !is_filler(w) {
                let ph = phrase(p, j, &self.date_tok, &self.named);
                return match self.resolve(&Phrase { start: j, ..ph }) {
                    Resolved::Speaker(sp, _, _) => Some(sp),
                    _ => None,
                };
            }
            if !is_filler(w) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The issuer of the last statement (or report) before token `i`. A definite `البيان` with
    /// no issuer of its own takes up an earlier one and is skipped; an indefinite one (`في بيان`)
    /// was issued by the speaker of the voice it belongs to.
    pub(crate) fn last_issuer(&self, report: bool, i: usize) -> Option<Speaker> {
        for &(t, r) in self.statements.iter().rev() {
            if t >= i || r != report {
                continue;
            }
            if let Some(sp) = self.issuer_of(t) {
                return Some(sp);
            }
            if definite(self.p.w(t)) {
                continue;
            }
            if let Some(d) =
                self.drafts.iter().rev().find(|d| {
                    d.tok <= t + 3 && t < d.claim_end + 3 && self.p.same_sentence(d.tok, t)
                })
            {
                return Some(d.speaker.clone());
            }
        }
        None
    }

    pub(crate) fn resolve(&self, ph: &Phrase) -> Resolved {
        if ph.is_empty() {
            return Resolved::None;
        }
        let p = self.p;
        let s = ph.start;
        let w = p.w(s);
        let head = Some(head_key(w));
        if let Some(report) = statement_kind(w)
            && self.at[s].is_none()
        {
            if let Some(sp) = self.issuer_of(s) {
                return Resolved::Speaker(sp, Rule::StatementIssuer, head);
            }
            if definite(w)
                && let Some(sp) = self.last_issuer(report, s)
            {
                return Resolved::Speaker(sp, Rule::StatementIssuer, head);
            }
            return Resolved::Statement;
        }
        if let Some(m) = self.at[s] {
            let found = &self.mentions[m];
            // Two actors joined by `و` speak together: a new (joint) speaker.
            if let Some(m2) = self.at.get(found.end).copied().flatten()
                && p.w(found.end).starts_with('و')
                && p.same_sentence(s, found.end)
                && p.gap(found.end).trim().is_empty()
                && self.mentions[m2].actor != found.actor
            {
                let end = self.mentions[m2].end;
                return Resolved::Speaker(self.new_speaker_words(s, end), Rule::NewSpeaker, head);
            }
            return Resolved::Speaker(self.actor(found.actor), Rule::ActorForm, head);
        }
        if is_head(w) {
            if (is_media_head(w) || core_in(w, GOVERNMENT_HEADS))
                && let Some(m) = self.at.get(s + 1).copied().flatten()
            {
                return Resolved::Speaker(
                    self.actor(self.mentions[m].actor),
                    Rule::ActorForm,
                    head,
                );
            }
            if core_in(w, PERSON_TITLES)
                && let Some(a) = self.person_in_apposition(ph)
            {
                return Resolved::Speaker(self.actor(a), Rule::Apposition, head);
            }
            if definite(w)
                && let Some(d) = self.drafts.iter().rev().find(|d| d.head == head)
            {
                return Resolved::Speaker(d.speaker.clone(), Rule::DefiniteAnaphora, head);
            }
            return Resolved::Speaker(self.new_speaker(ph), Rule::NewSpeaker, head);
        }
        let dual_or_plural =
            definite(w) && (w.ends_with("ان") || w.ends_with("ون")) && w.chars().count() > 5;
        if dual_or_plural {
            return Resolved::Speaker(self.new_speaker(ph), Rule::NewSpeaker, head);
        }
        Resolved::None
    }

    /// A known person named by their name (not a title) after a title: in the title's first
    /// segment, or right after its first comma (`وزير الدفاع العراقي، ثابت محمد العباسي`).
    pub(crate) fn person_in_apposition(&self, ph: &Phrase) -> Option<usize> {
        let p = self.p;
        let name = |j: usize| {
            let m = &self.mentions[self.at[j]?];
            let named = matches!(m.item.rule, Rule::ActorName | Rule::ActorDerived)
                || !is_head(p.w(m.start));
            (self.lex.actors()[m.actor].person && named).then_some(m.actor)
        };
        for j in ph.start + 1..ph.end {
            if p.gap(j).contains(['،', ',']) {
                return name(j);
            }
            if let Some(a) = name(j) {
                return Some(a);
            }
        }
        None
    }

    pub(crate) fn new_speaker(&self, ph: &Phrase) -> Speaker {
        self.new_speaker_words(ph.start, trimmed_end(self.p, ph, &self.date_tok))
    }

    pub(crate) fn new_speaker_words(&self, start: usize, end: usize) -> Speaker {
        let p = self.p;
        let end = end.min(p.toks.len()).max(start + 1);
        let mut key = vec![key_word(p.w(start))];
        key.extend(p.norm[start + 1..end].iter().cloned());
        Speaker::New(NewSpeaker {
            span: span(p.id, p.toks[start].start, p.toks[end - 1].end),
            key: key.join(" "),
        })
    }

    pub(crate) fn clause_start(&self, i: usize) -> bool {
        let p = self.p;
        let b = &p.blocks[p.tok_block[i]];
        i == b.first_tok
            || p.gap(i).chars().any(|c| PUNCT.contains(c))
            || CLAUSE_OPENERS.contains(&p.w(i - 1))
            || has_conjunction(p.w(i))
    }

    pub(crate) fn sentence_initial(&self, i: usize) -> bool {
        let p = self.p;
        i == p.blocks[p.tok_block[i]].first_tok || !p.same_sentence(i - 1, i)
    }

    /// The speaker of a voice with no subject of its own.
    pub(crate) fn implicit(&self, i: usize, skip_opening_actor: bool) -> Option<(Speaker, Rule)> {
        let p = self.p;
        let (blk, sent) = (p.tok_block[i], p.tok_sent[i]);
        let start = p.toks[i].start;
        if let Some(d) = self
            .drafts
            .iter()
            .rev()
            .find(|d| d.block == blk && d.sent == sent && d.start < start)
        {
            return Some((d.speaker.clone(), Rule::PreviousSpeaker));
        }
        if !skip_opening_actor
            && let Some(m) = self.mentions.iter().find(|m| {
                !m.item.nested
                    && m.start < i
                    && p.tok_sent[m.start] == sent
                    && p.tok_depth[m.start] == 0
            })
        {
            return Some((self.actor(m.actor), Rule::SentenceSubject));
        }
        self.drafts
            .iter()
            .rev()
            .find(|d| d.block + 3 >= blk && d.start < start)
            .map(|d| (d.speaker.clone(), Rule::PreviousSpeaker))
    }

    pub(crate) fn push(&mut self, d: Draft) {
        if !self
            .drafts
            .iter()
            .any(|o| o.start == d.start || o.tok == d.tok)
        {
            self.drafts.push(d);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draft(
        &self,
        start: usize,
        verb: (usize, usize),
        tok: usize,
        (speaker, speaker_rule): (Speaker, Rule),
        rule: Rule,
        claim_end: usize,
        head: Option<String>,
    ) -> Draft {
        let p = self.p;
        Draft {
            start,
            verb,
            tok,
            speaker,
            rule,
            speaker_rule,
            depth: p.tok_depth[tok],
            block: p.tok_block[tok],
            sent: p.tok_sent[tok],
            claim_end,
            head,
        }
    }

    /// Whether token `i` lies in the attributing words of a voice already found.
    pub(crate) fn claimed(&self, i: usize) -> bool {
        self.drafts.iter().any(|d| d.tok <= i && i < d.claim_end)
    }

    pub(crate) fn tok_range(&self, i: usize, j: usize) -> (usize, usize) {
        (self.p.toks[i].start, self.p.toks[j - 1].end)
    }
}
