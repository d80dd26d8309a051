//! The message catalogues (`src/diagnostic/messages/*.ftl`): every id
//! declared in `problems.rs`, `texts.rs` and `cli.rs` is in both languages
//! with the same arguments, nothing else is, every message renders, French
//! is written with French typography, and the French report of a site
//! with several problems is the reviewed one (`tests/snapshots/`).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use vitrine::diagnostic::{cli, problems, texts, Arg, Locale, Msg};

/// Every declared id with its arguments.
fn declared() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let mut all = BTreeMap::new();
    let lists = [texts::ALL, cli::ALL, vitrine::scaffold::texts::ALL];
    let ids =
        problems::ALL.iter().map(|(_, _, id, args)| (*id, *args)).chain(lists.iter().flat_map(|l| l.iter().copied()));
    for (id, args) in ids {
        let before = all.insert(id, args.iter().copied().collect());
        assert!(before.is_none(), "`{id}` is declared twice");
    }
    all
}

/// The messages of a catalogue: id -> (variables used, the texts it can say
/// with placeables as `X`, one per branch of its selectors).
fn catalogue(locale: Locale) -> BTreeMap<String, (BTreeSet<String>, Vec<String>)> {
    let resource = fluent_syntax::parser::parse(locale.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", locale.code()));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let pattern = m.value.unwrap_or_else(|| panic!("`{}` has no text", m.id.name));
                let mut vars = BTreeSet::new();
                let texts = walk(&pattern, &mut vars);
                assert!(messages.insert(m.id.name.to_string(), (vars, texts)).is_none(), "`{}` twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{}.ftl: not Fluent: {content}", locale.code()),
            _ => {}
        }
    }
    messages
}

fn walk(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) -> Vec<String> {
    let mut texts = vec![String::new()];
    for element in &pattern.elements {
        let parts: Vec<String> = match element {
            PatternElement::TextElement { value } => vec![value.to_string()],
            PatternElement::Placeable { expression } => expression_texts(expression, vars),
        };
        texts = texts.iter().flat_map(|t| parts.iter().map(move |p| format!("{t}{p}"))).collect();
    }
    texts
}

fn expression_texts(e: &Expression<&str>, vars: &mut BTreeSet<String>) -> Vec<String> {
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, vars);
            variants.iter().flat_map(|v| walk(&v.value, vars)).collect()
        }
        Expression::Inline(i) => vec![inline(i, vars)],
    }
}

