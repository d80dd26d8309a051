//! The words of the files `vitrine new` writes: the comment above each key,
//! and the values a writer replaces. In the catalogues
//! (`src/diagnostic/messages/*.ftl`) like every other message; the file is
//! written in the site's default language.

use crate::diagnostic::message::texts;

texts! {
    // Heads of files.
    sc_header(kind);
    sc_optional();
    sc_missing(kind, command);
    sc_config_header();
    sc_home_header();

    // vitrine.toml.
    c_title();
    c_title_other(lang);
    c_base_url();
    c_default_language();
    c_languages();
    c_theme();
    c_timezone();
    c_search();
    c_paginate_by();
    c_safe_html();
    c_images();
    c_duties();
    c_compliance();
    c_statement_date();
    c_accessibility_contact();
    c_publisher();
    c_director();
    c_host();
    c_legal_contact();
    c_brochure();
    c_brochure_parcours();

    // Keys of several kinds.
    f_title();
    f_short_title();
    f_summary();
    f_draft();
    f_updated();
    f_category();
    f_cover();
    f_cover_alt();
    f_logo();
    f_logo_alt();
    f_website();
    f_institutions();

    // A MOOC.
    f_languages();
    f_subtitles();
    f_platform();
    f_subjects();
    f_level();
    f_effort();
    f_duration();
    f_teachers();
    f_featured();
    f_prerequisites();
    f_aliases();
    f_published();
    f_awards();
    f_trailer();
    f_certificate();
    f_free_attestation();
    f_price();
    f_currency();
    f_proctored();
    f_exam_minutes();
    f_exam_questions();
    f_pass_mark();
    f_ects();
    f_sessions();
    f_start();
    f_end();
    f_enrollment_start();
    f_enrollment_end();
    f_exam_start();
    f_exam_end();
    f_session_url();
    f_pacing();
    f_session_platform();
    f_cancelled();
    f_enrollments();

    // A parcours.
    f_moocs();
    f_core();
    f_core_required();
    f_required();
    f_credential();
    f_credential_name();
    f_parcours_ects();
    f_parcours_price();
    f_price_note();
    f_schedule();
    f_progression();
    f_partners();

    // A platform, an institution.
    f_audience();
    f_model();
    f_based_on();
    f_platform_pacing();
    f_learners();
    f_learners_year();
    f_certification();
    f_parent();
    f_country();

    // A schedule, a page.
    f_schedule_parcours();
    f_schedule_moocs();
    f_granularity();
    f_from();
    f_to();
    f_version();
    f_note();
    f_weight();
    f_menu();

    // Values to replace.
    v_summary(kind);
    v_body(kind);
    v_subject();
    v_teacher();
    v_prerequisites();
    v_award();
    v_credential_name();
    v_price_note();
    v_certification();
    v_note();
    v_site_title();
    v_home_title();
    v_home_body();

    // The starter site's names.
    s_institution();
    s_platform();
    s_mooc_1();
    s_mooc_2();
    s_mooc_3();
    s_parcours();
    s_schedule();
    s_page();
}
