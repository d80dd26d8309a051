//! Every problem vitrine reports, each with its stable code.
//!
//! One line per message: whether it is an error (`Error`), a warning
//! (`Warning`) or a problem with how vitrine was run or with the file
//! system (`Usage`: exit code 2), its code, its id in the catalogues
//! (`messages/*.ftl`) and its arguments. Several messages may share a code
//! when they are one problem said in several ways; each code is explained in
//! `docs/diagnostics.md` (`vitrine explain CODE`). Codes never change
//! meaning: a retired code is not given again.
//!
//! Adding a problem: a line here, the message in both catalogues, a section
//! for a new code in both `docs/diagnostics*.md` (docs/diagnostics.md,
//! "Adding a diagnostic").

use super::message::{Arg, Msg};

/// What a problem does to a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Fails the run (exit 1).
    Error,
    /// Reported; fails the run only with `--deny-warnings`.
    Warning,
    /// Fails the run with exit 2: a problem with how vitrine was run or
    /// with the file system, not with the content.
    Usage,
}

/// A problem: its code and kind, and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: &'static str,
    pub kind: Kind,
    pub msg: Msg,
}

macro_rules! problems {
    ($( $(#[$doc:meta])* $kind:ident $code:ident $id:ident ( $($arg:ident),* ) ;)*) => {
        $(
            $(#[$doc])*
            pub fn $id($($arg: impl Into<Arg>),*) -> Problem {
                Problem {
                    code: stringify!($code),
                    kind: Kind::$kind,
                    msg: Msg { id: stringify!($id), args: Box::new([$((stringify!($arg), $arg.into())),*]) },
                }
            }
        )*
        /// Every problem: code, kind, id and the names of its arguments.
        pub const ALL: &[(&str, Kind, &str, &[&str])] =
            &[$((stringify!($code), Kind::$kind, stringify!($id), &[$(stringify!($arg)),*])),*];
    };
}

problems! {
    // Files and their front matter.
    Error E001 file_too_big(size, limit);
    Warning W001 file_large(size);
    Warning W002 link_outside_site(target);
    Error E002 unreadable(error);
    Error E002 unreadable_permission();
    Error E002 unreadable_dangling_link();
    Error E002 unreadable_folder_named_md();
    Error E002 unreadable_link_loop();
    Error E002 folder_unreadable(error);
    Error E003 name_clash(slug, other);
    Error E004 not_utf8();
    Error E004 nul_character();
    Error E005 front_matter_yaml();
    Error E005 front_matter_missing();
    Error E005 front_matter_unclosed();
    /// `part` is [`super::texts::this_file`] or [`super::texts::the_front_matter`].
    Error E006 toml_syntax(part, detail);
    Warning W003 unknown_content_folder(name);
    Warning W004 file_outside_folders();
    Warning W005 not_markdown();
    Warning W006 bundle_without_index();
    Error E007 windows_device_name(slug);
    Error E008 bad_file_slug(slug);

    // Keys and values of a front matter or of vitrine.toml.
    Error E012 unknown_key(key, within);
    Error E013 wrong_type(key, expected, found);
    Error E013 wrong_item_type(key, expected, found);
    Error E014 missing_key(key);
    Error E015 empty_value(key);
    Error E015 empty_list(key, kind);
    Error E015 empty_subject_label();
    Error E015 subject_without_letters();
    Error E015 empty_item(key);
    Error E016 not_above_zero(key, value);
    Error E016 below_zero(key);
    Error E016 not_positive(key);
    Error E016 negative_count(key);
    Error E016 quality_out_of_range();
    Error E016 widths_not_positive();
    Error E016 rate_out_of_range();
    Error E017 not_exact_date(key, period);
    Error E017 not_real_date(key);
    Error E017 date_with_time(key);
    /// `why` is one of the `when_*` texts.
    Error E017 not_date_or_period(key, why);
    Error E017 period_not_date(key);
    Error E018 not_one_of(key, choices, value);
    Error E018 item_not_one_of(key, choices, value);
    Error E019 bad_language_code(code);
    Error E020 bad_reference_slug(value);
    Error E021 summary_too_long(count, limit);
    Error E022 bad_url(key, error);
    Error E022 not_web_address(key);
    /// `what` is [`super::texts::an_email_address`], [`super::texts::a_web_address`]
    /// or [`super::texts::an_email_or_web_address`].
    Error E022 bad_address(key, what, value);
    Error E023 missing_alt(key, alt_key);
    Warning W007 alt_without_image(alt_key, key);
    Warning W008 bad_country(value);
    Error E024 bad_currency(value);
    Error E025 schedule_without_rows();

    // Rules of one entity.
    Error E026 image_not_found(path, place);
    Error E027 pass_mark_above_questions(pass, total);
    Warning W009 many_sessions(count);
    Error E028 session_without_end();
    Error E029 session_ends_before_start(end, start);
    /// `window` is [`super::texts::enrolment_window`] or [`super::texts::exam_window`].
    Error E029 window_ends_before_start(window, end, start);
    Error E030 enrolment_after_end();
    Error E031 planned_session_with_end(period);
    Error E032 sessions_overlap(start, other, line);
    Error E033 listed_twice(slug, key);
    Warning W010 small_parcours(count);
    Error E034 core_not_in_moocs(slug);
    Error E035 required_out_of_range(required, core, total);
    Error E035 required_out_of_range_core_required(required, core_required, total);
    Error E036 schedule_mixed_periods();
    Error E036 schedule_from_after_to(from, to);
    Error E037 core_required_without_core();
    Error E037 core_required_out_of_range(value, core);
    /// `place` is [`super::texts::bundle_folder_of`] or [`super::texts::static_folder`].
    Error E038 image_outside(path, place);
    Error E039 image_cannot_read(path, error);
    Error E039 image_unknown_format(path, format);
    Error E039 image_not_an_image(path);
    Error E039 image_damaged(path, error);
    Error E039 image_not_decodable(error);
    Warning W018 image_animated(path);

    // References and names between entities.
    Error E040 reference_to_draft(kind, slug);
    Error E041 no_such_entity(kind, slug);
    Error E041 brochure_no_such_parcours(slug);
    Error E042 slug_taken(slug, other);
    Error E043 parent_loop(chain);
    /// `why` is [`super::texts::reserved_open`] or [`super::texts::reserved_page`].
    Error E044 reserved_mooc_slug(slug, why);
    Error E044 reserved_page_slug(slug);
    /// `section` is [`super::texts::section`].
    Error E044 duty_page_slug(slug, section);
    Error E045 alias_in_language_folder(alias);
    /// `why` is one of the `alias_*` texts.
    Error E045 bad_alias(alias, why);
    /// `owner` is one of the `owner_*` texts.
    Error E045 alias_taken(alias, owner);
    Error E046 orphan_translation(slug);
    Error E047 translation_changes_structure(key, file);
    Error E048 translation_subjects_count(count, there, file);
    Warning W007 translation_alt_without_image(alt_key, file, key);
    /// `range` is one of the `range_*` texts.
    Warning W011 schedule_empty_row(slug, range);
    Warning W012 session_outside_schedule(schedule, range, partly);
    Warning W013 subject_unused(slug);

    // Markdown bodies.
    Error E050 refused_link(scheme);
    Error E051 dangling_internal_link(target);
    Warning W014 deep_nesting(max);
    /// `what` is [`super::texts::heading_id`] or [`super::texts::footnote`].
    Warning W015 id_reserved(what, id);
    Warning W015 footnote_twice(id);
    Warning W015 heading_id_twice(id);

    // vitrine.toml.
    Error E055 languages_without_default(lang);
    Error E056 title_for_default_language(key, code);
    Error E056 title_for_unknown_language(key, code);
    Error E057 unknown_timezone(name);
    Error E058 unknown_image_format(format);
    Warning W019 avif_not_written();
    Error E059 base_url_not_absolute();
    Error E069 licence_url_not_absolute();
    Error E071 csv_separator_unknown(value);

    // The theme and its templates.
    Error E060 theme_not_found(name);
    Error E061 template_syntax(detail);
    Error E062 template_failed(file, detail);
    Warning W016 static_link();
    Error E063 ui_strings_syntax(detail);
    Warning W017 no_ui_strings(lang);
    Error E064 ui_string_missing(key, file);
    Error E072 card_font_not_font();

    // What a public site must publish (`[accessibility]`, `[legal]`,
    // `[analytics]`), and the brochure.
    Error E065 compliance_contradicts_rate(compliance, rate, level);
    Error E066 statement_without_contact();
    Error E067 not_site_path(value);
    Error E067 counter_not_path_or_https();
    /// `face` is `regular` or `bold`.
    Error E068 brochure_font(face, detail);
    Error E068 brochure_font_not_embedded(face);
    Error E068 brochure_failed(detail);
    /// `pixels` and `limit` are [`super::texts::pixel_count`] or [`super::texts::megapixel_count`].
    Error E073 image_too_large(path, width, height, pixels, limit);

    // The built site (`vitrine check --links`).
    Error E070 broken_link(href, reason);
    Warning W020 external_link_failing(url, error, pages);

    // How vitrine was run, and the file system.
    Usage E090 config_unreadable(error);
    Usage E091 output_is_a_file();
    Usage E091 output_holds_site();
    Usage E092 output_unwritable(error);
    Usage E092 output_not_swapped(error);
    Usage E092 cannot_write(error);
    Usage E093 bad_source_date_epoch(value);
    Usage E093 source_date_epoch_out_of_range(error);
    Usage E094 bad_base_url(url, error);
    Usage E095 site_exists(path);
    Usage E095 entity_exists(path);
    Usage E096 cannot_create(path, error);
    Usage E097 brochure_unknown_language(lang);
    Usage E097 brochure_unknown_parcours(slug);
    Usage E098 cache_inside_site();
    /// The build cache beside the output folder (`output::incremental`).
    Usage E099 cache_unusable(error);
    Usage E099 cache_not_kept(error);
}