fn inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) -> String {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
            "X".to_string()
        }
        InlineExpression::StringLiteral { value } => value.to_string(),
        InlineExpression::Placeable { expression } => expression_texts(expression, vars).concat(),
        other => panic!("only variables and literals are used in the catalogues: {other:?}"),
    }
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let declared = declared();
    let mut wrong = Vec::new();
    for locale in Locale::ALL {
        let messages = catalogue(locale);
        let lang = locale.code();
        for (id, args) in &declared {
            match messages.get(*id) {
                None => wrong.push(format!("{lang}.ftl: `{id}` is missing")),
                Some((vars, _)) => {
                    let vars: BTreeSet<&str> = vars.iter().map(String::as_str).collect();
                    if vars != *args {
                        wrong.push(format!("{lang}.ftl: `{id}` uses {vars:?}, its declaration has {args:?}"));
                    }
                }
            }
        }
        for id in messages.keys().filter(|id| !declared.contains_key(id.as_str())) {
            wrong.push(format!(
                "{lang}.ftl: `{id}` is declared nowhere (problems.rs, texts.rs, cli.rs, scaffold/texts.rs)"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// With text, a count and a message as arguments (selectors take each),
/// every message says something in both languages, without a Fluent error.
#[test]
fn every_message_renders_in_both_languages() {
    for (id, args) in declared() {
        for arg in [Arg::Text("x".into()), Arg::Int(1), Arg::Int(3), Arg::Msg(Box::new(texts::a_session()))] {
            let msg = Msg { id, args: args.iter().map(|a| (*a, arg.clone())).collect() };
            for locale in Locale::ALL {
                let text = msg.render_strict(locale).unwrap_or_else(|e| panic!("{}: {e}", locale.code()));
                assert!(!text.trim().is_empty() || id == "range_none", "`{id}` says nothing in {}", locale.code());
            }
        }
    }
}

/// What French typography asks of a text (code in backticks aside): a
/// no-break space before `:`, a narrow (or plain) no-break space before
/// `;`, `?` and `!`, no-break spaces inside « », and no plain space there.
fn typography(text: &str) -> Vec<String> {
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" CODE ");
    let chars: Vec<char> = prose.chars().collect();
    let mut wrong = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let before = if i > 0 { chars[i - 1] } else { ' ' };
        let after = chars.get(i + 1).copied().unwrap_or(' ');
        let url = *c == ':' && prose[prose.char_indices().nth(i).map_or(0, |(b, _)| b)..].starts_with("://");
        match c {
            ':' | ';' | '?' | '!' if !url && i > 0 && before != '\u{a0}' && before != '\u{202f}' => {
                wrong.push(format!("`{c}` needs a no-break space before it"))
            }
            '«' if after != '\u{a0}' && after != '\u{202f}' => wrong.push("« needs a no-break space after it".into()),
            '»' if before != '\u{a0}' && before != '\u{202f}' => {
                wrong.push("» needs a no-break space before it".into())
            }
            _ => {}
        }
    }
    wrong
}

#[test]
fn french_messages_follow_french_typography() {
    let mut wrong = Vec::new();
    for (id, (_, texts)) in catalogue(Locale::Fr) {
        for text in texts {
            for problem in typography(&text) {
                wrong.push(format!("fr.ftl `{id}`: {problem}: {text:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}\n(scripts/french-typography.py fixes these)", wrong.join("\n"));
    // The check itself: it sees what it must.
    assert_eq!(typography("vouliez-vous dire `x` ?").len(), 1);
    assert!(typography("vouliez-vous dire `a:b` \u{202f}? voir https://x : «\u{a0}oui\u{a0}»").len() == 1);
    assert!(typography("par exemple\u{a0}: «\u{a0}oui\u{a0}»\u{202f}!").is_empty());
}

/// The French report of `tests/fixtures/broken` (many problems of every
/// stage), compared with `tests/snapshots/broken.fr.txt`, read and
/// reviewed as a writer reads it. `VITRINE_BLESS=1` writes it anew (then
/// read the difference before committing it).
#[test]
fn the_french_report_of_a_broken_site_is_the_reviewed_one() {
    let root = common::fixture_dir("broken");
    let output = common::vitrine()
        .env("VITRINE_LANG", "fr")
        .current_dir(&root)
        .args(["check", "--today", common::TODAY])
        .output()
        .expect("run vitrine");
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let got = String::from_utf8_lossy(&output.stderr).to_string();
    let file = common::repo_root().join("tests/snapshots/broken.fr.txt");
    if std::env::var_os("VITRINE_BLESS").is_some() {
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
        std::fs::write(&file, &got).expect("write the snapshot");
    }
    let want = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(got == want, "the French report changed; review it, then VITRINE_BLESS=1:\n{got}");
    // Not English by mistake, and in French words.
    for words in ["erreur[E041]\u{a0}: il n'y a pas d'établissement", "conseil\u{a0}: vouliez-vous dire", "erreurs,"] {
        assert!(got.contains(words), "`{words}` missing");
    }
}

#[test]
fn the_same_run_speaks_english_when_asked() {
    let root = common::fixture_dir("broken");
    let output = common::vitrine()
        .current_dir(&root)
        .args(["check", "--lang", "en", "--today", common::TODAY])
        .env("VITRINE_LANG", "fr")
        .output()
        .expect("run vitrine");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[E041]: there is no institution `institut-pastuer`"), "--lang wins: {stderr}");
    assert!(stderr.contains("hint: did you mean `institut-pasteur`?"), "{stderr}");
}

/// The site's default language is the language of messages, unless
/// VITRINE_LANG says otherwise.
#[test]
fn the_site_language_is_the_default() {
    let tmp = common::TempDir::new("messages-site-language");
    let root = common::minimal_site_in(&tmp);
    common::write(&root, "content/moocs/rage.md", "+++\ntitle = \"x\"\n+++\n");
    let run = |lang: Option<&str>| {
        let mut cmd = common::vitrine();
        cmd.env_remove("VITRINE_LANG").args(["check", "--today", common::TODAY]).current_dir(&root);
        if let Some(l) = lang {
            cmd.env("VITRINE_LANG", l);
        }
        String::from_utf8_lossy(&cmd.output().expect("run").stderr).to_string()
    };
    let config = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    assert!(config.contains("default_language = \"fr\""), "the fixture is French: {config}");
    assert!(run(None).contains("la clé obligatoire `summary` manque"), "{}", run(None));
    assert!(run(Some("en")).contains("required key `summary` is missing"), "{}", run(Some("en")));
}
