//! What vitrine says, apart from the language it says it in.
//!
//! A [`Msg`] is a message id and its arguments; it becomes text only when
//! it is printed, in a [`Locale`], through that language's catalogue
//! (`messages/en.ftl`, `messages/fr.ftl`, in Fluent's syntax). So library
//! code stays language-neutral, and a test can read a problem in either
//! language. The ids are declared once, with their arguments, in
//! `problems.rs` (each problem with its stable code) and `texts.rs` (hints,
//! parts of messages, lines of the command); a test checks that both
//! catalogues have every id with the same arguments (`tests/messages.rs`).

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language vitrine speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fr];

    /// `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The locale named by `code` (`fr`, `FR`, `fr-CA`, `fr_FR.UTF-8`), if
    /// vitrine speaks it.
    pub fn parse(code: &str) -> Option<Locale> {
        let lang: String = code.trim().chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        Locale::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(&lang))
    }

    /// The locale for a site whose default language is `code`: its own when
    /// vitrine speaks it, else English.
    pub fn for_language(code: &str) -> Locale {
        Locale::parse(code).unwrap_or(Locale::En)
    }

    /// The catalogue's text, in Fluent's syntax.
    pub fn catalogue(self) -> &'static str {
        match self {
            Locale::En => include_str!("messages/en.ftl"),
            Locale::Fr => include_str!("messages/fr.ftl"),
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Locale::En));
        static FR: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Locale::Fr));
        match self {
            Locale::En => &EN,
            Locale::Fr => &FR,
        }
    }

    /// `1.5` as this language writes it (`1,5` in French).
    pub fn decimal(self, value: f64, digits: usize) -> String {
        let text = format!("{value:.digits$}");
        match self {
            Locale::En => text,
            Locale::Fr => text.replace('.', ","),
        }
    }

    /// `a, b or c` (`a, b ou c`).
    fn list(self, items: &[String], last: Joint) -> String {
        let word = match (self, last) {
            (Locale::En, Joint::And) => "and",
            (Locale::En, Joint::Or) => "or",
            (Locale::Fr, Joint::And) => "et",
            (Locale::Fr, Joint::Or) => "ou",
        };
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
        }
    }
}

/// The catalogue of `locale`, ready to format. A syntax error in it is a
/// failing test (`tests/messages.rs`), so here what parses is kept.
fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let lang = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No invisible isolation marks around arguments: text goes to terminals.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(locale.catalogue().to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// How the last two items of a list are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Joint {
    And,
    Or,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Written as it is: a key, a slug, a path, a value from a file.
    Text(String),
    /// A count (messages choose their plural by it).
    Int(i64),
    /// A number with this many digits after the decimal separator of the
    /// language.
    Decimal(f64, usize),
    /// Items joined as the language does (`a, b or c`).
    List(Vec<String>, Joint),
    /// Another message, said in the same language (`a MOOC`, `un MOOC`).
    Msg(Box<Msg>),
}

impl Arg {
    fn value(&self, locale: Locale) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Decimal(x, digits) => FluentValue::from(locale.decimal(*x, *digits)),
            Arg::List(items, joint) => FluentValue::from(locale.list(items, *joint)),
            Arg::Msg(m) => FluentValue::from(m.render(locale)),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(p: std::path::Display<'_>) -> Arg {
        Arg::Text(p.to_string())
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Arg {
        Arg::Text(e.to_string())
    }
}

impl From<jiff::civil::Date> for Arg {
    fn from(d: jiff::civil::Date) -> Arg {
        Arg::Text(d.to_string())
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(i64, i32, u8, u16, u32, u64, usize);

/// A message: an id of the catalogue and its arguments, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

impl Msg {
    /// The message in `locale`; in English if that catalogue lacks it (a
    /// failing test), and its id if both do.
    pub fn render(&self, locale: Locale) -> String {
        self.try_render(locale).or_else(|| self.try_render(Locale::En)).unwrap_or_else(|| self.id.to_string())
    }

    fn try_render(&self, locale: Locale) -> Option<String> {
        self.render_strict(locale).ok()
    }

    /// The message in `locale`, or what went wrong (no such id, a missing
    /// argument): for the test of the catalogues.
    pub fn render_strict(&self, locale: Locale) -> Result<String, String> {
        let bundle = locale.bundle();
        let message = bundle.get_message(self.id).ok_or_else(|| format!("no message `{}`", self.id))?;
        let pattern = message.value().ok_or_else(|| format!("`{}` has no text", self.id))?;
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            args.set(*name, arg.value(locale));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        match errors.is_empty() {
            true => Ok(text.into_owned()),
            false => Err(format!("`{}`: {errors:?}", self.id)),
        }
    }

    /// Whether the message, in English, contains `needle` (for tests).
    pub fn contains(&self, needle: &str) -> bool {
        self.to_string().contains(needle)
    }
}

/// In English: for logs and tests; what is printed for people goes through
/// [`Msg::render`] in their language.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}

/// Declares messages: one function per id, taking its arguments in order
/// and returning a [`Msg`], and `ALL`, every id with its argument names
/// (the catalogues must have the same). Used by `texts.rs`.
macro_rules! texts {
    ($( $(#[$doc:meta])* $id:ident ( $($arg:ident),* ) ;)*) => {
        $(
            $(#[$doc])*
            pub fn $id($($arg: impl Into<$crate::diagnostic::message::Arg>),*) -> $crate::diagnostic::message::Msg {
                $crate::diagnostic::message::Msg {
                    id: stringify!($id),
                    args: Box::new([$((stringify!($arg), $arg.into())),*]),
                }
            }
        )*
        /// Every id declared here, with the names of its arguments.
        pub const ALL: &[(&str, &[&str])] = &[$((stringify!($id), &[$(stringify!($arg)),*])),*];
    };
}
pub(crate) use texts;
